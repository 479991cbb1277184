import { storage } from 'wxt/utils/storage';
import type { Cursor, RuleProgress } from '../exercises';

/** The trainee's exercise progress, kept on the device only. */
export interface ExerciseProgress {
  /** Streak, bests and count per rule id. */
  rules: Record<string, RuleProgress>;
  /** Where drawing stands per pool (a rule id or "any"): no repeats until the pool is used up. */
  cursors: Record<string, Cursor>;
}

export const NO_EXERCISE_PROGRESS: ExerciseProgress = { rules: {}, cursors: {} };

/** Exercise progress on the practice page (version 1; a later shape migrates from it). */
export const exerciseProgress = storage.defineItem<ExerciseProgress>('local:exercises', {
  fallback: NO_EXERCISE_PROGRESS,
  version: 1,
});
