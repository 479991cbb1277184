import type { ModelHead } from '../engine';
import {
  decodeHead,
  type Evidence,
  evidence,
  type Feature,
  type FeatureOptions,
  featuresOf,
  type Head,
  probability,
  replyProbability,
  weightiest,
} from '../engine/model';

/**
 * The features of the text last asked for, per feature options: the linter asks every head
 * about the same sentence in turn, and the heads share their options, so a sentence is
 * tokenised and hashed once, not once per head.
 */
function sharedFeatures(): (text: string, options: FeatureOptions) => Feature[] {
  const last = new Map<string, { text: string; features: Feature[] }>();
  return (text, options) => {
    const key = JSON.stringify(options);
    const hit = last.get(key);
    if (hit?.text === text) return hit.features;
    const features = featuresOf(text, options);
    last.set(key, { text, features });
    return features;
  };
}

/** A decoded head as the engine's checks use it: text in, probability out. */
export function asModelHead(head: Head, features = sharedFeatures()): ModelHead {
  return {
    unit: head.unit,
    threshold: head.threshold,
    probability: (text) => probability(head, features(text, head.features)),
    evidence: (text) => evidence(head, features(text, head.features)),
    combine: (parts) => replyProbability(head, parts as Evidence[]),
    weightiest: (text, k) => weightiest(head, text, k),
  };
}

/** Decodes model files (the JSON of `rules/models/<id>.json`) into heads by id. */
export function loadModels(files: readonly unknown[]): Record<string, ModelHead> {
  const features = sharedFeatures();
  const out: Record<string, ModelHead> = {};
  for (const json of files) {
    const head = decodeHead(json);
    out[head.id] = asModelHead(head, features);
  }
  return out;
}
