import { describe, expect, it } from 'vitest';
import { createLinter, type Rule } from '../../src/engine';
import { defaultRulesWithExamples } from '../../src/ruleset/default-pack';
import { WHOLE_REPLY, toRule } from '../../src/ruleset';

// One generic test runs every rule's own examples, each rule on its own so that an example
// proves what that rule does. A rule that waits on another (misplaced praise on require-apology)
// gets that one too, switched off, so it is consulted but reports nothing.
const waitsOn = ({ check }: Rule) => {
  const ref = check.kind === 'sentiment' ? check.misplacedPraise?.whenMissing : undefined;
  return defaultRulesWithExamples.filter((r) => r.id === ref).map((r) => ({ ...toRule(r), enabled: false }));
};

describe.each(defaultRulesWithExamples.map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const linter = createLinter({ rules: [toRule(rule), ...waitsOn(toRule(rule))] });
  const lint = (ex: { text: string; customer?: string; channel?: 'email' | 'chat'; customerName?: string }) =>
    linter.lint(ex.text, {
      customerMessage: ex.customer,
      channel: ex.channel ?? 'email',
      customerName: ex.customerName,
    });

  it.each((rule.examples?.bad ?? []).map((ex) => [ex.text, ex] as const))('flags: %s', (_t, ex) => {
    const found = lint(ex).findings.filter((f) => f.ruleId === rule.id);
    expect(found.length, 'expected a finding').toBeGreaterThan(0);
    if (ex.flag !== WHOLE_REPLY) expect(found.map((f) => f.actual)).toContain(ex.flag);
    for (const f of found) expect(ex.text.slice(f.start, f.end)).toBe(f.actual);
  });

  // Like ESLint's `output`: the exact text after each fix of the flagged finding, and the fixed
  // text no longer has that finding (a fix that leaves the fault in place is no fix).
  it.each((rule.examples?.bad ?? []).map((ex) => [ex.text, ex] as const))('fixes: %s', (_t, ex) => {
    const found = lint(ex).findings.filter((f) => f.ruleId === rule.id);
    const target = ex.flag === WHOLE_REPLY ? found[0]! : found.find((f) => f.actual === ex.flag)!;
    const after = target.fixes.map((fix) => ex.text.slice(0, fix.start) + fix.text + ex.text.slice(fix.end));
    expect(after).toEqual(ex.output);
    for (const fixed of after) {
      const still = lint({ ...ex, text: fixed }).findings.filter((f) => f.ruleId === rule.id);
      expect(still.length, `"${fixed}" still has ${rule.id}`).toBeLessThan(found.length);
    }
  });

  it.each((rule.examples?.good ?? []).map((ex) => [ex.text, ex] as const))('accepts: %s', (_t, ex) => {
    expect(lint(ex).findings.filter((f) => f.ruleId === rule.id)).toEqual([]);
  });
});
