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

/** The names of the model heads the default rules use, for the files that carry them. */
export const MODEL_HEADS = [
  'blame',
  'blame-reply',
  'deflection',
  'deflection-reply',
  'tone',
  'tone-reply',
  'complaint',
];
