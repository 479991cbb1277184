/**
 * The last line of defence against a slow lint. The regex safety check refuses patterns that
 * backtrack exponentially or worse than cubically, but what it lets through can still cost
 * length³ on text that almost matches (`.*a.*b` on a long run of "a"), and a pasted megabyte
 * multiplies any cost. So a lint has a deadline: the engine looks at the clock between sentences
 * and between the windows of a long sentence (see patterns.ts), and when the time is up it stops
 * and says how far it read instead of blocking. A single regex run is never interrupted — it
 * cannot be — so the windows are what keep each run short.
 */

/** How long a lint may take unless its caller says otherwise (the engine in the service worker). */
export const DEFAULT_TIME_BUDGET_MS = 2000;

/**
 * For a lint on a page's own main thread (the practice page, the options page's live panel), where
 * every millisecond of it is a frozen page: long enough for any real reply (a 10,000-word draft
 * lints cold in about 70 ms), short enough that a slow team pattern stalls the page for a moment
 * rather than seconds.
 */
export const INTERACTIVE_TIME_BUDGET_MS = 250;

/**
 * Where a lint that ran out of its time should go on from, in a later task, or null: when it
 * finished, or when it read no further than the slice before (`previous`) — one sentence alone
 * outlasts the budget, so its partial report is the answer. A page that lints on its own main
 * thread gives each slice the interactive budget and stays responsive between them; the linter's
 * cache keeps what earlier slices read.
 */
export function resumePoint(report: { incomplete?: { checkedTo: number } }, previous: number | null): number | null {
  const at = report.incomplete?.checkedTo;
  if (at === undefined) return null;
  return previous === null || at > previous ? at : null;
}

/** Thrown inside a lint when its deadline has passed; the linter catches it. */
export class OutOfTime extends Error {
  constructor() {
    super('the lint ran out of its time budget');
  }
}

/** Throws {@link OutOfTime} once `deadline` (a `performance.now()` time) has passed. */
export function checkDeadline(deadline: number): void {
  if (performance.now() > deadline) throw new OutOfTime();
}
