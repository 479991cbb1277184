import type { Linter, RuleSet } from '../../src/engine';
import { INTERACTIVE_TIME_BUDGET_MS, resumePoint } from '../../src/engine/time-budget';
import { lintInput, sameInput, type PracticeStore } from '../../src/state/practice';

/** How long typing must pause before the draft is linted again. */
export const LINT_DELAY_MS = 100;

/** Builds a linter for the rule set with these rules turned off. */
export type LinterFactory = (disabledRules: ReadonlySet<string>) => Linter;

export interface Coach {
  /** Lints the current inputs now (paste, fix, channel change) instead of after the pause. */
  lintNow(): void;
  stop(): void;
}

/**
 * The rule set with `off` switched off, as the engine reads it. Switched off rather than left out:
 * a rule another one consults (misplaced praise waits on require-apology) still answers.
 */
export function withRulesOff(ruleSet: RuleSet, off: ReadonlySet<string>): RuleSet {
  // The learned heads go with the rules: without them the classifier rules see nothing.
  return { ...ruleSet, rules: ruleSet.rules.map((r) => (off.has(r.id) ? { ...r, enabled: false } : r)) };
}

/**
 * Lints whenever the draft, the customer's message, their name or the channel change (after a
 * short pause in typing) and puts the report in the store. Rules turned off (options, a card)
 * get a new linter and a new report at once. Changes made before the engine has loaded are
 * linted as soon as it is ready.
 */
export function connectCoach(store: PracticeStore, engine: Promise<LinterFactory>, delayMs = LINT_DELAY_MS): Coach {
  let makeLinter: LinterFactory | null = null;
  let linter: Linter | null = null;
  /** The turned-off rules `linter` was built for. */
  let builtFor: readonly string[] | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  /** How far the last slice of an unfinished lint read (see resumePoint). */
  let resumedFrom: number | null = null;

  const lintNow = (resume = false) => {
    clearTimeout(timer);
    timer = undefined;
    if (!makeLinter) return;
    const state = store.getState();
    const input = lintInput(state);
    if (!resume) resumedFrom = null;
    if (!linter || builtFor !== state.disabledRules) {
      linter = makeLinter(new Set(state.disabledRules));
      builtFor = state.disabledRules;
    } else if (!resume && sameInput(state.linted, input)) return;
    const report = linter.lint(input.draft, {
      channel: input.channel,
      customerMessage: input.customerMessage.trim() ? input.customerMessage : undefined,
      customerName: input.customerName.trim() || undefined,
      timeBudgetMs: INTERACTIVE_TIME_BUDGET_MS,
    });
    const next = resumePoint(report, resumedFrom);
    if (next !== null) {
      // Out of its slice and still moving: go on a task later, so the page answers in between;
      // the report shown stays the last whole one until this one is done.
      resumedFrom = next;
      timer = setTimeout(() => lintNow(true), 0);
      return;
    }
    state.setReport(report, input);
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.disabledRules !== prev.disabledRules) lintNow();
    else if (!sameInput(lintInput(prev), lintInput(state))) {
      clearTimeout(timer);
      timer = setTimeout(lintNow, delayMs);
    }
  });

  void engine.then((make) => {
    makeLinter = make;
    lintNow();
  });

  return {
    lintNow: () => lintNow(),
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
