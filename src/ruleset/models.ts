import type { ModelHead } from '../engine';
import {
  decodeHead,
  type Evidence,
  evidence,
  featuresOf,
  type Head,
  probability,
  replyProbability,
  weightiest,
} from '../engine/model';

/** A decoded head as the engine's checks use it: text in, probability out. */
export function asModelHead(head: Head): ModelHead {
  return {
    unit: head.unit,
    threshold: head.threshold,
    probability: (text) => probability(head, featuresOf(text, head.features)),
    evidence: (text) => evidence(head, featuresOf(text, head.features)),
    combine: (parts) => replyProbability(head, parts as Evidence[]),
    weightiest: (text, k) => weightiest(head, text, k),
  };
}

/** Decodes model files (the JSON of `rules/models/<id>.json`) into heads by id. */
export function loadModels(files: readonly unknown[]): Record<string, ModelHead> {
  const out: Record<string, ModelHead> = {};
  for (const json of files) {
    const head = decodeHead(json);
    out[head.id] = asModelHead(head);
  }
  return out;
}
