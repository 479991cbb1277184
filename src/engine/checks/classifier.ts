import { finding, overlaps } from '../document';
import { greetingLead, replacementFix } from '../fixes';
import type { Finding } from '../types';
import { compilePhrase, phraseLikeFindings, type CompiledPhrase } from './phrase';
import type { CheckModule, ModelHeadLike, RuleOf } from './types';

interface CompiledClassifier extends CompiledPhrase<RuleOf<'classifier'>> {
  head?: ModelHeadLike;
  threshold: number;
  /** Slot of the head's probability in each sentence's cached facts. */
  probability?: number;
  anywhere?: number;
}

// How many of the words that weighed most the card names.
const WEIGHTIEST = 3;

/**
 * `classifier`: a learned head scores every sentence (cached with it, so an edit re-scores one
 * sentence); a sentence at or above the threshold is flagged. Where one of the rule's phrase
 * patterns matches, the finding covers the phrase and offers its fixes; elsewhere it covers the
 * sentence and names the words that weighed most. `unlessAnywhere` clears the whole reply (a
 * referral is no deflection when the writer offers help of their own anywhere).
 */
export const classifier: CheckModule<'classifier', CompiledClassifier> = {
  compile(rule, ctx) {
    const c = rule.check;
    const head = ctx.modelHead(c.head);
    return {
      ...compilePhrase(rule, { ...c, patterns: c.patterns ?? [] }, ctx),
      head,
      threshold: c.threshold ?? head?.threshold ?? 0.5,
      probability: head ? ctx.sentenceFact((s) => head.probability(s)) : undefined,
      anywhere: ctx.sentencePatterns(c.unlessAnywhere),
    };
  },
  findings(cr, lint) {
    const { doc, facts } = lint;
    const c = cr.rule.check;
    if (cr.anywhere !== undefined && doc.content.some((i) => facts[i]!.hits[cr.anywhere!]!.length > 0)) return [];
    const out: Finding[] = phraseLikeFindings(cr, lint);
    if (cr.probability === undefined || !cr.head) return out;
    for (const i of doc.content) {
      const f = facts[i]!;
      const p = f.computed[cr.probability] as number;
      if (p < cr.threshold || f.quoted) continue;
      if (cr.unless !== undefined && f.hits[cr.unless]!.length > 0) continue;
      if (c.skipQuestions && f.question) continue;
      const seg = doc.segments[i]!;
      // A phrase finding in this sentence already says it, with its exact words and fixes.
      if (out.some((x) => overlaps(x, seg))) continue;
      const lead = greetingLead(seg.text);
      const start = seg.start + lead;
      const end = seg.start + seg.text.trimEnd().length;
      if (end <= start) continue;
      const weighed = cr.head
        .weightiest(seg.text, WEIGHTIEST)
        .filter((w) => w.start >= lead)
        .map((w) => seg.text.slice(w.start, w.end));
      // Words cannot be swapped in a sentence no pattern pinned down: only whole-sentence fixes.
      const fixes = (cr.rule.fixes ?? []).flatMap((t) =>
        typeof t === 'object' && !('case' in t)
          ? (replacementFix(doc.text, seg, start, end, t, doc.options) ?? [])
          : [],
      );
      out.push({ ...finding(cr.rule, start, end, doc.text.slice(start, end), fixes), weighed });
    }
    return out.sort((a, b) => a.start - b.start);
  },
};
