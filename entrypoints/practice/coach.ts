import type { Linter } from '../../src/engine';
import { lintInput, sameInput, type PracticeStore } from '../../src/state/practice';

/** How long typing must pause before the draft is linted again. */
export const LINT_DELAY_MS = 100;

export interface Coach {
  /** Lints the current inputs now (paste, fix, channel change) instead of after the pause. */
  lintNow(): void;
}

/**
 * Lints whenever the draft, the customer's message, their name or the channel change (after a
 * short pause in typing) and puts the report in the store. Changes made before the linter has
 * loaded are linted as soon as it is ready.
 */
export function connectCoach(store: PracticeStore, linter: Promise<Linter>, delayMs = LINT_DELAY_MS): Coach {
  let ready: Linter | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const lintNow = () => {
    clearTimeout(timer);
    timer = undefined;
    if (!ready) return;
    const state = store.getState();
    const input = lintInput(state);
    if (sameInput(state.linted, input)) return;
    const report = ready.lint(input.draft, {
      channel: input.channel,
      customerMessage: input.customerMessage.trim() ? input.customerMessage : undefined,
      customerName: input.customerName.trim() || undefined,
    });
    state.setReport(report, input);
  };

  store.subscribe((state, prev) => {
    if (!sameInput(lintInput(prev), lintInput(state))) {
      clearTimeout(timer);
      timer = setTimeout(lintNow, delayMs);
    }
  });

  void linter.then((l) => {
    ready = l;
    lintNow();
  });

  return { lintNow };
}
