import { createStore, type StoreApi } from 'zustand/vanilla';
import { ANY, type Exercise, MAX_HINTS } from '../exercises';
import { NO_EXERCISE_PROGRESS, type ExerciseProgress } from '../settings/exercises';
import { useStore } from './use-store';

export type PracticeMode = 'free' | 'exercises';

/** The exercise mode of the practice page. The reply being rewritten lives in its own PracticeStore. */
export interface ExerciseState {
  mode: PracticeMode;
  /** A rule id, or "any". */
  pick: string;
  /** Null until the exercises have loaded (or when the pool is empty). */
  exercise: Exercise | null;
  /** Hints asked for in this exercise (0..MAX_HINTS). */
  hints: number;
  /** A good version was shown. */
  shown: boolean;
  /** The score once the rule no longer flags the rewrite. */
  done: { score: number } | null;
  /** A mirror of storage. */
  progress: ExerciseProgress;
  /** The rules that have exercises (and are not turned off); empty until loaded. */
  ruleIds: readonly string[];
  /** The exercises have loaded (an empty pool then means none for the pick). */
  loaded: boolean;
  setMode(mode: PracticeMode): void;
  setPick(pick: string): void;
  start(exercise: Exercise | null): void;
  hint(): void;
  show(): void;
  complete(score: number): void;
  setProgress(progress: ExerciseProgress): void;
  setRuleIds(ruleIds: readonly string[]): void;
}

export type ExerciseStore = StoreApi<ExerciseState>;

export function createExerciseStore(
  initial: Partial<Pick<ExerciseState, 'mode' | 'pick' | 'progress'>> = {},
): ExerciseStore {
  return createStore<ExerciseState>()((set, get) => ({
    mode: 'free',
    pick: ANY,
    exercise: null,
    hints: 0,
    shown: false,
    done: null,
    progress: NO_EXERCISE_PROGRESS,
    ruleIds: [],
    loaded: false,
    ...initial,
    setMode: (mode) => set({ mode }),
    setPick: (pick) => set({ pick }),
    start: (exercise) => set({ exercise, hints: 0, shown: false, done: null, loaded: true }),
    hint: () => set({ hints: Math.min(MAX_HINTS, get().hints + 1) }),
    show: () => set({ shown: true }),
    complete: (score) => set({ done: { score } }),
    setProgress: (progress) => set({ progress }),
    setRuleIds: (ruleIds) => set({ ruleIds }),
  }));
}

export function useExerciseStore<T>(store: ExerciseStore, selector: (s: ExerciseState) => T): T {
  return useStore(store, selector);
}
