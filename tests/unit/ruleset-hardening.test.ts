import { describe, expect, it } from 'vitest';
import {
  RuleSetError,
  checkReferences,
  mergeRuleSet,
  parseRuleFile,
  parseTeamRuleSet,
  regexProblem,
  withLine,
} from '../../src/ruleset';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { LIMITS } from '../../src/ruleset/limits';
import { builtInRegexes, rule } from './helpers';

// Hostile rule sets (issue 12, items 6, 7, 9 and 10): each is refused with a RuleSetError that
// says what to change, never a stack trace, and ordinary documents still load.

/** Runs `f`, expects a RuleSetError and returns it. */
function ruleSetError(f: () => unknown): RuleSetError {
  try {
    f();
  } catch (e) {
    if (!(e instanceof RuleSetError)) throw new Error(`expected a RuleSetError, got ${(e as Error).stack}`);
    return e;
  }
  throw new Error('expected a RuleSetError, nothing was thrown');
}

/** A team document with one custom phrase rule whose patterns are `patterns`. */
const customRule = (patterns: string[], id = 'no-jargon') => `  - id: ${id}
    level: warning
    description: Disallow internal jargon.
    message: Say it in the customer's words.
    why: Internal words make the customer feel outside the conversation.
    check:
      kind: phrase
      patterns:
${patterns.map((p) => `        - ${JSON.stringify(p)}`).join('\n')}
`;
const withCustom = (patterns: string[]) => `tactful: 1\ncustom:\n${customRule(patterns)}`;

/** Loads a team document the way the CLI and the extension do (parse, merge, locate). */
function load(text: string) {
  try {
    return mergeRuleSet(defaultRuleSet.rules, parseTeamRuleSet(text, 'team.yml'), 'team.yml');
  } catch (e) {
    throw e instanceof RuleSetError ? withLine(e, text) : e;
  }
}

describe('6. regexes that backtrack catastrophically', () => {
  // Worst input for each, timed with `new RegExp(source, flags).test(input)` in node 20 (V8), one
  // process per case, 20 s cap (a shared 2-CPU machine under load: read the growth, not the
  // absolute figures). Exponential ones double every one or two characters; polynomial ones grow
  // like n^(repeats + 1). A sentence of a few dozen to a few hundred characters freezes the page.
  //
  // | pattern              | worst input   | no flag                                   | i / u / v at the largest n below 20 s |
  // |----------------------|---------------|-------------------------------------------|---------------------------------------|
  // | (a|a)+$              | "a"×n + "!"   | 16: 93 ms · 20: 693 ms · 24: 10.1 s       | 24: 5.2 s / 11.8 s / 14.7 s           |
  // | (a|aa)+$             | "a"×n + "!"   | 30: 1.9 s · 35: >20 s                     | 35: 12.0 s / 6.5 s / 30: 3.0 s        |
  // | (\w|\d)+$            | "1"×n + "!"   | 16: 39 ms · 20: 608 ms · 24: 15.6 s       | 24: 9.7 s / 3.4 s / 20: 2.8 s         |
  // | (?:\w|\s|\S)+Z       | "a"×n         | 20: 585 ms · 24: 9.6 s · 26: >20 s        | (not timed with flags at n ≥ 20)      |
  // | (?:\d+){5}!          | "1"×n         | 25: 180 ms · 50: 5.8 s · 100: >20 s       | 50: 3.4 s / 1.4 s / 6.2 s             |
  // | (?:.*,){12}X         | ","×n         | 15: 22 ms · 20: 800 ms · 25: 9.4 s        | 25: 8.5 s / 4.1 s / 5.9 s             |
  // | .*a.*b.*c.*d         | "abc"×(n/3)   | 60: 43 ms · 120: 241 ms · 240: 12.0 s     | 240: 8.0 s / 6.6 s / 7.2 s            |
  // | \w*\w*\w*\w*\w*\w*!  | "a"×n         | 10: 0 ms · 20: 157 ms · 40: 8.2 s         | 40: 5.8 s / 8.1 s / 4.5 s             |
  // The 135 regexes of the built-in rules, by contrast, each take at most ~100 ms (under the same
  // load) on 2,000-character runs of "a", " ", "a ", "!?", "I ", "the ", "sorry ", ", ", "AB ", …
  const CATASTROPHIC = [
    '(a|a)+$',
    '(a|aa)+$',
    '(\\w|\\d)+$',
    '(?:\\w|\\s|\\S)+Z',
    '(?:\\d+){5}!',
    '(?:.*,){12}X',
    '.*a.*b.*c.*d',
    '\\w*\\w*\\w*\\w*\\w*\\w*!',
  ];
  const cases = CATASTROPHIC.flatMap((source) => ['', 'i', 'u', 'v'].map((flags) => [source, flags] as const));

  it.each(cases)('refuses /%s/%s', (source, flags) => {
    expect(regexProblem(source, flags)).not.toBeNull();
    const e = ruleSetError(() => load(withCustom([`/${source}/${flags}`])));
    expect(e.message).toMatch(/^team\.yml:\d+: custom\.0\.check\.patterns\.0: regex .* is unsafe or invalid: /);
    expect(e.line).toBe(11);
  });

  it('says why in words a lead understands', () => {
    expect(regexProblem('(a|aa)+$')).toMatch(/more than one way.*freeze/);
    expect(regexProblem('.*a.*b.*c.*d')).toMatch(/repeats in a row.*freeze/);
  });

  it('refuses (A|a)+ when the i flag makes the two alternatives one', () => {
    expect(regexProblem('(A|a)+$', '')).toBeNull();
    expect(regexProblem('(A|a)+$', 'i')).not.toBeNull();
  });

  it('refuses a catastrophic pattern hidden in a lookahead', () => {
    expect(regexProblem('x(?=(a|a)+$)')).not.toBeNull();
  });

  it.each([
    '\\b[A-Z]{4,}\\b',
    '[!?]{3,}',
    '(a|b)+$',
    '\\d+\\.\\d+',
    '(a+){2}',
    '.*a.*b', // two repeats: cubic at worst, within what the per-lint budget covers
    '\\bI (?:\\w+ ){0,3}sorry\\b',
    '[?!]*(?:\\?!|!\\?)[?!]*',
    '^(?:thanks|thank you)\\s*[!.,]?\\s*(?:[-–—~^*/].*)?$',
    '(?<![\\w’])(?:per|as per) (?:our|the) polic(?:y|ies)(?![\\w’])',
    '\\p{Lu}[\\p{L}’-]+',
  ])('accepts the ordinary /%s/', (source) => {
    expect(regexProblem(source, 'u')).toBeNull();
    expect(regexProblem(source, 'i')).toBeNull();
  });

  it('accepts every regex of the built-in rules', () => {
    const regexes = builtInRegexes();
    expect(regexes.length).toBeGreaterThan(50);
    for (const p of regexes) {
      const at = p.lastIndexOf('/');
      expect([p, regexProblem(p.slice(1, at), p.slice(at + 1))]).toEqual([p, null]);
    }
  });
});

describe('7. YAML aliases', () => {
  it(`loads a document with 150 aliases (under the limit of ${LIMITS.aliases})`, () => {
    // The first rule anchors its list and 149 others reuse it, plus one anchored `why`.
    const rules = Array.from({ length: 150 }, (_, i) =>
      customRule(['L2 queue'], `no-jargon-${i}`).replace(
        /patterns:\n.*\n/,
        i === 0 ? 'patterns: &p ["L2 queue"]\n' : 'patterns: *p\n',
      ),
    );
    const text = `tactful: 1\ncustom:\n${rules.join('')}`;
    expect((text.match(/\*p\b/g) ?? []).length).toBe(149);
    const team = parseTeamRuleSet(
      text.replace('why: Internal', 'why: &w Internal').replace(/why: Internal.*$/m, 'why: *w'),
      'team.yml',
    );
    expect(team.custom).toHaveLength(150);
    expect(team.custom[149]?.check).toEqual({ kind: 'phrase', patterns: ['L2 queue'] });
    expect(load(text).rules.length).toBe(defaultRuleSet.rules.length + 150);
  });

  it('refuses a billion-laughs alias bomb with a clear message and the line', () => {
    let text = 'tactful: 1\ncustom:\n  - &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n';
    for (let i = 1; i < 10; i++)
      text += `  - &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(', ')}]\n`;
    const e = ruleSetError(() => parseTeamRuleSet(text, 'bomb.yml'));
    expect(e.message).toMatch(/^bomb\.yml:\d+: .*alias/);
    expect(e.problem).toMatch(new RegExp(`${LIMITS.aliases.toLocaleString('en')}`));
    expect(e.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses too many aliases even without nesting', () => {
    const n = LIMITS.aliases + 1;
    const text = `tactful: 1\nname: &n Acme\nrules:\n${Array.from({ length: n }, (_, i) => `  no-x${i}: *n`).join('\n')}\n`;
    const e = ruleSetError(() => parseTeamRuleSet(text, 'team.yml'));
    expect(e.problem).toMatch(/alias/);
  });
});

describe('9. size and count caps', () => {
  it(`refuses a document over ${LIMITS.documentBytes / 1024 / 1024} MB before parsing it`, () => {
    // Invalid YAML from the first line: parsing it would report that instead of the size.
    const text = `tactful: [\n${'#'.repeat(LIMITS.documentBytes)}`;
    const t = performance.now();
    const e = ruleSetError(() => parseTeamRuleSet(text, 'big.yml'));
    expect(performance.now() - t).toBeLessThan(500);
    expect(e.message).toMatch(/^big\.yml: .*larger than 2 MB/);
  });

  it('counts bytes, not characters', () => {
    const text = `tactful: 1\nname: "${'é'.repeat(LIMITS.documentBytes / 2 + 10)}"\n`;
    expect(text.length).toBeLessThan(LIMITS.documentBytes);
    expect(ruleSetError(() => parseTeamRuleSet(text)).problem).toMatch(/larger than 2 MB/);
  });

  it(`refuses more than ${LIMITS.customRules} custom rules, fast, at the custom field`, () => {
    const n = LIMITS.customRules + 1;
    const text = `tactful: 1\ncustom:\n${Array.from({ length: n }, (_, i) => customRule(['x'], `no-r${i}`)).join('')}`;
    const t = performance.now();
    const e = ruleSetError(() => parseTeamRuleSet(text, 'team.yml'));
    expect(performance.now() - t).toBeLessThan(2000);
    expect(e.field).toBe('custom');
    expect(e.line).toBe(3); // the list's first line, as for any field whose value is a list
    expect(e.problem).toMatch(/501 custom rules; a rule set may have at most 500/);
  });

  it(`refuses a list of more than ${LIMITS.patternsPerList.toLocaleString('en')} patterns at its field`, () => {
    const many = Array.from({ length: LIMITS.patternsPerList + 1 }, (_, i) => `phrase ${i}`);
    const e = ruleSetError(() => parseTeamRuleSet(withCustom(many), 'team.yml'));
    expect(e.field).toBe('custom.0.check.patterns');
    expect(e.line).toBe(11);
    expect(e.problem).toMatch(/5,001 patterns; a list may have at most 5,000/);
    const add = `tactful: 1\nrules:\n  no-policy-hiding:\n    patterns:\n      add: ${JSON.stringify(many)}\n`;
    expect(ruleSetError(() => parseTeamRuleSet(add)).field).toBe('rules.no-policy-hiding.patterns.add');
  });

  it(`refuses more than ${LIMITS.patternsTotal.toLocaleString('en')} patterns in all`, () => {
    const list = Array.from({ length: 4_500 }, (_, i) => `phrase ${i}`);
    const text = `tactful: 1\ncustom:\n${[0, 1, 2, 3, 4].map((i) => customRule(list, `no-r${i}`)).join('')}`;
    const e = ruleSetError(() => parseTeamRuleSet(text, 'team.yml'));
    expect(e.problem).toMatch(/22,500 patterns in all; a rule set may have at most 20,000/);
  });

  it('still loads a set at the caps', () => {
    const list = Array.from({ length: 1_000 }, (_, i) => `phrase ${i}`);
    const text = `tactful: 1\ncustom:\n${[0, 1, 2].map((i) => customRule(list, `no-r${i}`)).join('')}`;
    expect(load(text).rules.length).toBe(defaultRuleSet.rules.length + 3);
  });
});

describe('10. keys, blank patterns, duplicate ids, dangling references', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s with its line', (key) => {
    const text = `tactful: 1\nrules:\n  no-shouting: off\n  ${key}: { level: info }\n`;
    const e = ruleSetError(() => load(text));
    expect(e.field).toBe(`rules.${key}`);
    expect(e.line).toBe(4);
    expect(e.problem).toMatch(/cannot be used as a key/);
  });

  it('refuses __proto__ in JSON too, and anywhere in the document', () => {
    const json = '{\n  "tactful": 1,\n  "rules": {\n    "__proto__": { "level": "info" }\n  }\n}\n';
    expect(ruleSetError(() => load(json)).line).toBe(4);
    const nested = `tactful: 1\nmodels:\n  constructor: blame.json\n`;
    expect(ruleSetError(() => load(nested)).field).toBe('models.constructor');
    const file = `id: no-x\n__proto__: 1\n`;
    expect(ruleSetError(() => parseRuleFile(file, 'rules/no-x.yml')).field).toBe('__proto__');
  });

  it.each(['', ' ', '   ', '\t', ' \n '])('refuses the blank pattern %j: a pattern must have words', (p) => {
    const e = ruleSetError(() => load(withCustom(['L2 queue', p])));
    expect(e.field).toBe('custom.0.check.patterns.1');
    expect(e.problem).toMatch(/a pattern must have words/);
  });

  it('refuses a blank pattern added to a pack rule', () => {
    const text = 'tactful: 1\nrules:\n  no-policy-hiding:\n    patterns: { add: ["  "] }\n';
    expect(ruleSetError(() => load(text)).problem).toMatch(/a pattern must have words/);
  });

  it.each(['/\\b/', '/x*/', '/(?:)/', '/(?=a)/i'])('refuses the regex %s that matches empty text', (p) => {
    expect(ruleSetError(() => load(withCustom([p]))).problem).toMatch(/matches empty text/);
  });

  it('refuses two rule files with one id (no-shouting.yml and no-shouting.yaml)', () => {
    // What the CLI's folder loader hands checkReferences for my-rules/no-shouting.y{a,}ml.
    const r = rule('no-shouting', { kind: 'phrase', patterns: ['!!!'] });
    const e = ruleSetError(() =>
      checkReferences([rule('no-a', { kind: 'phrase', patterns: ['a'] }), r, { ...r }], 'my-rules'),
    );
    expect(e.message).toMatch(/^my-rules: .*two rules have the id "no-shouting"/);
  });

  it('refuses two custom rules with one id', () => {
    const text = `tactful: 1\ncustom:\n${customRule(['a'])}${customRule(['b'])}`;
    const e = ruleSetError(() => load(text));
    expect(e.field).toBe('custom.1.id');
    expect(e.line).toBe(12);
  });

  it("refuses a custom rule with a pack rule's id, at that custom rule's id", () => {
    const text = `tactful: 1
custom:
${customRule(['a'])}${customRule(['LOUD'], 'no-shouting')}`;
    const e = ruleSetError(() => load(text));
    expect(e.field).toBe('custom.1.id');
    expect(e.line).toBe(12);
    expect(e.message).toMatch(/"no-shouting" is already a rule of the pack; give the custom rule another id/);
  });

  it("a custom rule's whenMissing that names no rule: its own field path and line", () => {
    const text = `tactful: 1
custom:
  - id: no-praise
    level: info
    description: Disallow praise when the customer is upset.
    message: Not now.
    why: Praise for a customer who is upset reads as not listening at all.
    check:
      kind: sentiment
      threshold: -3
      misplacedPraise:
        patterns: [great choice]
        whenMissing: require-nothing
        message: Apologise first.
`;
    const e = ruleSetError(() => load(text));
    expect(e.field).toBe('custom.0.check.misplacedPraise.whenMissing');
    expect(e.line).toBe(13);
    expect(e.problem).toMatch(/"require-nothing" is not a require rule of this set; name one of require-/);
  });
});
