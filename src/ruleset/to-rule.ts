import type { Rule } from '../engine';
import type { RuleWithExamples } from './schema';

/** Drops what only people and tests read (examples). Kept free of zod and yaml: pages import it. */
export function toRule(r: RuleWithExamples): Rule {
  const { examples: _examples, ...rule } = r;
  return rule;
}
