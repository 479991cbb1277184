import type { RuleSet } from '../engine';
import { defaultRules } from './default-rules';
import { loadModels } from './models';

export { defaultRulesWithExamples } from './default-rules';

// The learned heads trained by `npm run train` on rules/corpus (cv.json is their report, not a head).
const modelFiles = import.meta.glob<unknown>(['../../rules/models/*.json', '!../../rules/models/cv.json'], {
  eager: true,
  import: 'default',
});

/** The default rule pack with its learned heads: for the CLI, the practice page and tests. */
export const defaultRuleSet: RuleSet = { rules: defaultRules, models: loadModels(Object.values(modelFiles)) };
