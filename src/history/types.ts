import type { Level } from '../engine/types';

/** What became of a finding the agent saw. */
export type Outcome =
  /** A fix was applied, or the agent rewrote the words until the finding went away. */
  | 'fixed'
  | 'dismissed'
  /** Still there when the reply was sent or the editor closed. */
  | 'left';

/**
 * One finding an agent saw, as the history keeps it: the flagged sentence only (never the
 * reply), where the flagged words are in it, and what the coach suggested.
 */
export interface HistoryEntry {
  /** Assigned by the database. */
  id?: number;
  ruleId: string;
  level: Level;
  /** The sentence the finding is in (empty for a missing piece such as a closing). */
  sentence: string;
  /** The flagged words' place in `sentence` (equal when the finding marks a place). */
  start: number;
  end: number;
  /** The sentence after the coach's first fix, when it has one. */
  suggestion?: string;
  /** Host name of the page, e.g. mail.google.com. */
  site: string;
  /** Epoch ms the outcome was known. */
  at: number;
  outcome: Outcome;
}

/** A coached reply's tone score (100 = nothing to coach) when its editor closed or it was sent. */
export interface ReplyScore {
  id?: number;
  at: number;
  site: string;
  score: number;
}

/** Whether a content script's reply score is well formed. */
export function isReplyScore(x: unknown): x is ReplyScore {
  if (typeof x !== 'object' || x === null) return false;
  const r = x as Record<string, unknown>;
  return (
    typeof r.site === 'string' &&
    r.site.length <= 253 &&
    Number.isSafeInteger(r.at) &&
    (r.at as number) >= 0 &&
    typeof r.score === 'number' &&
    r.score >= 0 &&
    r.score <= 100
  );
}

/** What the review page asks for; every field narrows, absent ones do not. */
export interface HistoryQuery {
  ruleId?: string;
  site?: string;
  /** Epoch ms, inclusive. */
  from?: number;
  to?: number;
  /** Words the sentence contains (case-insensitive). */
  search?: string;
}

/** How much history is kept. */
export interface Retention {
  /** Days an entry is kept. */
  days: number;
  /** Entries kept at most; the oldest go first. */
  cap: number;
}

export const DEFAULT_RETENTION: Retention = { days: 90, cap: 20_000 };

const LEVELS = new Set(['error', 'warning', 'info']);
const OUTCOMES = new Set(['fixed', 'dismissed', 'left']);
const isStr = (x: unknown, max: number) => typeof x === 'string' && x.length <= max;
const isNat = (x: unknown) => Number.isSafeInteger(x) && (x as number) >= 0;

/**
 * Whether something from a content script is an entry worth keeping. A page's script cannot
 * reach the coach's world, but what arrives is checked all the same: bounded strings, known
 * levels and outcomes, offsets inside the sentence.
 */
export function isHistoryEntry(x: unknown): x is HistoryEntry {
  if (typeof x !== 'object' || x === null) return false;
  const e = x as Record<string, unknown>;
  return (
    isStr(e.ruleId, 100) &&
    (e.ruleId as string).length > 0 &&
    LEVELS.has(e.level as string) &&
    isStr(e.sentence, 2_000) &&
    isNat(e.start) &&
    isNat(e.end) &&
    (e.start as number) <= (e.end as number) &&
    (e.end as number) <= (e.sentence as string).length &&
    (e.suggestion === undefined || isStr(e.suggestion, 2_000)) &&
    isStr(e.site, 253) &&
    isNat(e.at) &&
    OUTCOMES.has(e.outcome as string)
  );
}
