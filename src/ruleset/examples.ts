import { createLinter, type Channel, type ModelHead, type Rule } from '../engine';
import { WHOLE_REPLY, type RuleWithExamples } from './schema';

export type RuleExamples = NonNullable<RuleWithExamples['examples']>;

/** One rule example the edited set no longer passes, and how. */
export interface ExampleFailure {
  ruleId: string;
  /** A bad example no longer flagged (or not at its span), a good one flagged, a fix that differs. */
  kind: 'not-flagged' | 'wrong-span' | 'flagged' | 'fix-differs' | 'fix-leaves-finding';
  text: string;
  expected?: string;
  actual?: string;
}

export interface ExamplesRun {
  /** Examples run (bad and good). */
  ran: number;
  failures: ExampleFailure[];
  /** Rules turned off in the set: their examples are not run. */
  off: string[];
  /** Rules with no examples of their own. */
  without: string[];
}

type AnyExample = { text: string; customer?: string; channel?: Channel; customerName?: string };

/**
 * Runs every rule's own bad and good examples against that rule as the edited set has it (as
 * tests/rules/examples.test.ts does for the pack): each bad example must still be flagged at its
 * span with the same text after each fix, and each good one must not be. Like that test, the
 * learned heads are left out unless given: a rule's examples pin what its phrases do.
 */
export function runExamples(
  rules: readonly Rule[],
  examples: ReadonlyMap<string, RuleExamples>,
  models: Record<string, ModelHead> = {},
): ExamplesRun {
  const run: ExamplesRun = { ran: 0, failures: [], off: [], without: [] };
  for (const rule of rules) {
    const own = examples.get(rule.id);
    if (rule.enabled === false) {
      run.off.push(rule.id);
      continue;
    }
    if (!own || own.bad.length + own.good.length === 0) {
      run.without.push(rule.id);
      continue;
    }
    // A rule that waits on another (misplaced praise on require-apology) gets it, switched off.
    const ref = rule.check.kind === 'sentiment' ? rule.check.misplacedPraise?.whenMissing : undefined;
    const helpers = rules.filter((r) => r.id === ref).map((r) => ({ ...r, enabled: false }));
    const linter = createLinter({ rules: [rule, ...helpers], models });
    const found = (ex: AnyExample) =>
      linter
        .lint(ex.text, { customerMessage: ex.customer, channel: ex.channel ?? 'email', customerName: ex.customerName })
        .findings.filter((f) => f.ruleId === rule.id);
    const fail = (f: Omit<ExampleFailure, 'ruleId'>) => run.failures.push({ ruleId: rule.id, ...f });
    for (const ex of own.bad) {
      run.ran++;
      const hits = found(ex);
      if (hits.length === 0) {
        fail({ kind: 'not-flagged', text: ex.text, expected: ex.flag });
        continue;
      }
      const target = ex.flag === WHOLE_REPLY ? hits[0] : hits.find((f) => f.actual === ex.flag);
      if (!target) {
        fail({ kind: 'wrong-span', text: ex.text, expected: ex.flag, actual: hits[0]!.actual });
        continue;
      }
      const after = target.fixes.map((fix) => ex.text.slice(0, fix.start) + fix.text + ex.text.slice(fix.end));
      if (JSON.stringify(after) !== JSON.stringify(ex.output)) {
        fail({ kind: 'fix-differs', text: ex.text, expected: ex.output.join(' | '), actual: after.join(' | ') });
        continue;
      }
      const still = after.find((fixed) => found({ ...ex, text: fixed }).length >= hits.length);
      if (still !== undefined) fail({ kind: 'fix-leaves-finding', text: ex.text, actual: still });
    }
    for (const ex of own.good) {
      run.ran++;
      const hits = found(ex);
      if (hits.length) fail({ kind: 'flagged', text: ex.text, actual: hits[0]!.actual });
    }
  }
  return run;
}
