import { describe, expect, it } from 'vitest';
import { defaultRuleSet, defaultRulesWithExamples } from '../../src/ruleset/default-pack';
import { applyEdit } from '../../src/ruleset/edit';
import { runExamples, type RuleExamples } from '../../src/ruleset/examples';
import { checkTeamDocument } from '../../src/ruleset/in-force';

// "Run all examples" in the options page: the pack's own examples against an edited set.
const examples = new Map(
  defaultRulesWithExamples.flatMap((r) => (r.examples ? [[r.id, r.examples] as [string, RuleExamples]] : [])),
);
const edited = (text: string) => {
  const checked = checkTeamDocument(defaultRuleSet.rules, { text });
  if (!checked.ok) throw new Error(checked.problem.message);
  return checked.rules;
};

describe('runExamples', () => {
  it('passes every example of the pack as it is', () => {
    const run = runExamples(defaultRuleSet.rules, examples);
    expect(run.failures).toEqual([]);
    expect(run.ran).toBeGreaterThan(100);
  });

  it('lists the bad examples a removed pattern no longer flags, and skips rules turned off', () => {
    let text = applyEdit(
      'tactful: 1\n',
      { kind: 'removePattern', id: 'no-condescension', list: 'patterns', pattern: 'calm down' },
      defaultRuleSet.rules,
    );
    text = applyEdit(text, { kind: 'enabled', id: 'no-shouting', on: false }, defaultRuleSet.rules);
    const run = runExamples(edited(text), examples);
    expect(run.off).toEqual(['no-shouting']);
    expect(run.failures.length).toBeGreaterThan(0);
    expect(run.failures.every((f) => f.ruleId === 'no-condescension')).toBe(true);
    expect(run.failures.some((f) => f.kind === 'not-flagged' && /calm down/i.test(f.text))).toBe(true);
  });

  it('lists good examples a new phrase now flags', () => {
    const good = examples.get('no-policy-hiding')!.good[0]!.text;
    const word = good.split(/\s+/).find((w) => /^[a-z]{5,}$/i.test(w))!;
    const text = applyEdit(
      'tactful: 1\n',
      { kind: 'addPattern', id: 'no-policy-hiding', list: 'patterns', pattern: word },
      defaultRuleSet.rules,
    );
    const run = runExamples(edited(text), examples);
    expect(run.failures).toContainEqual(
      expect.objectContaining({ ruleId: 'no-policy-hiding', kind: 'flagged', text: good }),
    );
  });
});
