import { INTERACTIVE_TIME_BUDGET_MS, resumePoint } from '../engine/time-budget';
import type { Report } from '../engine/types';

/** A lint on the page's own main thread, in slices a task apart (see resumePoint). */
export interface LintSlices {
  /**
   * Lints now, `lint` given the slice's budget; a report out of its slice that read further than
   * the slice before goes on a task later (the linter's cache keeps what was read), so the page
   * answers in between. `done` gets the finished report, or the last partial one when a slice read
   * no further (one sentence alone outlasts the budget). Starting again drops the old run.
   */
  start(lint: (timeBudgetMs: number) => Report, done: (report: Report) => void): void;
  /** Drops a slice still to come (the input changed, the page is closing). */
  cancel(): void;
}

/** The practice page's and the options page's lint loop (they lint on their own main thread). */
export function lintSlices(budgetMs = INTERACTIVE_TIME_BUDGET_MS): LintSlices {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    clearTimeout(timer);
    timer = undefined;
  };
  return {
    start(lint, done) {
      cancel();
      let previous: number | null = null;
      const slice = () => {
        timer = undefined;
        const report = lint(budgetMs);
        const next = resumePoint(report, previous);
        if (next === null) return done(report);
        previous = next;
        timer = setTimeout(slice, 0);
      };
      slice();
    },
    cancel,
  };
}
