import type { Linter, RuleSet } from '../../src/engine';
import { lintSlices } from '../../src/state/lint-slices';
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

  // A long draft is linted in slices, so typing is never held up for long (src/state/lint-slices.ts).
  const slices = lintSlices();

  const lintNow = () => {
    clearTimeout(timer);
    timer = undefined;
    slices.cancel();
    if (!makeLinter) return;
    const state = store.getState();
    const input = lintInput(state);
    if (!linter || builtFor !== state.disabledRules) {
      linter = makeLinter(new Set(state.disabledRules));
      builtFor = state.disabledRules;
    } else if (sameInput(state.linted, input)) return;
    const current = linter;
    slices.start(
      (timeBudgetMs) =>
        current.lint(input.draft, {
          channel: input.channel,
          customerMessage: input.customerMessage.trim() ? input.customerMessage : undefined,
          customerName: input.customerName.trim() || undefined,
          timeBudgetMs,
        }),
      // The report shown stays the last whole one until this one is done.
      (report) => state.setReport(report, input),
    );
  };

  const unsubscribe = store.subscribe((state, prev) => {
    if (state.disabledRules !== prev.disabledRules) lintNow();
    else if (!sameInput(lintInput(prev), lintInput(state))) {
      clearTimeout(timer);
      slices.cancel();
      timer = setTimeout(lintNow, delayMs);
    }
  });

  void engine.then((make) => {
    makeLinter = make;
    lintNow();
  });

  return {
    lintNow,
    stop() {
      clearTimeout(timer);
      slices.cancel();
      unsubscribe();
    },
  };
}
