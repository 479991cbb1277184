// The `tactful` command, run as a real process (node bin/tactful.mjs) on the bundled CLI.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'tactful.mjs');
const fixture = (name: string) => join(root, 'tests', 'unit', 'fixtures', 'cli', name);
const TEAM_WARNING = fixture('team-warning.yml');
const TEAM_ERROR = fixture('team-error.yml');
const TEAM_VERBOSE = fixture('team-verbose.yml');
const TEAM_PACK_OFF = fixture('team-pack-off.yml');
const RULES_DIR = fixture('rules-dir');

let dir: string;
// Each run starts node and loads the bundle (about half a second), so tests get a longer timeout.

interface Result {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/tactful.mjs ...args` in the temp folder (so file names print short). */
function tactful(args: string[], input?: string): Result {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const lines = (s: string) => s.split('\n').filter((l) => l !== '');

beforeAll(() => {
  // dist/cli/tactful.mjs is built by the unit project's global set-up (cli-bundle.setup.ts).
  dir = mkdtempSync(join(tmpdir(), 'tactful-cli-'));
  const files: Record<string, string> = {
    'reply.txt': "Hi Dana,\n\nThat is not my department.\nI can check: it's not my department either.\n",
    'crlf.txt': 'Hi Dana,\r\n\r\nThat is not my department.\r\n',
    'clean.txt': 'Hi Dana,\n\nI will find out and get back to you today.\n',
    'no-greeting.txt': 'I will find out and get back to you today.\n',
    'customer.txt': 'My kettle arrived broken.\n',
    'folder-rules.txt': 'Hi Dana,\nThat is never our problem.\n',
    'batch.jsonl': [
      JSON.stringify({ id: 'a', reply: 'That is not my department.' }),
      JSON.stringify({ id: 'b', reply: 'All good here.', channel: 'email' }),
      JSON.stringify({
        id: 3,
        reply: 'Hi Sam, a new kettle ships today.',
        customer: 'It arrived broken.',
        channel: 'chat',
      }),
      JSON.stringify({
        id: 'd',
        reply: 'Sorry! A new kettle ships today.',
        customer: 'It arrived broken.',
        channel: null,
      }),
      '',
    ].join('\n'),
    'bad.jsonl': [
      JSON.stringify({ id: 1, reply: 'Not my department.' }),
      '{"id": 2, "reply": ',
      JSON.stringify({ id: 3, text: 'no reply field' }),
      JSON.stringify({ id: 4, reply: 'Fine.' }),
      JSON.stringify({ id: 5, reply: 'Fine.', channel: 'fax' }),
      '',
    ].join('\n'),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('tactful lint FILE', { timeout: 60_000 }, () => {
  it('prints file:line:col level rule-id message and exits 0 without errors', () => {
    const r = tactful(['lint', 'reply.txt', '--rules', TEAM_WARNING]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(lines(r.stdout)).toEqual([
      'reply.txt:3:9 warning no-department Offer to find out instead.',
      'reply.txt:4:19 warning no-department Offer to find out instead.',
    ]);
  });

  it('counts lines and columns right in a CRLF file', () => {
    const r = tactful(['lint', 'crlf.txt', '--rules', TEAM_WARNING]);
    expect(lines(r.stdout)).toEqual(['crlf.txt:3:9 warning no-department Offer to find out instead.']);
  });

  it('prints nothing and exits 0 for a clean reply', () => {
    const r = tactful(['lint', 'clean.txt', '--rules', TEAM_WARNING]);
    expect(r).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('exits 1 when a finding has level error', () => {
    const r = tactful(['lint', 'reply.txt', '--rules', TEAM_ERROR]);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
    expect(lines(r.stdout)).toEqual([
      'reply.txt:3:9 error no-department Offer to find out instead.',
      'reply.txt:4:19 error no-department Offer to find out instead.',
    ]);
    // Any file with an error makes the run fail; clean files alone do not.
    expect(tactful(['lint', 'clean.txt', 'reply.txt', '--rules', TEAM_ERROR]).status).toBe(1);
    expect(tactful(['lint', 'clean.txt', '--rules', TEAM_ERROR]).status).toBe(0);
  });

  it('--format json prints the report (without why) and keeps the exit code', () => {
    const r = tactful(['lint', 'reply.txt', '--rules', TEAM_ERROR, '--format', 'json']);
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.file).toBe('reply.txt');
    expect(report.score).toBeGreaterThanOrEqual(0);
    expect(report.score).toBeLessThan(100);
    expect(report.findings).toHaveLength(2);
    const text = "Hi Dana,\n\nThat is not my department.\nI can check: it's not my department either.\n";
    const f = report.findings[0];
    expect(f).toMatchObject({
      ruleId: 'no-department',
      level: 'error',
      message: 'Offer to find out instead.',
      actual: 'not my department',
    });
    expect(text.slice(f.start, f.end)).toBe('not my department');
    expect(f.fixes[0]).toMatchObject({ start: f.start, end: f.end, text: 'something I can find out' });
    expect(f).not.toHaveProperty('why');

    const two = JSON.parse(
      tactful(['lint', 'reply.txt', 'clean.txt', '--rules', TEAM_WARNING, '--format', 'json']).stdout,
    );
    expect(two.map((x: { file: string }) => x.file)).toEqual(['reply.txt', 'clean.txt']);
    expect(two[1]).toEqual({ file: 'clean.txt', score: 100, findings: [] });
  });

  it('--customer FILE gives the customer message as context', () => {
    expect(tactful(['lint', 'clean.txt', '--rules', TEAM_WARNING]).stdout).toBe('');
    const r = tactful(['lint', 'clean.txt', '--rules', TEAM_WARNING, '--customer', 'customer.txt']);
    expect(r.status).toBe(0);
    // Anchored where the missing apology belongs: the start of the reply.
    expect(lines(r.stdout)).toEqual(['clean.txt:1:1 info require-sorry Say sorry for the trouble.']);
  });

  it('--channel chat|email picks the channel (email by default)', () => {
    const email = 'no-greeting.txt:1:1 info require-hello Open with a greeting.';
    expect(lines(tactful(['lint', 'no-greeting.txt', '--rules', TEAM_WARNING]).stdout)).toEqual([email]);
    expect(lines(tactful(['lint', 'no-greeting.txt', '--rules', TEAM_WARNING, '--channel', 'email']).stdout)).toEqual([
      email,
    ]);
    const chat = tactful(['lint', 'no-greeting.txt', '--rules', TEAM_WARNING, '--channel', 'chat']);
    expect(chat).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('--rules takes a folder of rule files', () => {
    const r = tactful(['lint', 'folder-rules.txt', '--rules', RULES_DIR]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    expect(lines(r.stdout)).toEqual(['folder-rules.txt:2:9 error no-department Offer to find out instead.']);
    expect(lines(tactful(['lint', 'no-greeting.txt', '--rules', RULES_DIR]).stdout)).toEqual([
      'no-greeting.txt:1:1 info require-hello Open with a greeting.',
    ]);
  });
});

describe('tactful lint --jsonl', { timeout: 60_000 }, () => {
  const expected = [
    {
      id: 'a',
      findings: [
        { ruleId: 'no-department', start: 8, end: 25, level: 'warning', message: 'Offer to find out instead.' },
      ],
    },
    {
      id: 'b',
      findings: [{ ruleId: 'require-hello', start: 0, end: 14, level: 'info', message: 'Open with a greeting.' }],
    },
    {
      id: 3,
      findings: [{ ruleId: 'require-sorry', start: 0, end: 33, level: 'info', message: 'Say sorry for the trouble.' }],
    },
    { id: 'd', findings: [] },
  ];

  const check = (r: Result) => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(4);
    out.forEach((o, i) => {
      expect(Object.keys(o).sort()).toEqual(['findings', 'id', 'score']);
      expect(o).toMatchObject(expected[i]!);
      expect(o.findings).toEqual(expected[i]!.findings);
      expect(o.score).toBeGreaterThanOrEqual(0);
      expect(o.score).toBeLessThanOrEqual(100);
    });
    expect(out[3].score).toBe(100);
    expect(out[0].score).toBeLessThan(100);
  };

  it('answers one line per input line, in order, from a file', () => {
    check(tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING]));
  });

  it('reads stdin with --jsonl -', () => {
    const input = tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING]);
    const stdin = readFileSync(join(dir, 'batch.jsonl'), 'utf8');
    const r = tactful(['lint', '--jsonl', '-', '--rules', TEAM_WARNING], stdin);
    check(r);
    expect(r.stdout).toBe(input.stdout);
  });

  it('reports bad lines on stderr with their line number, answers the others, exits 2', () => {
    const r = tactful(['lint', '--jsonl', 'bad.jsonl', '--rules', TEAM_WARNING]);
    expect(r.status).toBe(2);
    const err = lines(r.stderr);
    expect(err).toHaveLength(3);
    expect(err[0]).toMatch(/^tactful: bad\.jsonl:2: .*JSON/);
    expect(err[1]).toMatch(/^tactful: bad\.jsonl:3: .*"reply"/);
    expect(err[2]).toMatch(/^tactful: bad\.jsonl:5: .*"channel"/);
    expect(r.stderr).not.toContain('    at ');
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual([1, null, 3, 4, 5]);
    expect(out[0].findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['no-department']);
    expect(out[3]).toEqual({ id: 4, findings: [], score: 100 });
    for (const k of [1, 2, 4]) expect(out[k]).toMatchObject({ line: k + 1, error: expect.any(String) });
  });

  it('exits 1 when any line has a finding at level error, like lint FILE', () => {
    const r = tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_ERROR]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 3, 'd']);
    expect(out[0].findings).toEqual([{ ...expected[0]!.findings[0], level: 'error' }]);
    // The same reply as a file fails the same way.
    writeFileSync(join(dir, 'line-a.txt'), 'That is not my department.');
    expect(tactful(['lint', 'line-a.txt', '--rules', TEAM_ERROR, '--channel', 'chat']).status).toBe(1);
  });

  it('exits 2 when bad lines and error findings meet (bad input wins), still answering every line', () => {
    const r = tactful(['lint', '--jsonl', 'bad.jsonl', '--rules', TEAM_ERROR]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toHaveLength(3);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    expect(out).toHaveLength(5);
    expect(out[0].findings.map((f: { level: string }) => f.level)).toEqual(['error']);
  });

  it("--channel sets the channel of lines that have none; a line's own channel wins", () => {
    const r = tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING, '--channel', 'email']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = lines(r.stdout).map((l) => JSON.parse(l));
    const ids = (o: { findings: Array<{ ruleId: string }> }) => o.findings.map((f) => f.ruleId).sort();
    // "a" has no channel and "d" has null: both are emails now, so the greeting is required.
    expect(ids(out[0])).toEqual(['no-department', 'require-hello']);
    expect(ids(out[1])).toEqual(['require-hello']);
    expect(ids(out[2])).toEqual(['require-sorry']); // channel "chat" on the line itself
    expect(ids(out[3])).toEqual(['require-hello']);
    const chat = tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING, '--channel', 'chat']);
    expect(chat.stdout).toBe(tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING]).stdout);
  });

  it('accepts --format json (JSONL output is JSON already)', () => {
    const r = tactful(['lint', '--jsonl', 'batch.jsonl', '--rules', TEAM_WARNING, '--format', 'json']);
    check(r);
  });

  it('--help states the exit codes and that lines default to chat while files default to email', () => {
    const r = tactful(['--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/tactful lint FILE[^\n]*\n.*--time-budget MS.*\n.*\n.*--channel defaults to email/);
    expect(r.stdout).toMatch(/--jsonl[\s\S]*without "channel" is linted as --channel, which defaults to chat/);
    expect(r.stdout).toMatch(/1 a finding at level error \(in any file or line\)/);
    expect(r.stdout).toMatch(/2 bad input or a reply not checked to the end, which wins over 1/);
    expect(r.stdout).toMatch(/--time-budget MS: how long one reply may take \(default 10000\)/);
  });
});

describe('bad input: one line on stderr, exit 2, no stack trace', { timeout: 60_000 }, () => {
  const bad = (args: string[], pattern: RegExp) => {
    const r = tactful(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr.endsWith('\n')).toBe(true);
    expect(lines(r.stderr)).toHaveLength(1);
    expect(r.stderr).toMatch(/^tactful: /);
    expect(r.stderr).toMatch(pattern);
    return r.stderr;
  };

  it('missing file', () => bad(['lint', 'nope.txt'], /nope\.txt.*does not exist/));
  it('missing customer file', () => bad(['lint', 'clean.txt', '--customer', 'nobody.txt'], /nobody\.txt/));
  it('missing JSONL file', () => bad(['lint', '--jsonl', 'nope.jsonl'], /nope\.jsonl/));
  it('missing rule set', () => bad(['lint', 'clean.txt', '--rules', 'nope.yml'], /nope\.yml/));
  it('unknown flag', () => bad(['lint', 'clean.txt', '--bogus'], /--bogus/));
  it('unknown command', () => bad(['frobnicate', 'clean.txt'], /unknown command "frobnicate"/));
  it('--channel bogus', () => bad(['lint', 'clean.txt', '--channel', 'bogus'], /--channel must be email or chat/));
  it('--format bogus', () => bad(['lint', 'clean.txt', '--format', 'bogus'], /--format must be text or json/));
  it('nothing to lint', () => bad(['lint'], /nothing to lint/));
  it('a flag without its value', () => bad(['lint', 'clean.txt', '--rules'], /--rules/));

  // Flags that do not apply are refused, never silently ignored.
  it('--customer with --jsonl', () =>
    bad(['lint', '--jsonl', 'batch.jsonl', '--customer', 'customer.txt'], /--customer.*own "customer" field/));
  it('--format text with --jsonl', () =>
    bad(
      ['lint', '--jsonl', 'batch.jsonl', '--format', 'text'],
      /--jsonl always prints JSON lines; drop --format text/,
    ));
  it('--channel bogus with --jsonl', () =>
    bad(['lint', '--jsonl', 'batch.jsonl', '--channel', 'fax'], /--channel must be email or chat/));
  it('lint-only flags with rules', () => {
    bad(['rules', '--customer', 'customer.txt'], /--customer is for tactful lint/);
    bad(['rules', '--channel', 'chat'], /--channel is for tactful lint/);
    bad(['rules', '--format', 'json'], /--format is for tactful lint/);
    bad(['rules', '--jsonl', 'batch.jsonl'], /--jsonl is for tactful lint/);
  });
  it('files with rules', () => bad(['rules', 'clean.txt'], /takes no files.*tactful lint clean\.txt/));
  it('rules-only flags with lint', () => {
    bad(['lint', 'clean.txt', '--markdown'], /--markdown is for tactful rules/);
    bad(['lint', 'clean.txt', '--verbose'], /--verbose is for tactful rules/);
    bad(['lint', '--jsonl', 'batch.jsonl', '--verbose'], /--verbose is for tactful rules/);
  });
  it('--markdown with --verbose', () => bad(['rules', '--markdown', '--verbose'], /do not combine.*drop one/));

  it('invalid rule set: YAML syntax error names the file and line', () => {
    const path = fixture('bad-syntax.yml');
    const msg = bad(['lint', 'clean.txt', '--rules', path], /not valid YAML/);
    expect(msg).toContain(`${path}:`);
    expect(msg).toMatch(/bad-syntax\.yml:[4-6]: /);
  });

  it('invalid rule set: unknown field names the file, line and field', () => {
    const path = fixture('bad-unknown-field.yml');
    const msg = bad(['lint', 'clean.txt', '--rules', path], /unknown field "severity"/);
    expect(msg).toMatch(/bad-unknown-field\.yml:\d+: custom\.0/);
  });

  it('invalid rule set: wrong level in a custom rule names the file, line and field', () => {
    const path = fixture('bad-level.yml');
    const msg = bad(['lint', 'clean.txt', '--rules', path], /info, warning, error/);
    expect(msg).toContain(`${path}:5: custom.0.level: `);
  });

  it('invalid rule set: wrong level in an override names the file, line and field', () => {
    const path = fixture('bad-override-level.yml');
    const msg = bad(['lint', 'clean.txt', '--rules', path], /info, warning, error/);
    expect(msg).toContain(`${path}:5: rules.no-department.level: `);
  });

  it('invalid rule set: an unknown rule id names the file and the rule', () => {
    bad(
      ['lint', 'clean.txt', '--rules', fixture('team-unknown-rule.yml')],
      /team-unknown-rule\.yml.*rules\.no-such-rule.*no rule "no-such-rule"/,
    );
  });

  it('invalid rule file in a folder names the file and line', () => {
    const folder = join(dir, 'bad-rules');
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'no-x.yml'), 'id: no-x\nlevel: loud\n');
    bad(['lint', 'clean.txt', '--rules', folder], /no-x\.yml:2: level: level must be one of info, warning, error/);
    writeFileSync(join(folder, 'no-x.yml'), 'id: no-y\n');
    bad(['rules', '--rules', folder], /no-x\.yml/);
  });
});

describe('tactful rules', { timeout: 60_000 }, () => {
  const ROW = /^(no|require)-[a-z0-9-]+\t(info|warning|error)\t\S/;

  it('lists the default pack, one rule a line', () => {
    const r = tactful(['rules']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const rows = lines(r.stdout);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row).toMatch(ROW);
  });

  it('lists the rules of --rules (folder or team set)', () => {
    const folder = tactful(['rules', '--rules', RULES_DIR]);
    expect(folder.status).toBe(0);
    expect(lines(folder.stdout)).toEqual([
      'no-department\terror\tAddress deflection such as "not my department".',
      'require-hello\tinfo\tAddress the customer with a greeting at the start of an email.',
    ]);
    const team = tactful(['rules', '--rules', TEAM_ERROR]);
    expect(lines(team.stdout).map((l) => l.split('\t').slice(0, 2).join(' '))).toEqual([
      'no-department error',
      'require-sorry info',
      'require-hello info',
    ]);
  });

  it('--markdown prints the README table', () => {
    const r = tactful(['rules', '--markdown', '--rules', RULES_DIR]);
    expect(r.status).toBe(0);
    const out = lines(r.stdout);
    expect(out).toContain('| rule | level | channels | check | what it does |');
    expect(out).toContain(
      '| `require-hello` | info | email | require | Address the customer with a greeting at the start of an email. |',
    );
  });

  it('shows the level in force after merging the team set: off for rules it turned off', () => {
    const r = tactful(['rules', '--rules', TEAM_PACK_OFF]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const levels = new Map(lines(r.stdout).map((l) => l.split('\t').slice(0, 2) as [string, string]));
    expect(levels.get('no-deflection')).toBe('off');
    expect(levels.get('require-thanks')).toBe('off'); // { enabled: false }
    expect(levels.get('no-shouting')).toBe('error');
    for (const row of lines(r.stdout)) expect(row).toMatch(/^(no|require)-[a-z0-9-]+\t(info|warning|error|off)\t\S/);
    const custom = lines(tactful(['rules', '--rules', TEAM_VERBOSE]).stdout).map((l) => l.split('\t')[1]);
    expect(custom).toEqual(['warning', 'off', 'info', 'info']);
    const table = lines(tactful(['rules', '--markdown', '--rules', TEAM_PACK_OFF]).stdout);
    expect(table.find((l) => l.startsWith('| `no-deflection` |'))).toMatch(/^\| `no-deflection` \| off \|/);
  });

  it('--verbose prints every pattern list of each check kind, quoted as written, fixes and examples', () => {
    const r = tactful(['rules', '--verbose', '--rules', TEAM_VERBOSE]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n')).toEqual([
      'no-department\twarning\tDisallow deflection such as "not my department".',
      '  check: phrase',
      '  patterns:',
      '    "not my department"',
      `    "not my job"  fixes: ["something I'll find out"]`,
      `    "/\\\\bnot (?:our|my) problem['’]?s?\\\\b/i"`,
      '    "(not|never) our #Noun"',
      '  unless:',
      `    "I'll find out"`,
      '  fixes:',
      '    "something I can find out"',
      '  bad examples:',
      '    "Refunds are not my department."  flags: "not my department"',
      '      after fix: "Refunds are something I can find out."',
      '  good examples:',
      `    "Refunds are not my department, but I'll find out."`,
      '',
      'no-bare-cant\toff\tDisallow a bare "can\'t" without an alternative.',
      '  check: pair, window 1',
      '  patterns:',
      `    "/\\\\b(?:we|I) can['’]t\\\\b/i"`,
      '  alternatives:',
      '    "but I can"',
      '    "instead"',
      '  unless:',
      `    "can't wait"`,
      '',
      'require-sorry\tinfo\tRequire regret when the customer reports a problem.',
      '  check: require, zone anywhere, insert at after-greeting',
      '  patterns:',
      '    "sorry"',
      '  unless:',
      '    "not sorry"',
      '  when.customer:',
      '    "broken"',
      '    "/\\\\bwaited (?:for )?(?:days|weeks)\\\\b/i"',
      '  when.customerUnless:',
      '    "no problem"',
      '  when.draft:',
      '    "delay"',
      '  fixes:',
      '    "Sorry about that."',
      '  bad examples:',
      '    "A new kettle ships today."  flags: "whole reply"  customer: "It arrived broken."',
      '      after fix: "Sorry about that. A new kettle ships today."',
      '  good examples:',
      '    "Sorry! A new kettle ships today."  customer: "It arrived broken."  channel: chat',
      '',
      'no-cold-tone\tinfo\tDisallow cold wording toward the customer.',
      '  check: sentiment, threshold -3, misplacedPraise while require-sorry is missing',
      '  unless:',
      '    "no worries"',
      '  misplacedPraise:',
      '    "thank you for your kind words"',
      '    "/\\\\bglad you (?:enjoyed|liked)\\\\b/i"',
      '',
    ]);
  });

  it('a pattern as --verbose prints it, pasted under remove:, removes exactly that pattern', () => {
    const verbose = lines(tactful(['rules', '--verbose', '--rules', TEAM_VERBOSE]).stdout);
    const printed = (needle: string) => verbose.find((l) => l.includes(needle))!.trim();
    const regex = printed('problem[');
    const alternative = printed('"instead"');
    const praise = printed('bglad you');
    // The printed form is the YAML (and JSON) spelling of the pattern, backslashes and all.
    const team = readFileSync(TEAM_VERBOSE, 'utf8').replace(
      'rules:\n  no-bare-cant: off\n',
      [
        'rules:',
        '  no-department:',
        `    patterns: { remove: [${regex}] }`,
        '  no-bare-cant:',
        `    alternatives: { remove: [${alternative}] }`,
        '  no-cold-tone:',
        `    misplacedPraise: { remove: [${praise}] }`,
        '',
      ].join('\n'),
    );
    writeFileSync(join(dir, 'team-removed.yml'), team);
    const r = tactful(['rules', '--verbose', '--rules', 'team-removed.yml']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const after = lines(r.stdout).map((l) => l.trim());
    for (const gone of [regex, alternative, praise]) expect(after).not.toContain(gone);
    expect(after).toContain('"not my department"');
    expect(after).toContain('"but I can"');
    expect(after).toContain('"thank you for your kind words"');
  });

  it('--verbose on the default pack: the same rows as the listing, each followed by its examples', () => {
    const plain = lines(tactful(['rules']).stdout);
    const r = tactful(['rules', '--verbose']);
    expect(r.status).toBe(0);
    const blocks = r.stdout.trimEnd().split('\n\n');
    expect(blocks.map((b) => b.split('\n')[0])).toEqual(plain);
    for (const b of blocks) {
      expect(b).toMatch(/\n {2}check: (phrase|pair|require|sentiment|classifier)/);
      expect(b).toContain('\n  bad examples:\n');
      expect(b).toContain('\n  good examples:\n');
    }
  });

  it('works through npx from the repo root (the package resolves its own bin)', () => {
    const viaNode = spawnSync(process.execPath, [bin, 'rules'], { cwd: root, encoding: 'utf8' });
    const viaNpx = spawnSync('npx', ['tactful', 'rules'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 120_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    expect(viaNpx.error).toBeUndefined();
    expect(viaNpx.status, viaNpx.stderr).toBe(0);
    expect(viaNpx.stdout).toBe(viaNode.stdout);
  }, 130_000);
});

describe('tactful train', () => {
  it("trains a team's own heads from its labelled replies, and a team set names them", () => {
    // A team whose own word for passing the blame is "the pineapple crew" (an in-house team).
    const row = (i: number, blame: boolean) => {
      const reply = blame
        ? `Sorry, the pineapple crew handled order ${i} and they got it wrong.`
        : `Your order ${i} ships today and I will send the tracking link.`;
      const labels = { blame_shifting: blame, deflection: false, negative_tone: false, apology_needed: false };
      const spans = { blame_shifting: blame ? [reply] : [], deflection: [], negative_tone: [] };
      return JSON.stringify({ id: `t${i}`, scenario: `s${i % 10}`, customer: null, reply, labels, spans });
    };
    const rows = Array.from({ length: 40 }, (_, i) => row(i, i % 2 === 0));
    writeFileSync(join(dir, 'ours.jsonl'), `${rows.join('\n')}\n`);
    const trained = tactful([
      'train',
      '--corpus',
      'ours.jsonl',
      '--no-default-corpus',
      '--head',
      'blame',
      '--head',
      'blame-reply',
      '--out',
      'team-models',
    ]);
    expect(trained.stderr).toBe('');
    expect(trained.status).toBe(0);
    expect(trained.stdout).toMatch(/wrote 2 model/);

    writeFileSync(join(dir, 'reply.txt'), 'The pineapple crew handled your order and they got it wrong.\n');
    const blamed = (args: string[]) =>
      JSON.parse(tactful(['lint', 'reply.txt', '--format', 'json', ...args]).stdout).findings.some(
        (f: { ruleId: string }) => f.ruleId === 'no-blame-shifting',
      );
    expect(blamed([])).toBe(false);
    writeFileSync(
      join(dir, 'team.yml'),
      'tactful: 1\nmodels:\n  blame: team-models/blame.json\n  blame-reply: team-models/blame-reply.json\n',
    );
    expect(blamed(['--rules', 'team.yml'])).toBe(true);
  }, 60_000);

  it('refuses a bad corpus line with its file and line, and a team set naming a missing model', () => {
    writeFileSync(join(dir, 'bad.jsonl'), '{"id": "1", "reply": "hi"}\nnot json\n');
    const bad = tactful(['train', '--corpus', 'bad.jsonl', '--no-default-corpus', '--out', 'm']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.jsonl:2/);

    writeFileSync(join(dir, 'team.yml'), 'tactful: 1\nmodels:\n  blame: nowhere/blame.json\n');
    writeFileSync(join(dir, 'reply.txt'), 'Hello.\n');
    const missing = tactful(['lint', 'reply.txt', '--rules', 'team.yml']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/blame\.json/);
  }, 60_000);
});
