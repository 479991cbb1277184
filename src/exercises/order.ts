import { fnv1a as hashString } from '../engine/model/features';
import { mulberry32 as seededRandom } from '../engine/model/learn';
import type { Exercise } from './types';

// Seeds and stable sorting reuse the model code's own FNV-1a hash and mulberry32 generator.
export { hashString, seededRandom };

/** What to draw from: one rule's exercises, or every rule's ("any"). */
export type PoolKey = string | 'any';
export const ANY = 'any';

/** The exercises of a pool, in id order (the order a round is shuffled from). */
export function poolOf(exercises: readonly Exercise[], key: PoolKey): Exercise[] {
  return exercises
    .filter((e) => key === ANY || e.ruleId === key)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function shuffled(pool: readonly Exercise[], key: PoolKey, round: number): Exercise[] {
  const out = [...pool];
  const random = seededRandom(hashString(`${key}#${round}`));
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * The order of a pool in one round: a Fisher–Yates shuffle seeded by the pool and the round, so
 * every trainee meets a rule's exercises in the same order, each once per round. A round never
 * starts with the exercise the previous one ended with (its first two are swapped then).
 */
export function roundOrder(pool: readonly Exercise[], key: PoolKey, round: number): Exercise[] {
  const order = shuffled(pool, key, round);
  if (round > 0 && pool.length > 1) {
    // With three or more, the swap never moves a round's last exercise: the plain shuffle's will do.
    const previous = pool.length > 2 ? shuffled(pool, key, round - 1) : roundOrder(pool, key, round - 1);
    if (previous[previous.length - 1]!.id === order[0]!.id) [order[0], order[1]] = [order[1]!, order[0]!];
  }
  return order;
}

/** Where a pool's drawing stands: the round and how many of its exercises were drawn in it. */
export interface Cursor {
  round: number;
  next: number;
}

/**
 * The next exercise of a pool and the cursor after it. No exercise comes back before the whole
 * pool has been drawn; a new round reshuffles (and never starts with the one just seen).
 */
export function drawNext(
  exercises: readonly Exercise[],
  key: PoolKey,
  cursor: Cursor = { round: 0, next: 0 },
): { exercise: Exercise; cursor: Cursor } | null {
  const pool = poolOf(exercises, key);
  if (pool.length === 0) return null;
  let { round, next } = cursor;
  if (next >= pool.length) {
    round++;
    next = 0;
  }
  const exercise = roundOrder(pool, key, round)[next]!;
  return { exercise, cursor: { round, next: next + 1 } };
}
