import { describe, expect, it } from 'vitest';
import { createLinter, type Rule } from '../../src/engine';
import {
  RuleSetError,
  checkReferences,
  mergeRuleSet,
  parseRuleFile,
  parseTeamRuleSet,
  regexProblem,
  type TeamRuleSet,
} from '../../src/ruleset';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { rule } from './helpers';

/** Runs `f`, expects a RuleSetError and returns it. */
function ruleSetError(f: () => unknown): RuleSetError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(RuleSetError);
    return e as RuleSetError;
  }
  throw new Error('expected a RuleSetError, nothing was thrown');
}

// A valid rule file. The description uses an imperative verb ending in "s" so that it passes both
// the schema's current check and the convention in DESIGN.md ("Disallow…", "Require…").
const RULE_YAML = `id: no-department
level: warning
description: Address deflection such as "not my department".
message: Offer to find out instead.
why: A customer passed on without help feels nobody owns the problem.
check:
  kind: phrase
  patterns:
    - not my department
    - "/\\\\bnot (?:our|my) job\\\\b/i"
  skipQuestions: true
fixes:
  - something I can find out for you
examples:
  bad:
    - text: That is not my department.
      flag: not my department
      output: [That is something I can find out for you.]
  good:
    - text: I will find out for you.
`;

/** Replaces one line of RULE_YAML (1-based) to make an invalid variant. */
const withLine = (line: number, replacement: string) => {
  const lines = RULE_YAML.split('\n');
  lines[line - 1] = replacement;
  return lines.join('\n');
};

describe('parseRuleFile', () => {
  it('reads a valid rule with its examples', () => {
    const r = parseRuleFile(RULE_YAML, 'rules/no-department.yml', 'no-department');
    expect(r.id).toBe('no-department');
    expect(r.check).toEqual({
      kind: 'phrase',
      patterns: ['not my department', '/\\bnot (?:our|my) job\\b/i'],
      skipQuestions: true,
    });
    expect(r.examples?.bad[0]?.flag).toBe('not my department');
  });

  it('reports a YAML syntax error with file and line', () => {
    const e = ruleSetError(() =>
      parseRuleFile(withLine(8, '  patterns: [not my department'), 'rules/no-department.yml'),
    );
    expect(e.file).toBe('rules/no-department.yml');
    expect(e.line).toBeGreaterThanOrEqual(8);
    expect(e.line).toBeLessThanOrEqual(12);
    expect(e.message).toMatch(/^rules\/no-department\.yml:\d+: /);
    expect(e.message).toMatch(/not valid YAML or JSON/);
  });

  it('reports a wrong level with line, field and the allowed values', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(2, 'level: severe'), 'x.yml'));
    expect(e.line).toBe(2);
    expect(e.field).toBe('level');
    expect(e.problem).toMatch(/info, warning, error/);
    expect(e.message).toBe(`x.yml:2: level: ${e.problem}`);
  });

  it('reports a wrong kind with the kinds to choose from', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(7, '  kind: phrases'), 'x.yml'));
    expect(e.line).toBe(7);
    expect(e.field).toBe('check.kind');
    expect(e.problem).toMatch(/phrase, pair, require, sentiment/);
  });

  it('reports a missing field and says to add it', () => {
    const text = RULE_YAML.replace(/^why: .*\n/m, '');
    const e = ruleSetError(() => parseRuleFile(text, 'x.yml'));
    expect(e.field).toBe('why');
    expect(e.line).toBe(1);
    expect(e.problem).toMatch(/add the why field/);
  });

  it('reports a field of the wrong type as such, not as missing', () => {
    // The field is there: "missing; add the why field" sends the writer looking for nothing.
    const why = ruleSetError(() => parseRuleFile(withLine(5, 'why: 12345678901234567890'), 'x.yml'));
    expect(why.field).toBe('why');
    expect(why.line).toBe(5);
    expect(why.problem).not.toMatch(/missing/);
    const patterns = ruleSetError(() =>
      parseRuleFile(
        RULE_YAML.replace(/ {2}patterns:\n {4}- not my department\n {4}- .*\n/, '  patterns: not a list\n'),
        'x.yml',
      ),
    );
    expect(patterns.field).toBe('check.patterns');
    expect(patterns.line).toBe(8);
    expect(patterns.problem).not.toMatch(/missing/);
  });

  it('reports an unknown field by name and says to remove it', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(11, '  skipQuestion: true'), 'x.yml'));
    expect(e.field).toMatch(/^check/);
    expect(e.problem).toMatch(/"skipQuestion"/);
    expect(e.problem).toMatch(/remove it|check its spelling/);
  });

  it('points an unknown field at its own line', () => {
    // In a long file, the line of the misspelt key is what the writer needs.
    const e = ruleSetError(() => parseRuleFile(withLine(11, '  skipQuestion: true'), 'x.yml'));
    expect(e.line).toBe(11);
    const top = ruleSetError(() => parseRuleFile(RULE_YAML.replace('fixes:\n', 'severity: error\nfixes:\n'), 'x.yml'));
    expect(top.problem).toMatch(/"severity"/);
    expect(top.line).toBe(12);
  });

  it('reports an unsafe regex at the line of the pattern', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(10, '    - "/(a+)+b/"'), 'x.yml'));
    expect(e.line).toBe(10);
    expect(e.field).toBe('check.patterns.1');
    expect(e.problem).toMatch(/nests a repeat/);
    const invalid = ruleSetError(() => parseRuleFile(withLine(10, '    - "/(unclosed/"'), 'x.yml'));
    expect(invalid.field).toBe('check.patterns.1');
    expect(invalid.problem).toMatch(/not a valid regular expression/);
  });

  it('reports an empty pattern', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(9, '    - ""'), 'x.yml'));
    expect(e.field).toBe('check.patterns.0');
    expect(e.line).toBe(9);
    expect(e.problem).toMatch(/empty/);
  });

  it('checks the id against the file name and says how to fix it', () => {
    const e = ruleSetError(() => parseRuleFile(RULE_YAML, 'rules/no-deflection.yml', 'no-deflection'));
    expect(e.field).toBe('id');
    expect(e.line).toBe(1);
    expect(e.problem).toMatch(/rename/);
    const bad = ruleSetError(() => parseRuleFile(withLine(1, 'id: NoDepartment'), 'x.yml'));
    expect(bad.problem).toMatch(/kebab-case/);
  });

  it('rejects a description that does not start with a verb', () => {
    const e = ruleSetError(() => parseRuleFile(withLine(3, 'description: the deflection rule.'), 'x.yml'));
    expect(e.field).toBe('description');
    expect(e.line).toBe(3);
    expect(e.problem).toMatch(/verb/);
  });

  it('accepts descriptions that start with "Disallow" or "Require", as DESIGN.md and the error message ask', () => {
    expect(() =>
      parseRuleFile(withLine(3, 'description: Disallow deflection such as "not my department".'), 'x.yml'),
    ).not.toThrow();
    expect(() => parseRuleFile(withLine(3, 'description: Require an offer to find out.'), 'x.yml')).not.toThrow();
  });

  it('reads JSON as well as YAML, with line numbers', () => {
    const json = JSON.stringify(parseRuleFile(RULE_YAML, 'x.yml'), null, 2);
    expect(parseRuleFile(json, 'x.json').id).toBe('no-department');
    const bad = json.replace('"level": "warning"', '"level": "loud"');
    const e = ruleSetError(() => parseRuleFile(bad, 'x.json'));
    expect(e.line).toBe(bad.split('\n').findIndex((l) => l.includes('"loud"')) + 1);
    expect(e.field).toBe('level');
  });
});

describe('parseTeamRuleSet', () => {
  it('fills defaults', () => {
    expect(parseTeamRuleSet('tactful: 1\n')).toEqual({
      tactful: 1,
      extends: 'default',
      rules: {},
      custom: [],
      models: {},
    });
  });

  it('asks for the format version', () => {
    const e = ruleSetError(() => parseTeamRuleSet('rules:\n  no-x: off\n', 'team.yml'));
    expect(e.file).toBe('team.yml');
    expect(e.field).toBe('tactful');
    expect(e.problem).toMatch(/tactful: 1/);
  });

  it('says what to write in an empty document', () => {
    const e = ruleSetError(() => parseTeamRuleSet('', 'team.yml'));
    expect(e.message).toMatch(/tactful: 1/);
  });

  it('reports an unknown field in an override with line and field', () => {
    const e = ruleSetError(() => parseTeamRuleSet('tactful: 1\nrules:\n  no-x:\n    levle: error\n', 'team.yml'));
    expect(e.line).toBe(4);
    expect(e.field).toBe('rules.no-x.levle');
    expect(e.problem).toMatch(/"levle"/);
  });

  it('reports a wrong level shorthand with line, field and the allowed values', () => {
    const e = ruleSetError(() => parseTeamRuleSet('tactful: 1\nrules:\n  no-x: severe\n', 'team.yml'));
    expect(e.line).toBe(3);
    expect(e.field).toBe('rules.no-x');
    // Not zod's "Invalid input": say what may be written there.
    expect(e.problem).toMatch(/off, on|info, warning, error/);
  });

  it('reports a wrong level inside an override map at the level field', () => {
    const e = ruleSetError(() => parseTeamRuleSet('tactful: 1\nrules:\n  no-x:\n    level: severe\n', 'team.yml'));
    expect(e.line).toBe(4);
    expect(e.field).toBe('rules.no-x.level');
    expect(e.problem).toMatch(/info, warning, error/);
  });

  it('reports problems in custom rules with their path', () => {
    const custom = RULE_YAML.split('\n')
      .map((l, i) => (l ? (i === 0 ? '  - ' : '    ') + l : l))
      .join('\n');
    expect(parseTeamRuleSet(`tactful: 1\ncustom:\n${custom}`).custom[0]?.id).toBe('no-department');
    const e = ruleSetError(() =>
      parseTeamRuleSet(`tactful: 1\ncustom:\n${custom.replace('level: warning', 'level: loud')}`, 'team.yml'),
    );
    expect(e.field).toBe('custom.0.level');
    expect(e.line).toBe(4);
  });

  it('rejects duplicate keys with their line', () => {
    const e = ruleSetError(() => parseTeamRuleSet('tactful: 1\nrules:\n  no-x: off\n  no-x: on\n', 'team.yml'));
    expect(e.line).toBe(4);
  });

  it('reads a JSON document and reports JSON errors by line', () => {
    const json = '{\n  "tactful": 1,\n  "extends": "none",\n  "rules": {\n    "no-x": "off"\n  }\n}\n';
    expect(parseTeamRuleSet(json, 'team.json')).toEqual({
      tactful: 1,
      extends: 'none',
      rules: { 'no-x': 'off' },
      custom: [],
      models: {},
    });
    const e = ruleSetError(() => parseTeamRuleSet(json.replace('"off"', '"off",,'), 'team.json'));
    expect(e.file).toBe('team.json');
    expect(e.line).toBe(5);
    const w = ruleSetError(() => parseTeamRuleSet(json.replace('"none"', '"all"'), 'team.json'));
    expect(w.line).toBe(3);
    expect(w.field).toBe('extends');
    expect(w.problem).toMatch(/default or none/);
  });
});

describe('mergeRuleSet', () => {
  const pack: Rule[] = [
    rule('no-calm', { kind: 'phrase', patterns: ['calm down', 'relax'] }),
    rule('no-cant', { kind: 'pair', patterns: ["we can't"], alternatives: ['instead'], window: 1 }),
    rule('require-thanks', { kind: 'require', patterns: ['thank'], zone: 'anywhere', insertAt: 'end' }),
    rule('no-negative', { kind: 'sentiment', threshold: -3 }),
    rule('no-optional', { kind: 'phrase', patterns: ['whatever'] }, { enabled: false }),
  ];
  const packCopy = structuredClone(pack);
  const team = (doc: object): TeamRuleSet => parseTeamRuleSet(JSON.stringify({ tactful: 1, ...doc }));
  const merge = (doc: object) => mergeRuleSet(pack, team(doc), 'team.yml');
  const byId = (rules: Rule[], id: string) => rules.find((r) => r.id === id)!;
  const mergeError = (doc: object) => ruleSetError(() => merge(doc));

  it('keeps the pack as it is without overrides, and never mutates it', () => {
    expect(merge({}).rules).toEqual(pack);
    merge({ rules: { 'no-calm': { level: 'error', patterns: { add: ['chill'] } }, 'no-cant': 'off' } });
    expect(pack).toEqual(packCopy);
  });

  it('turns rules off and on', () => {
    const rules = merge({ rules: { 'no-calm': 'off', 'no-optional': 'on' } }).rules;
    expect(byId(rules, 'no-calm').enabled).toBe(false);
    expect(byId(rules, 'no-optional').enabled).toBe(true);
    const linter = createLinter({ rules });
    const found = linter.lint('Calm down, whatever. Thank you.', { channel: 'chat' }).findings.map((f) => f.ruleId);
    expect(found).toEqual(['no-optional']);
    expect(byId(merge({ rules: { 'no-calm': { enabled: false } } }).rules, 'no-calm').enabled).toBe(false);
  });

  it('sets a level with the shorthand (and turns the rule on)', () => {
    const rules = merge({ rules: { 'no-calm': 'error', 'no-optional': 'info' } }).rules;
    expect(byId(rules, 'no-calm').level).toBe('error');
    expect(byId(rules, 'no-optional')).toMatchObject({ level: 'info', enabled: true });
  });

  it('applies a map override: level, message, channels, fixes', () => {
    const r = byId(
      merge({
        rules: { 'no-calm': { level: 'info', message: 'Be kind.', channels: ['email'], fixes: ['take your time'] } },
      }).rules,
      'no-calm',
    );
    expect(r).toMatchObject({ level: 'info', message: 'Be kind.', channels: ['email'], fixes: ['take your time'] });
    expect(r.check).toEqual(pack[0]!.check);
  });

  it('adds and removes patterns', () => {
    const r = byId(
      merge({ rules: { 'no-calm': { patterns: { add: ['chill out'], remove: ['relax'] } } } }).rules,
      'no-calm',
    );
    expect(r.check).toEqual({ kind: 'phrase', patterns: ['calm down', 'chill out'] });
    const linter = createLinter({ rules: [r] });
    expect(linter.lint('Relax. Chill out.', { channel: 'chat' }).findings.map((f) => f.actual)).toEqual(['Chill out']);
    const alt = byId(merge({ rules: { 'no-cant': { alternatives: { add: ['what I can do'] } } } }).rules, 'no-cant');
    expect(alt.check).toMatchObject({ alternatives: ['instead', 'what I can do'] });
    const unless = byId(merge({ rules: { 'no-negative': { unless: { add: ['sorry'] } } } }).rules, 'no-negative');
    expect(unless.check).toMatchObject({ unless: ['sorry'] });
  });

  it('rejects removing a pattern that is not there, or every pattern', () => {
    const e = mergeError({ rules: { 'no-calm': { patterns: { remove: ['chill'] } } } });
    expect(e.field).toBe('rules.no-calm.patterns.remove');
    expect(e.problem).toMatch(/copy it exactly/);
    const all = mergeError({ rules: { 'no-calm': { patterns: { remove: ['calm down', 'relax'] } } } });
    expect(all.field).toBe('rules.no-calm.patterns');
    expect(all.problem).toMatch(/turn the rule off/);
  });

  it('applies threshold, window and minWords to the right kind of rule', () => {
    const rules = merge({
      rules: { 'no-negative': { threshold: -5 }, 'no-cant': { window: 'reply' }, 'require-thanks': { minWords: 10 } },
    }).rules;
    expect(byId(rules, 'no-negative').check).toMatchObject({ threshold: -5 });
    expect(byId(rules, 'no-cant').check).toMatchObject({ window: 'reply' });
    expect(byId(rules, 'require-thanks').check).toMatchObject({ minWords: 10 });
  });

  it.each([
    ['threshold', 'no-calm', -2, /sentiment and classifier rules only/],
    ['replyThreshold', 'no-calm', 0.5, /classifier rules only/],
    ['window', 'require-thanks', 2, /pair rules only/],
    ['minWords', 'no-cant', 3, /require rules only/],
    ['minWords', 'no-negative', 3, /require rules only/],
  ])('rejects %s on a %s rule of the wrong kind', (field, id, value, problem) => {
    const e = mergeError({ rules: { [id]: { [field]: value } } });
    expect(e.file).toBe('team.yml');
    expect(e.field).toBe(`rules.${id}.${field}`);
    expect(e.problem).toMatch(problem);
    expect(e.problem).toMatch(/remove it/);
  });

  it("lets a team move a learned check's thresholds and edit its offers", () => {
    const team = parseTeamRuleSet(
      'tactful: 1\nrules:\n  no-deflection: { threshold: 0.8, replyThreshold: 0.7, unlessAnywhere: { add: [ring us back] } }\n',
    );
    const merged = mergeRuleSet(defaultRuleSet.rules, team, 'team.yml');
    const c = merged.rules.find((r) => r.id === 'no-deflection')!.check;
    expect(c).toMatchObject({ kind: 'classifier', threshold: 0.8, replyThreshold: 0.7 });
    expect((c as { unlessAnywhere: string[] }).unlessAnywhere).toContain('ring us back');
  });

  it('checks a threshold against the kind of rule: an AFINN score for sentiment, a probability for classifier', () => {
    expect(mergeError({ rules: { 'no-negative': { threshold: 2 } } }).problem).toMatch(/0 or below/);
    expect(mergeError({ rules: { 'no-calm': { unlessAnywhere: { add: ['x'] } } } }).field).toBe(
      'rules.no-calm.unlessAnywhere',
    );
  });

  it('rejects alternatives on a rule that is not a pair, and patterns on a sentiment rule', () => {
    expect(mergeError({ rules: { 'no-calm': { alternatives: { add: ['x'] } } } }).field).toBe(
      'rules.no-calm.alternatives',
    );
    const e = mergeError({ rules: { 'no-negative': { patterns: { add: ['x'] } } } });
    expect(e.field).toBe('rules.no-negative.patterns');
    expect(e.problem).toMatch(/threshold/);
  });

  it('edits the misplaced-praise phrases of a sentiment rule', () => {
    const praising = [
      ...pack.filter((r) => r.id !== 'no-negative'),
      rule('no-negative', {
        kind: 'sentiment',
        threshold: -3,
        misplacedPraise: { patterns: ['kind words', 'lovely stay'], whenMissing: 'require-thanks', message: 'm' },
      }),
    ];
    const edited = mergeRuleSet(
      praising,
      team({ rules: { 'no-negative': { misplacedPraise: { add: ['glowing review'], remove: ['lovely stay'] } } } }),
      'team.yml',
    );
    const check = byId(edited.rules, 'no-negative').check;
    expect(check.kind === 'sentiment' && check.misplacedPraise?.patterns).toEqual(['kind words', 'glowing review']);
    const missing = ruleSetError(() =>
      mergeRuleSet(praising, team({ rules: { 'no-negative': { misplacedPraise: { remove: ['nice'] } } } }), 'team.yml'),
    );
    expect(missing.field).toBe('rules.no-negative.misplacedPraise.remove');
    expect(missing.problem).toMatch(/copy it exactly/);
    const empty = ruleSetError(() =>
      mergeRuleSet(
        praising,
        team({ rules: { 'no-negative': { misplacedPraise: { remove: ['kind words', 'lovely stay'] } } } }),
        'team.yml',
      ),
    );
    expect(empty.problem).toMatch(/keep at least one/);
    expect(mergeError({ rules: { 'no-calm': { misplacedPraise: { add: ['x'] } } } }).problem).toMatch(
      /no misplacedPraise check/,
    );
  });

  it('rejects an unknown rule id and lists the known ones', () => {
    const e = mergeError({ rules: { 'no-calmm': 'off' } });
    expect(e.field).toBe('rules.no-calmm');
    expect(e.message).toMatch(/^team\.yml: /);
    for (const r of pack) expect(e.problem).toContain(r.id);
  });

  const custom = {
    id: 'no-acme-jargon',
    level: 'info',
    description: 'Disallows internal jargon.',
    message: 'Say it in plain words.',
    why: 'Customers do not know our internal ticket words.',
    check: { kind: 'phrase', patterns: ['L2 ticket'] },
  };

  it('rejects misplaced praise that waits on a rule missing from the set or not a require rule', () => {
    const custom = (whenMissing: string) => ({
      id: 'no-template-praise',
      level: 'info',
      description: 'Disallow praise-thanks for a complaint.',
      message: 'm',
      why: 'Thanking an upset customer for praise reads as unread.',
      check: {
        kind: 'sentiment',
        threshold: -5,
        misplacedPraise: { patterns: ['kind words'], whenMissing, message: 'm' },
      },
    });
    expect(merge({ custom: [custom('require-thanks')] }).rules.map((r) => r.id)).toContain('no-template-praise');
    for (const ref of ['require-apology', 'no-calm']) {
      const e = mergeError({ custom: [custom(ref)] });
      expect(e.field).toBe('custom.0.check.misplacedPraise.whenMissing');
      expect(e.problem).toMatch(new RegExp(`"${ref}" is not a require rule of this set; name one of require-thanks`));
    }
    expect(() => checkReferences([...pack])).not.toThrow();
  });

  it('adds custom rules after the pack, with their own overrides', () => {
    const rules = merge({ custom: [custom] }).rules;
    expect(rules.map((r) => r.id)).toEqual([...pack.map((r) => r.id), 'no-acme-jargon']);
    expect(byId(rules, 'no-acme-jargon')).toMatchObject({
      level: 'info',
      check: { kind: 'phrase', patterns: ['L2 ticket'] },
    });
    const overridden = merge({ custom: [custom], rules: { 'no-acme-jargon': 'error' } }).rules;
    expect(byId(overridden, 'no-acme-jargon').level).toBe('error');
    const linter = createLinter({ rules: overridden });
    const found = linter.lint('I made an L2 ticket, thank you.', { channel: 'chat' }).findings;
    expect(found.map((f) => [f.ruleId, f.level])).toEqual([['no-acme-jargon', 'error']]);
  });

  it('rejects a custom rule whose id clashes with a pack rule', () => {
    const e = mergeError({ custom: [{ ...custom, id: 'no-calm' }] });
    expect(e.field).toBe('custom.0.id');
    expect(e.problem).toMatch(/another id|override/);
  });

  it('with extends: none keeps only the custom rules', () => {
    expect(merge({ extends: 'none', custom: [custom] }).rules.map((r) => r.id)).toEqual(['no-acme-jargon']);
    expect(merge({ extends: 'none' }).rules).toEqual([]);
    // A pack rule is then unknown.
    expect(mergeError({ extends: 'none', rules: { 'no-calm': 'off' } }).field).toBe('rules.no-calm');
  });
});

describe('regexProblem', () => {
  it.each(['(a+)+', '(a*)*', '(\\w*\\s?)*', '(?:a+|b)+', '([a-z]+)*', '(a{2,})+', '(\\d+){2,}'])(
    'rejects the nested repeat %s',
    (source) => {
      expect(regexProblem(source)).toMatch(/nests a repeat/);
    },
  );

  it.each(['((a+))+', '(?:(\\w+))*', '((ab)+)+'])(
    'rejects the nested repeat %s hidden behind an extra group',
    (source) => {
      // /^((a+))+$/ on 24 "a"s and a "!" takes over a second here: it must be refused like (a+)+.
      expect(regexProblem(source)).not.toBeNull();
    },
  );

  it.each(['(a)\\1', '(?<w>x)\\k<w>'])('rejects the back-reference in %s', (source) => {
    expect(regexProblem(source)).toMatch(/back-references/);
  });

  it('rejects very long patterns', () => {
    expect(regexProblem('a'.repeat(5000))).toMatch(/longer than \d+ characters/);
  });

  it.each([
    '\\b[A-Z]{4,}\\b',
    '[!?]{3,}',
    'colou?r',
    '(?:per|as per) our policy',
    '(a|b)+',
    '\\d+\\.\\d+',
    '(?<![\\w’])ASAP(?!\\w)',
    '(a+){2}',
    '\\(\\w+\\)+',
  ])('accepts the ordinary %s', (source) => {
    expect(regexProblem(source)).toBeNull();
  });
});

describe('errors found while merging', () => {
  it('carry the line of the field at fault', async () => {
    const { parseTeamRuleSet, mergeRuleSet, withLine, RuleSetError } = await import('../../src/ruleset');
    const { defaultRuleSet } = await import('../../src/ruleset/default-pack');
    const text = 'tactful: 1\nrules:\n  no-shouting: off\n  no-such-rule: error\n';
    try {
      mergeRuleSet(defaultRuleSet.rules, parseTeamRuleSet(text, 'team.yml'), 'team.yml');
      expect.unreachable('the unknown rule must be rejected');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleSetError);
      const located = withLine(e as InstanceType<typeof RuleSetError>, text);
      expect(located.line).toBe(4);
      expect(located.message).toMatch(
        /^team\.yml:4: rules\.no-such-rule: there is no rule "no-such-rule"; use one of /,
      );
    }
  });

  it('explain what to do when extends: none leaves no rule to override', async () => {
    const { parseTeamRuleSet, mergeRuleSet } = await import('../../src/ruleset');
    const team = parseTeamRuleSet('tactful: 1\nextends: none\nrules:\n  no-shouting: off\n', 'team.yml');
    expect(() => mergeRuleSet([], team, 'team.yml')).toThrow(/add it under custom/);
  });

  it('reject a compromise pattern with unbalanced brackets', async () => {
    const { compromiseProblem } = await import('../../src/engine');
    expect(compromiseProblem('(a|')).toMatch(/never closed/);
    expect(compromiseProblem('(the|our) #Noun')).toBeNull();
  });
});
