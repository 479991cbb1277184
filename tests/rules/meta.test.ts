import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLinter, patternType, type Rule } from '../../src/engine';
import { requiredWords } from '../../src/engine/patterns';
import { checkReferences, mergeRuleSet, parseRuleFile, parseTeamRuleSet, toRule } from '../../src/ruleset';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { rulesTable } from '../../src/cli/rules-table';

const root = fileURLToPath(new URL('../../', import.meta.url));
const files = readdirSync(`${root}rules`)
  .filter((f) => f.endsWith('.yml'))
  .sort();
const rules = files.map((f) =>
  parseRuleFile(readFileSync(`${root}rules/${f}`, 'utf8'), `rules/${f}`, f.replace(/\.yml$/, '')),
);

/** The phrases a rule flags: its patterns and, for sentiment rules, its misplaced-praise ones. */
const flaggedPatterns = (c: Rule['check']): string[] => [
  ...('patterns' in c ? (c.patterns ?? []).map((p) => (typeof p === 'string' ? p : p.match)) : []),
  ...(c.kind === 'sentiment' ? (c.misplacedPraise?.patterns ?? []) : []),
];

// The ids other tools depend on (DESIGN.md).
const STABLE_IDS = [
  'no-blame-shifting',
  'no-deflection',
  'no-policy-hiding',
  'no-cant-without-alternative',
  'no-condescension',
  'no-shouting',
  'no-negative-tone',
  'require-apology',
  'require-follow-up-offer',
  'require-warm-closing',
  'require-thanks',
  'require-greeting',
];

describe('rules/', () => {
  it('holds exactly the stable default rules, one file each', () => {
    expect(rules.map((r) => r.id).sort()).toEqual([...STABLE_IDS].sort());
  });

  it.each(rules.map((r) => [r.id, r] as const))('%s has at least 5 bad and 5 good examples', (_id, r) => {
    expect(r.examples?.bad.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(r.examples?.good.length ?? 0).toBeGreaterThanOrEqual(5);
  });

  it.each(rules.map((r) => [r.id, r] as const))(
    '%s: description starts with a verb, require-* rules insert a fix',
    (_id, r) => {
      expect(r.description).toMatch(/^(Disallow|Require)s?\b/);
      if (r.id.startsWith('require-')) {
        expect(r.check.kind).toBe('require');
        expect(r.fixes?.length ?? 0).toBeGreaterThan(0);
      }
    },
  );

  it('no phrase belongs to two rules', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const r of rules) {
      const c = r.check;
      const own = flaggedPatterns(c);
      for (const p of new Set(own.map((x) => x.toLowerCase().trim()))) {
        const prev = owner.get(p);
        if (prev && prev !== r.id) clashes.push(`"${p}" in ${prev} and ${r.id}`);
        owner.set(p, r.id);
      }
    }
    expect(clashes).toEqual([]);
  });

  it('every pattern compiles into a working linter', () => {
    const linter = createLinter({ rules: rules.map(toRule) });
    expect(() => linter.lint('Hi Dana,\nThanks for writing. Have a great day!', { channel: 'email' })).not.toThrow();
  });

  it('rules that wait on another name a require rule of the pack', () => {
    expect(() => checkReferences(rules.map(toRule), 'rules/')).not.toThrow();
  });

  // A compromise pattern is parsed only in sentences holding its required words; if those are
  // all everyday words ("has", "the"), nearly every sentence gets parsed and a keystroke slows.
  it('every compromise pattern requires at least one uncommon word', () => {
    const COMMON = new Set([
      'a',
      'an',
      'the',
      'is',
      'are',
      'was',
      'were',
      'be',
      'has',
      'have',
      'had',
      'do',
      'does',
      'did',
      'i',
      'we',
      'you',
      'it',
      'to',
      'of',
      'in',
      'on',
      'for',
      'and',
      'or',
      'our',
      'your',
      'my',
      'that',
      'this',
      'not',
    ]);
    const weak: string[] = [];
    for (const r of rules) {
      const c = r.check;
      const all = [
        ...flaggedPatterns(c),
        ...('unless' in c ? (c.unless ?? []) : []),
        ...('alternatives' in c ? c.alternatives : []),
      ];
      for (const p of all.filter((x) => patternType(x) === 'compromise')) {
        if (!requiredWords(p).some((alts) => alts.every((w) => !COMMON.has(w)))) weak.push(`${r.id}: ${p}`);
      }
    }
    expect(weak).toEqual([]);
  });

  it('the bundled default pack is the same as the files', () => {
    expect(defaultRuleSet.rules).toEqual(rules.map(toRule));
  });

  it('the README rules table is generated from rules/ and up to date (npm run rules:readme)', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    expect(readme).toContain(rulesTable(rules.map(toRule)));
  });

  it("the README's team rule set example is valid and merges onto the pack", () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const example = /### A team's rule set[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example, 'README has the example').toBeTruthy();
    const merged = mergeRuleSet(defaultRuleSet.rules, parseTeamRuleSet(example!, 'README.md'), 'README.md');
    expect(merged.rules.map((r) => r.id)).toContain('no-internal-jargon');
    expect(() =>
      createLinter(merged).lint('Thanks for the stars!', { channel: 'email', customerMessage: 'Broken again.' }),
    ).not.toThrow();
  });
});
