export { RuleSetError, parseRuleFile, parseTeamRuleSet } from './load';
export { mergeRuleSet, toRule } from './merge';
export { ruleSchema, teamRuleSetSchema, regexProblem, WHOLE_REPLY } from './schema';
export type { RuleWithExamples, TeamRuleSet, RuleOverride, Example, BadExample } from './schema';
