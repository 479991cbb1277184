import { finding, overlaps } from '../document';
import { greetingLead, replacementFix } from '../fixes';
import type { Finding } from '../types';
import { compilePhrase, phraseLikeFindings, type CompiledPhrase } from './phrase';
import { compileHeads, flaggedSentences, type LearnedHeads } from './learned';
import type { CheckModule, RuleOf } from './types';

interface CompiledClassifier extends CompiledPhrase<RuleOf<'classifier'>> {
  heads?: LearnedHeads;
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
    return {
      ...compilePhrase(rule, { ...c, patterns: c.patterns ?? [] }, ctx),
      heads: compileHeads(ctx, c),
      anywhere: ctx.sentencePatterns(c.unlessAnywhere),
    };
  },
  findings(cr, lint) {
    const { doc, facts } = lint;
    const c = cr.rule.check;
    if (cr.anywhere !== undefined && doc.content.some((i) => facts[i]!.hits[cr.anywhere!]!.length > 0)) return [];
    const out: Finding[] = phraseLikeFindings(cr, lint);
    const heads = cr.heads;
    if (!heads) return out;
    const candidates = doc.body.filter((i) => {
      const f = facts[i]!;
      if (f.quoted || (c.skipQuestions && f.question)) return false;
      return cr.unless === undefined || f.hits[cr.unless]!.length === 0;
    });
    for (const i of flaggedSentences(heads, facts, doc.content, candidates)) {
      const seg = doc.segments[i]!;
      // A phrase finding in this sentence already says it, with its exact words and fixes.
      if (out.some((x) => overlaps(x, seg))) continue;
      const lead = greetingLead(seg.text);
      const start = seg.start + lead;
      const end = seg.start + seg.text.trimEnd().length;
      if (end <= start) continue;
      const weighed = heads.sentence.head
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
