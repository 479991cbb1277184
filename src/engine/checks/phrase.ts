import { finding, patternSource, spansOf } from '../document';
import { replacementFix } from '../fixes';
import type { Finding, FixTemplate, Pattern, PatternEntry, Rule } from '../types';
import type { CheckModule, CompileContext, LintContext, RuleOf } from './types';

/** What phrase, pair and classifier checks share: trigger patterns and their exceptions. */
interface PhraseLike {
  patterns: PatternEntry[];
  unless?: Pattern[];
  skipQuestions?: boolean;
}

/** A rule with trigger patterns, compiled: pattern slots and each pattern's own fixes. */
export interface CompiledPhrase<R extends Rule = Rule & { check: PhraseLike }> {
  rule: R;
  /** The check as matched (a classifier's optional patterns default to none). */
  check: PhraseLike;
  trigger?: number;
  triggerFixes: Array<FixTemplate[] | undefined>;
  unless?: number;
}

export function compilePhrase<R extends Rule>(rule: R, check: PhraseLike, ctx: CompileContext): CompiledPhrase<R> {
  return {
    rule,
    check,
    trigger: ctx.sentencePatterns(check.patterns),
    triggerFixes: check.patterns.map((p) => (typeof p === 'string' ? undefined : p.fixes)),
    unless: ctx.sentencePatterns(check.unless),
  };
}

/**
 * Findings at every trigger match, unless its sentence matches `unless`, is a question (with
 * `skipQuestions`) or `keep(i, hits)` says no; each with the pattern's own fixes or the rule's.
 */
export function phraseLikeFindings(
  cr: CompiledPhrase<Rule>,
  { doc, facts }: LintContext,
  keep: (i: number, hits: ReturnType<typeof spansOf>) => boolean = () => true,
): Finding[] {
  const c = cr.check;
  const out: Finding[] = [];
  if (cr.trigger === undefined) return out;
  for (const i of doc.content) {
    const f = facts[i]!;
    const hits = f.hits[cr.trigger]!;
    if (hits.length === 0) continue;
    if (cr.unless !== undefined && f.hits[cr.unless]!.length > 0) continue;
    if (c.skipQuestions && f.question) continue;
    if (!keep(i, hits)) continue;
    const sentence = doc.segments[i]!;
    for (const { start, end, pattern } of spansOf(doc, i, hits)) {
      const own = cr.triggerFixes[pattern];
      const templates = own ?? cr.rule.fixes ?? [];
      // `$1` in a pattern's own fixes refers to that pattern's groups.
      const source = own ? patternSource(c.patterns[pattern]) : undefined;
      const fixes = templates.flatMap(
        (t) => replacementFix(doc.text, sentence, start, end, t, doc.options, source) ?? [],
      );
      out.push(finding(cr.rule, start, end, doc.text.slice(start, end), fixes));
    }
  }
  return out;
}

/** `phrase`: flag a match unless its sentence says otherwise. */
export const phrase: CheckModule<'phrase', CompiledPhrase<RuleOf<'phrase'>>> = {
  compile: (rule, ctx) => compilePhrase(rule, rule.check, ctx),
  findings: (cr, lint) => phraseLikeFindings(cr, lint),
};
