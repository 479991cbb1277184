// The learned part of the engine: hashed features, model heads, inference. Training lives in
// ./learn (optimiser) and src/cli/train.ts (corpus, cross-validation, model files).
export {
  DEFAULT_FEATURE_OPTIONS,
  FEATURE_VERSION,
  type Feature,
  type FeatureOptions,
  featuresOf,
  fnv1a,
  type Token,
  tokenize,
} from './features';
export {
  decodeHead,
  type Evidence,
  evidence,
  HEAD_FORMAT,
  type Head,
  type HeadFile,
  type HeadUnit,
  ModelError,
  probability,
  replyProbability,
  scoreText,
  type WeightySpan,
  weightiest,
} from './classifier';
