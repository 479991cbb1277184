import type { TabReport } from './protocol';

/**
 * What the coach script (injected on demand) offers the loader content script that shares its
 * world: the loader owns the tab's message listeners and hands these on.
 */
export interface PageCoachHandle {
  report(): TabReport;
  nextSuggestion(): void;
  /** Stops coaching and lets go of everything (the extension is gone). */
  dispose(): void;
}
