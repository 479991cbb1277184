import type { Cursor, RuleProgress } from '../exercises';
import { defineSetting, finite, isRecord, natural, safeKey } from './stored';

/** The trainee's exercise progress, kept on the device only. */
export interface ExerciseProgress {
  /** Streak, bests and count per rule id. */
  rules: Record<string, RuleProgress>;
  /** Where drawing stands per pool (a rule id or "any"): no repeats until the pool is used up. */
  cursors: Record<string, Cursor>;
}

export const NO_EXERCISE_PROGRESS: ExerciseProgress = { rules: {}, cursors: {} };

/** Exercise progress on the practice page (version 1; a later shape migrates from it). */
export const exerciseProgress = defineSetting<ExerciseProgress>('local:exercises', {
  fallback: NO_EXERCISE_PROGRESS,
  version: 1,
  read: readExerciseProgress,
});

/** Progress entries that are whole are kept, one by one; a damaged one starts that rule afresh. */
export function readExerciseProgress(stored: unknown): ExerciseProgress | undefined {
  if (!isRecord(stored)) return undefined;
  const rules: Record<string, RuleProgress> = {};
  const cursors: Record<string, Cursor> = {};
  if (isRecord(stored.rules))
    for (const [id, p] of Object.entries(stored.rules)) {
      if (!safeKey(id) || !isRecord(p)) continue;
      const [streak, bestStreak, completed] = [p.streak, p.bestStreak, p.completed].map(natural);
      const bestScore = finite(p.bestScore);
      if (
        streak === undefined ||
        bestStreak === undefined ||
        bestScore === undefined ||
        bestScore < 0 ||
        completed === undefined
      )
        continue;
      rules[id] = { streak, bestStreak, bestScore, completed };
    }
  if (isRecord(stored.cursors))
    for (const [pool, c] of Object.entries(stored.cursors)) {
      if (!safeKey(pool) || !isRecord(c)) continue;
      const [round, next] = [natural(c.round), natural(c.next)];
      if (round !== undefined && next !== undefined) cursors[pool] = { round, next };
    }
  return { rules, cursors };
}
