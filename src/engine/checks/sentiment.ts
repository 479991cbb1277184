import { finding, spansOf } from '../document';
import type { Finding } from '../types';
import { compileHeads, flaggedSentences, type LearnedHeads } from './learned';
import type { CheckModule, Compiled } from './types';

interface CompiledSentiment extends Compiled<'sentiment'> {
  unless?: number;
  /** Misplaced-praise patterns, and the require rule whose missing piece they wait on. */
  praise?: number;
  /** The learned tone heads, when the rule names them. */
  tone?: LearnedHeads;
}

/**
 * `sentiment`: a sentence whose AFINN score is at or below the threshold; optionally praise-thanks
 * sent to a customer who complained (while the named require rule finds its piece missing).
 */
export const sentiment: CheckModule<'sentiment', CompiledSentiment> = {
  compile(rule, ctx) {
    const c = rule.check;
    ctx.neutralWords(c.neutralWords ?? []);
    return {
      tone: c.model ? compileHeads(ctx, c.model) : undefined,
      rule,
      unless: ctx.sentencePatterns(c.unless),
      praise: c.misplacedPraise ? ctx.sentencePatterns(c.misplacedPraise.patterns) : undefined,
    };
  },
  references: (rule) => (rule.check.misplacedPraise ? [rule.check.misplacedPraise.whenMissing] : []),
  findings(cr, lint) {
    const { doc, facts } = lint;
    const c = cr.rule.check;
    const out: Finding[] = [];
    const cold = new Set(
      cr.tone
        ? flaggedSentences(
            cr.tone,
            facts,
            doc.content,
            doc.body.filter((i) => !facts[i]!.quoted),
          )
        : [],
    );
    for (const i of doc.body) {
      const f = facts[i]!;
      const learned = cold.has(i);
      if (f.sentiment > c.threshold && !learned) continue;
      if (cr.unless !== undefined && f.hits[cr.unless]!.length > 0) continue;
      if (c.skipQuestions && f.question) continue;
      const seg = doc.segments[i]!;
      const weighed = learned
        ? cr.tone!.sentence.head.weightiest(seg.text, 3).map((w) => seg.text.slice(w.start, w.end))
        : [];
      out.push({ ...finding(cr.rule, seg.start, seg.end, seg.text, []), ...(weighed.length ? { weighed } : {}) });
    }
    const praise = c.misplacedPraise;
    if (praise && cr.praise !== undefined && lint.missing(praise.whenMissing)) {
      for (const i of doc.body) {
        for (const { start, end } of spansOf(doc, i, facts[i]!.hits[cr.praise]!)) {
          out.push({ ...finding(cr.rule, start, end, doc.text.slice(start, end), []), message: praise.message });
        }
      }
    }
    return out;
  },
};
