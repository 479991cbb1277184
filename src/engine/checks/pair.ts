import { overlaps } from '../document';
import { compilePhrase, phraseLikeFindings, type CompiledPhrase } from './phrase';
import type { CheckModule, RuleOf } from './types';

interface CompiledPair extends CompiledPhrase<RuleOf<'pair'>> {
  alternatives?: number;
}

/** `pair`: a "can't" needs an alternative within `window` sentences (or anywhere in the reply). */
export const pair: CheckModule<'pair', CompiledPair> = {
  readsWholeReply: true,
  compile: (rule, ctx) => ({
    ...compilePhrase(rule, rule.check, ctx),
    alternatives: ctx.sentencePatterns(rule.check.alternatives),
  }),
  findings(cr, lint) {
    const { doc, facts } = lint;
    const c = cr.rule.check;
    const alt = cr.alternatives;
    let altAnywhere: boolean | undefined;
    return phraseLikeFindings(cr, lint, (i, hits) => {
      if (alt === undefined) return true;
      // An alternative inside the trigger itself ("nothing we can do") does not count.
      const offersAlternative = (j: number) =>
        facts[j]!.hits[alt]!.some((a) => j !== i || !hits.some((h) => overlaps(a, h)));
      if (c.window === 'reply') {
        altAnywhere ??= doc.content.some((j) => j !== i && offersAlternative(j));
        return !(altAnywhere || offersAlternative(i));
      }
      const k = doc.positionOf(i);
      const near = doc.content.slice(Math.max(0, k - c.window), k + c.window + 1);
      return !near.some(offersAlternative);
    });
  },
};
