import type { Rule } from '../engine';
import type { RuleWithExamples } from './schema';
import { toRule } from './to-rule';

// Rule files are turned into data at build time (YAML plugin), so no YAML parser ships to pages.
// The meta test validates every file against the schema with line numbers.
const files = import.meta.glob<RuleWithExamples>('../../rules/*.yml', { eager: true, import: 'default' });

/** The default rules with their examples, ordered by id. */
export const defaultRulesWithExamples: RuleWithExamples[] = Object.values(files).sort((a, b) =>
  a.id.localeCompare(b.id),
);

/**
 * The default rules without the learned heads they name: what a page loads. The heads' weights
 * come separately (see default-pack.ts, and the background for the content script).
 */
export const defaultRules: Rule[] = defaultRulesWithExamples.map((r): Rule => toRule(r));

/** The model heads a set of rules names (classifier heads, tone models, customer models). */
export function headsNamedBy(rules: readonly Rule[]): string[] {
  const names = rules.flatMap(({ check: c }) => {
    if (c.kind === 'classifier') return [c.head, c.replyHead];
    if (c.kind === 'sentiment') return [c.model?.head, c.model?.replyHead];
    if (c.kind === 'require') return [c.when?.customerModel?.head];
    return [];
  });
  return [...new Set(names.filter((n): n is string => n !== undefined))].sort();
}
