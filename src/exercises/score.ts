import type { Finding } from '../engine';

/** Points an exercise is worth, and what each hint costs. */
export const FULL_SCORE = 100;
export const HINT_COST = 25;
/** Hint 1: the rule's message and why; hint 2: the flagged words. */
export const MAX_HINTS = 2;

/** The score of a finished exercise: 100 less 25 per hint, 0 once a good version was shown. */
export function exerciseScore(hints: number, shown: boolean): number {
  if (shown) return 0;
  return Math.max(0, FULL_SCORE - HINT_COST * Math.min(hints, MAX_HINTS));
}

/**
 * Whether the rewrite is done: the draft was changed, is not blank, the exercise's rule no longer
 * flags it and nothing at error level is left.
 */
export function isExerciseDone(ruleId: string, original: string, draft: string, findings: readonly Finding[]): boolean {
  if (draft.trim() === '' || draft === original) return false;
  return !findings.some((f) => f.ruleId === ruleId || f.level === 'error');
}

/** A rule's progress: the streak of exercises finished without a shown answer, and the bests. */
export interface RuleProgress {
  streak: number;
  bestStreak: number;
  bestScore: number;
  completed: number;
}

export const NO_PROGRESS: RuleProgress = { streak: 0, bestStreak: 0, bestScore: 0, completed: 0 };

/** The progress after finishing an exercise with `score` (0, a shown answer, breaks the streak). */
export function afterCompletion(progress: RuleProgress = NO_PROGRESS, score: number): RuleProgress {
  const streak = score > 0 ? progress.streak + 1 : 0;
  return {
    streak,
    bestStreak: Math.max(progress.bestStreak, streak),
    bestScore: Math.max(progress.bestScore, score),
    completed: progress.completed + 1,
  };
}

/** The progress once a good version was shown: the streak is broken at once. */
export function afterShown(progress: RuleProgress = NO_PROGRESS): RuleProgress {
  return { ...progress, streak: 0 };
}
