export { RuleSetError, parseRuleFile, parseTeamRuleSet, lineOfField, withLine } from './load';
export { mergeRuleSet, checkReferences } from './merge';
export { toRule } from './to-rule';
export { ruleSchema, teamRuleSetSchema, regexProblem, WHOLE_REPLY } from './schema';
export type { RuleWithExamples, TeamRuleSet, RuleOverride, Example, BadExample, ModelSource } from './schema';
