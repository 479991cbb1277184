import type { Rule, RuleSet } from '../engine';
import type { RuleWithExamples } from './schema';
import { loadModels } from './models';
import { toRule } from './to-rule';

// Rule files are turned into data at build time (YAML plugin), so no YAML parser ships to pages.
// The meta test validates every file against the schema with line numbers.
const files = import.meta.glob<RuleWithExamples>('../../rules/*.yml', { eager: true, import: 'default' });

/** The default rules with their examples, ordered by id. */
export const defaultRulesWithExamples: RuleWithExamples[] = Object.values(files).sort((a, b) =>
  a.id.localeCompare(b.id),
);

// The learned heads trained by `npm run train` on rules/corpus (cv.json is their report, not a head).
const modelFiles = import.meta.glob<unknown>(['../../rules/models/*.json', '!../../rules/models/cv.json'], {
  eager: true,
  import: 'default',
});

/** The default rule pack, with the model heads its learned checks name. */
export const defaultRuleSet: RuleSet = {
  rules: defaultRulesWithExamples.map((r): Rule => toRule(r)),
  models: loadModels(Object.values(modelFiles)),
};
