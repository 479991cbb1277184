// The review page's aggregations (src/review/progress.ts): weeks, flags per rule, fix rate, tone
// score, and the "improving" / "still frequent" lists.
import { describe, expect, it } from 'vitest';
import type { HistoryEntry, Outcome } from '../../src/history';
import { CHART_WEEKS, groupByRule, progress, WEEK_MS, weekIndex, weekStarts } from '../../src/review/progress';

const NOW = Date.UTC(2026, 2, 4, 15, 30);
const DAY = 24 * 60 * 60 * 1000;
/** An entry `weeksAgo` whole weeks (plus `days`) before now. */
const flag = (ruleId: string, weeksAgo: number, outcome: Outcome = 'left', days = 0) => ({
  ruleId,
  outcome,
  at: NOW - weeksAgo * WEEK_MS - days * DAY,
});

describe('weeks', () => {
  it('are the 12 seven-day windows ending now, the last being this week', () => {
    expect(weekIndex(NOW, NOW)).toBe(CHART_WEEKS - 1);
    expect(weekIndex(NOW - 6 * DAY, NOW)).toBe(CHART_WEEKS - 1);
    expect(weekIndex(NOW - WEEK_MS, NOW)).toBe(CHART_WEEKS - 2);
    expect(weekIndex(NOW - 11 * WEEK_MS - 6 * DAY, NOW)).toBe(0);
    expect(weekIndex(NOW - 12 * WEEK_MS, NOW)).toBe(-1);
    expect(weekIndex(NOW + 1, NOW)).toBe(-1);
    const starts = weekStarts(NOW);
    expect(starts).toHaveLength(CHART_WEEKS);
    expect(starts[CHART_WEEKS - 1]).toBe(NOW - WEEK_MS + 1);
    // Each start falls in its own week.
    expect(starts.map((s) => weekIndex(s, NOW))).toEqual([...starts.keys()]);
  });
});

describe('progress', () => {
  it('is empty without history', () => {
    const p = progress([], [], NOW);
    expect(p.weeks).toHaveLength(12);
    expect(p.flagsByRule).toEqual({});
    expect(p.fixRate.every((r) => r === null)).toBe(true);
    expect(p.averageScore.every((r) => r === null)).toBe(true);
    expect(p.improving).toEqual([]);
    expect(p.stillFrequent).toEqual([]);
  });

  it('counts flags per rule per week and leaves out older entries', () => {
    const p = progress(
      [
        flag('no-shouting', 0),
        flag('no-shouting', 0, 'fixed', 2),
        flag('no-shouting', 3),
        flag('no-deflection', 11, 'left', 6),
        flag('no-deflection', 12),
        flag('no-deflection', 40),
      ],
      [],
      NOW,
    );
    expect(Object.keys(p.flagsByRule)).toEqual(['no-deflection', 'no-shouting']);
    expect(p.flagsByRule['no-shouting']).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 2]);
    expect(p.flagsByRule['no-deflection']).toEqual([1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('gives the fix rate as fixed over all outcomes, null for a week without findings', () => {
    const p = progress(
      [
        flag('no-shouting', 0, 'fixed'),
        flag('no-shouting', 0, 'dismissed'),
        flag('no-condescension', 0, 'left'),
        flag('no-condescension', 0, 'fixed'),
        flag('no-condescension', 2, 'dismissed'),
      ],
      [],
      NOW,
    );
    expect(p.fixRate[11]).toBe(0.5);
    expect(p.fixRate[9]).toBe(0);
    expect(p.fixRate[10]).toBeNull();
  });

  it('averages the tone scores of each week', () => {
    const p = progress(
      [],
      [
        { at: NOW, score: 80 },
        { at: NOW - DAY, score: 100 },
        { at: NOW - 5 * WEEK_MS, score: 55 },
        { at: NOW - 20 * WEEK_MS, score: 10 },
      ],
      NOW,
    );
    expect(p.averageScore[11]).toBe(90);
    expect(p.averageScore[6]).toBe(55);
    expect(p.averageScore.filter((s) => s !== null)).toHaveLength(2);
  });

  it('lists rules improving (fewer flags in the last 4 weeks than the 4 before), biggest drop first', () => {
    const entries = [
      // Blame: 5 before, 1 after: improving by 4.
      ...[4, 5, 5, 6, 7].map((w) => flag('no-blame-shifting', w)),
      flag('no-blame-shifting', 1),
      // Shouting: 2 before, 1 after: improving by 1.
      flag('no-shouting', 6),
      flag('no-shouting', 7),
      flag('no-shouting', 0),
      // Deflection: 1 before, 3 after: worse.
      flag('no-deflection', 5),
      ...[0, 1, 3].map((w) => flag('no-deflection', w)),
      // Condescension: only before the 8 weeks compared: not in either list.
      flag('no-condescension', 9),
      // Policy: gone entirely (2 before, 0 after): improving, not frequent.
      flag('no-policy-hiding', 4),
      flag('no-policy-hiding', 4),
    ];
    const p = progress(entries, [], NOW);
    expect(p.improving).toEqual([
      { ruleId: 'no-blame-shifting', before: 5, after: 1 },
      { ruleId: 'no-policy-hiding', before: 2, after: 0 },
      { ruleId: 'no-shouting', before: 2, after: 1 },
    ]);
    expect(p.stillFrequent.map((t) => [t.ruleId, t.after])).toEqual([
      ['no-deflection', 3],
      ['no-blame-shifting', 1],
      ['no-shouting', 1],
    ]);
  });

  it('keeps at most `limit` rules in each list', () => {
    const entries = ['a', 'b', 'c', 'd'].flatMap((r, i) => Array.from({ length: i + 1 }, () => flag(`no-${r}`, 0)));
    expect(progress(entries, [], NOW, { limit: 2 }).stillFrequent.map((t) => t.ruleId)).toEqual(['no-d', 'no-c']);
  });
});

describe('groupByRule', () => {
  it('groups entries by rule, the most flagged first, keeping their order and counting fixes', () => {
    const e = (ruleId: string, at: number, outcome: Outcome) => ({ ruleId, at, outcome }) as HistoryEntry;
    const groups = groupByRule([
      e('no-shouting', 5, 'fixed'),
      e('no-deflection', 4, 'left'),
      e('no-shouting', 3, 'left'),
      e('no-condescension', 2, 'fixed'),
    ]);
    expect(groups.map((g) => [g.ruleId, g.entries.map((x) => x.at), g.fixed])).toEqual([
      ['no-shouting', [5, 3], 1],
      ['no-condescension', [2], 1],
      ['no-deflection', [4], 0],
    ]);
  });
});
