// Entry of the model benchmark's build (tests/bench/model.mjs).
export * from '../../src/engine/model';
export { splitSentences } from '../../src/engine/sentences';
