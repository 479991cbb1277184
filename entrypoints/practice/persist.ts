import { savedPractice, type SavedPractice } from '../../src/settings/practice';
import { lintInput, sameInput, type LintInput, type PracticeStore } from '../../src/state/practice';

/** How long typing must pause before the inputs are written to storage. */
export const SAVE_DELAY_MS = 400;

/** The inputs to start from: the last ones saved, else the built-in example. */
export async function loadInputs(example: LintInput): Promise<LintInput> {
  const saved = await savedPractice.getValue();
  return saved ? lintInput({ ...example, ...saved }) : example;
}

/**
 * Saves the inputs after a pause in typing, and at once when the page is hidden or left (reload,
 * closed tab), so what was typed last is never lost to the delay. Returns a function that stops.
 */
export function persistInputs(store: PracticeStore, delayMs = SAVE_DELAY_MS): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let saved = lintInput(store.getState());
  const save = () => {
    clearTimeout(timer);
    timer = undefined;
    const input = lintInput(store.getState());
    if (sameInput(saved, input)) return;
    const value: SavedPractice = { ...input };
    // Counted as saved only once storage took it: a failed write (storage full) is tried again
    // at the next pause or when the page is hidden, and never throws into the page.
    savedPractice.setValue(value).then(
      () => {
        saved = input;
      },
      (e: unknown) => console.warn('[Tactful] the practice draft could not be saved yet:', e),
    );
  };
  const unsubscribe = store.subscribe((state, prev) => {
    if (sameInput(lintInput(prev), lintInput(state))) return;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  // chrome.storage calls made while the page unloads still reach the browser: flush then.
  const onHidden = () => {
    if (document.visibilityState === 'hidden') save();
  };
  window.addEventListener('pagehide', save);
  document.addEventListener('visibilitychange', onHidden);
  return () => {
    save();
    unsubscribe();
    window.removeEventListener('pagehide', save);
    document.removeEventListener('visibilitychange', onHidden);
  };
}
