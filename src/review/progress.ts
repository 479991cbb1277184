import type { HistoryEntry, ReplyScore } from '../history/types';

// The review page's aggregations: pure functions over history entries and reply scores, so that
// they are tested in node and the charts only draw what they are given.

export const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
/** Weeks the progress charts show. */
export const CHART_WEEKS = 12;
/** The window "improving" and "still frequent" compare: the last 4 weeks against the 4 before. */
export const TREND_WEEKS = 4;

export interface RuleTrend {
  ruleId: string;
  /** Flags in the 4 weeks before the last 4. */
  before: number;
  /** Flags in the last 4 weeks. */
  after: number;
}

export interface Progress {
  /**
   * Where each week starts (epoch ms), oldest first. Weeks are the 7-day windows ending at `now`,
   * so the last one is always the current week, in every time zone.
   */
  weeks: number[];
  /** Flags per rule per week (same order as `weeks`), for rules flagged at least once; ids sorted. */
  flagsByRule: Record<string, number[]>;
  /** Fixed ÷ all outcomes per week, 0–1; null for a week without findings. */
  fixRate: (number | null)[];
  /** Average tone score of the replies coached that week, 0–100; null for a week without one. */
  averageScore: (number | null)[];
  /** Rules flagged less in the last 4 weeks than in the 4 before, biggest drop first. */
  improving: RuleTrend[];
  /** Rules flagged most in the last 4 weeks, most first (at most `limit`). */
  stillFrequent: RuleTrend[];
}

/** The index of the week `at` falls in, or -1 when it is outside the `count` weeks ending at `now`. */
export function weekIndex(at: number, now: number, count = CHART_WEEKS): number {
  if (at > now) return -1;
  const back = Math.floor((now - at) / WEEK_MS);
  return back >= count ? -1 : count - 1 - back;
}

/** Where each of the `count` weeks ending at `now` starts, oldest first. */
export function weekStarts(now: number, count = CHART_WEEKS): number[] {
  return Array.from({ length: count }, (_, i) => now - (count - i) * WEEK_MS + 1);
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const byName = (a: RuleTrend, b: RuleTrend) => a.ruleId.localeCompare(b.ruleId);

/** Everything the progress section draws, from the entries and reply scores of the last weeks. */
export function progress(
  entries: readonly Pick<HistoryEntry, 'ruleId' | 'at' | 'outcome'>[],
  scores: readonly Pick<ReplyScore, 'at' | 'score'>[],
  now: number,
  { weeks: count = CHART_WEEKS, limit = 5 } = {},
): Progress {
  const flagsByRule: Record<string, number[]> = {};
  const fixed = new Array<number>(count).fill(0);
  const all = new Array<number>(count).fill(0);
  for (const e of entries) {
    const i = weekIndex(e.at, now, count);
    if (i < 0) continue;
    flagsByRule[e.ruleId] ??= new Array<number>(count).fill(0);
    flagsByRule[e.ruleId]![i]!++;
    all[i]!++;
    if (e.outcome === 'fixed') fixed[i]!++;
  }
  const scoreSum = new Array<number>(count).fill(0);
  const scoreCount = new Array<number>(count).fill(0);
  for (const s of scores) {
    const i = weekIndex(s.at, now, count);
    if (i < 0) continue;
    scoreSum[i]! += s.score;
    scoreCount[i]!++;
  }

  const trend = Math.min(TREND_WEEKS, Math.floor(count / 2));
  const trends: RuleTrend[] = Object.entries(flagsByRule).map(([ruleId, row]) => ({
    ruleId,
    before: sum(row.slice(count - 2 * trend, count - trend)),
    after: sum(row.slice(count - trend)),
  }));
  const sorted = Object.keys(flagsByRule).sort();

  return {
    weeks: weekStarts(now, count),
    flagsByRule: Object.fromEntries(sorted.map((id) => [id, flagsByRule[id]!])),
    fixRate: all.map((n, i) => (n === 0 ? null : fixed[i]! / n)),
    averageScore: scoreCount.map((n, i) => (n === 0 ? null : scoreSum[i]! / n)),
    improving: trends
      .filter((t) => t.after < t.before)
      .sort((a, b) => b.before - b.after - (a.before - a.after) || byName(a, b))
      .slice(0, limit),
    stillFrequent: trends
      .filter((t) => t.after > 0)
      .sort((a, b) => b.after - a.after || byName(a, b))
      .slice(0, limit),
  };
}

/** One rule's findings, as the review page groups them. */
export interface RuleGroup<E> {
  ruleId: string;
  entries: E[];
  fixed: number;
}

/** Entries grouped by rule, the most flagged rule first (ties by id); entries keep their order. */
export function groupByRule<E extends Pick<HistoryEntry, 'ruleId' | 'outcome'>>(entries: readonly E[]): RuleGroup<E>[] {
  const groups = new Map<string, RuleGroup<E>>();
  for (const e of entries) {
    const g = groups.get(e.ruleId) ?? { ruleId: e.ruleId, entries: [], fixed: 0 };
    groups.set(e.ruleId, g);
    g.entries.push(e);
    if (e.outcome === 'fixed') g.fixed++;
  }
  return [...groups.values()].sort((a, b) => b.entries.length - a.entries.length || a.ruleId.localeCompare(b.ruleId));
}
