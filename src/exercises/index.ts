export type { Exercise, ExerciseFile } from './types';
export { ANY, drawNext, hashString, poolOf, roundOrder, seededRandom, type Cursor, type PoolKey } from './order';
export {
  afterCompletion,
  afterShown,
  exerciseScore,
  FULL_SCORE,
  HINT_COST,
  isExerciseDone,
  MAX_HINTS,
  NO_PROGRESS,
  type RuleProgress,
} from './score';
