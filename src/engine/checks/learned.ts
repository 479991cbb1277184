import type { SentenceFacts } from '../document';
import type { CompileContext, ModelHeadLike } from './types';

/**
 * A sentence head, optionally with a reply head that decides for the whole reply: what a
 * classifier check and a sentiment check with a tone model share. Both heads' per-sentence
 * results are cached with the sentence.
 */
export interface LearnedHeads {
  sentence: { head: ModelHeadLike; threshold: number; slot: number };
  reply?: { head: ModelHeadLike; threshold: number; slot: number };
}

export function compileHeads(
  ctx: CompileContext,
  ref: { head: string; threshold?: number; replyHead?: string; replyThreshold?: number },
): LearnedHeads | undefined {
  const head = ctx.modelHead(ref.head);
  if (!head) return undefined;
  const reply = ref.replyHead ? ctx.modelHead(ref.replyHead) : undefined;
  return {
    sentence: {
      head,
      threshold: ref.threshold ?? head.threshold,
      slot: ctx.sentenceFact((s) => head.probability(s)),
    },
    reply: reply
      ? {
          head: reply,
          threshold: ref.replyThreshold ?? reply.threshold,
          slot: ctx.sentenceFact((s) => reply.evidence(s)),
        }
      : undefined,
  };
}

/**
 * The sentences (indexes into `facts`) the heads flag among `candidates`: with a reply head, the
 * highest-scoring candidate when the whole `reply` scores at or above its threshold; without,
 * every candidate at or above the sentence threshold.
 */
export function flaggedSentences(
  heads: LearnedHeads,
  facts: readonly SentenceFacts[],
  reply: readonly number[],
  candidates: readonly number[],
): number[] {
  const p = (i: number) => facts[i]!.computed[heads.sentence.slot] as number;
  if (!heads.reply) return candidates.filter((i) => p(i) >= heads.sentence.threshold);
  const { head, threshold, slot } = heads.reply;
  if (candidates.length === 0) return [];
  if (head.combine(reply.map((i) => facts[i]!.computed[slot])) < threshold) return [];
  let best = candidates[0]!;
  for (const i of candidates) if (p(i) > p(best)) best = i;
  return [best];
}
