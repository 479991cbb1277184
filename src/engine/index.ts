export { createLinter, type Linter } from './linter';
export { scoreOf } from './score';
export { patternType, literalSource, regexFromPattern, compromiseProblem, PatternGroup } from './patterns';
export { splitSentences, type Segment } from './sentences';
export { resumePoint } from './time-budget';
export type * from './types';
