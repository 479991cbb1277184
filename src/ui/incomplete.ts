/**
 * What the coach says when a lint ran out of its time budget (see src/engine/time-budget.ts):
 * the suggestions shown are real but cover part of the draft, and the whole-reply ones (a missing
 * apology, no follow-up) are held back rather than guessed. One text for the panel in the page,
 * the practice page and the popup.
 */
export const PARTLY_CHECKED =
  'Only part of this draft was checked in time (it is very long, or a pattern in your team’s rule set is slow on it). Suggestions about the whole reply are held back.';
