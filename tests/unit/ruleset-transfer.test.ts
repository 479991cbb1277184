// Export and import of a team document, and the real CLI reading an exported file unchanged.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultRules } from '../../src/ruleset/default-rules';
import { diffRuleSets, isEmptyDiff } from '../../src/ruleset/diff';
import { checkTeamDocument, type TeamDocument } from '../../src/ruleset/in-force';
import { exportDocument, formatOf, takeInlineHeads } from '../../src/ruleset/transfer';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bin = join(root, 'bin', 'tactful.mjs');

/** A head that calls every sentence blame: proof that the CLI used the team's head, not the pack's. */
const hot = (name: string) => ({
  ...JSON.parse(readFileSync(join(root, 'rules/models', `${name}.json`), 'utf8')),
  bias: 30,
});

const LEAD = `tactful: 1
name: Acme support # the lead's comment
rules:
  no-shouting: off
  require-greeting: error
models:
  blame: blame.json
  blame-reply: blame-reply.json
`;
const team: TeamDocument = { text: LEAD, models: { blame: hot('blame'), 'blame-reply': hot('blame-reply') } };

let dir: string;
beforeAll(() => {
  // dist/cli/tactful.mjs is built by the unit project's global set-up (cli-bundle.setup.ts).
  dir = mkdtempSync(join(tmpdir(), 'tactful-transfer-'));
  writeFileSync(join(dir, 'reply.txt'), 'Hi Dana,\n\nYour parcel ships today from the depot. HURRY!!!\n');
}, 120_000);

function lint(rulesFile: string) {
  const r = spawnSync(process.execPath, [bin, 'lint', 'reply.txt', '--format', 'json', '--rules', rulesFile], {
    cwd: dir,
    encoding: 'utf8',
    timeout: 60_000,
  });
  expect(r.stderr).toBe('');
  return (JSON.parse(r.stdout).findings as Array<{ ruleId: string; level: string }>).map((f) => f.ruleId);
}

describe('export', () => {
  it('writes YAML with the comments kept and the heads inline, which the CLI reads unchanged', () => {
    const yaml = exportDocument(team, 'yaml');
    expect(formatOf(yaml)).toBe('yaml');
    expect(yaml).toContain("# the lead's comment");
    expect(parse(yaml).models.blame).toMatchObject({ format: 'tactful-head/1', id: 'blame', bias: 30 });
    writeFileSync(join(dir, 'team.yml'), yaml);
    const found = lint('team.yml');
    expect(found).toContain('no-blame-shifting'); // the team's (hot) head, not the pack's
    expect(found).not.toContain('no-shouting');
  }, 60_000);

  it('writes JSON that the CLI reads unchanged', () => {
    const json = exportDocument(team, 'json');
    expect(JSON.parse(json).models['blame-reply'].bias).toBe(30);
    writeFileSync(join(dir, 'team.json'), json);
    const found = lint('team.json');
    expect(found).toContain('no-blame-shifting');
    expect(found).not.toContain('no-shouting');
  }, 60_000);

  it('gives a document without heads back exactly as written, and nothing as "tactful: 1"', () => {
    expect(exportDocument({ text: 'tactful: 1\n# hi\nrules: { no-shouting: off }\n' }, 'yaml')).toBe(
      'tactful: 1\n# hi\nrules: { no-shouting: off }\n',
    );
    expect(exportDocument(null, 'yaml')).toBe('tactful: 1\n');
    expect(JSON.parse(exportDocument(null, 'json'))).toEqual({ tactful: 1 });
  });
});

describe('import', () => {
  it('takes inline heads out of an exported file, and the document checks', () => {
    for (const format of ['yaml', 'json'] as const) {
      const taken = takeInlineHeads(exportDocument(team, format));
      if (!taken.ok) throw new Error(taken.problem.message);
      expect(Object.keys(taken.doc.models ?? {}).sort()).toEqual(['blame', 'blame-reply']);
      expect(taken.doc.text).not.toContain('tactful-head/1');
      expect(checkTeamDocument(defaultRules, taken.doc).ok).toBe(true);
      // And exporting it again gives the same document.
      expect(parse(exportDocument(taken.doc, 'yaml'))).toEqual(parse(exportDocument(team, 'yaml')));
    }
  });

  it('reads a CLI-style document as it is', () => {
    const cli = 'tactful: 1\nrules:\n  no-shouting: off\n';
    const taken = takeInlineHeads(cli);
    expect(taken).toEqual({ ok: true, doc: { text: cli } });
    expect(checkTeamDocument(defaultRules, { text: cli }).ok).toBe(true);
  });

  it('refuses a broken inline head at its line', () => {
    const text = 'tactful: 1\nmodels:\n  blame:\n    format: tactful-head/1\n    id: blame\n';
    const taken = takeInlineHeads(text);
    expect(taken.ok).toBe(false);
    if (!taken.ok) expect(taken.problem).toMatchObject({ line: 4, field: 'models.blame' });
  });
});

describe('diff', () => {
  it('lists rules added, removed and changed with the fields that changed', () => {
    const before = checkTeamDocument(defaultRules, { text: 'tactful: 1\nrules: { no-shouting: off }\n' });
    const after = checkTeamDocument(defaultRules, {
      text: `tactful: 1
rules:
  require-greeting: error
  no-policy-hiding: { patterns: { add: ["terms of service say"], remove: ["my hands are tied"] } }
custom:
  - id: no-internal-jargon
    level: warning
    description: Disallow internal ticket jargon in replies.
    message: The customer doesn't know our internal terms.
    why: Internal words make the customer feel outside the conversation.
    check: { kind: phrase, patterns: ["L2 queue"] }
`,
    });
    if (!before.ok || !after.ok) throw new Error('documents do not check');
    const d = diffRuleSets(before.rules, after.rules);
    expect(d.added).toEqual(['no-internal-jargon']);
    expect(d.removed).toEqual([]);
    const byId = Object.fromEntries(d.changed.map((c) => [c.id, c.fields]));
    expect(byId['no-shouting']).toEqual([{ field: 'enabled', from: false, to: true }]);
    expect(byId['require-greeting']).toEqual([{ field: 'level', from: 'info', to: 'error' }]);
    expect(byId['no-policy-hiding']).toEqual([
      { field: 'patterns', added: ['terms of service say'], removed: ['my hands are tied'] },
    ]);
    expect(Object.keys(byId).sort()).toEqual(['no-policy-hiding', 'no-shouting', 'require-greeting']);
    expect(isEmptyDiff(diffRuleSets(before.rules, before.rules))).toBe(true);
    const none = checkTeamDocument(defaultRules, { text: 'tactful: 1\nextends: none\n' });
    if (none.ok) expect(diffRuleSets(defaultRules, none.rules).removed).toHaveLength(defaultRules.length);
  });
});
