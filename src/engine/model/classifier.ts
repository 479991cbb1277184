import {
  type Feature,
  type FeatureKind,
  type FeatureOptions,
  FEATURE_VERSION,
  featureTokens,
  featuresOf,
  forEachFeature,
  tokenize,
} from './features';

/**
 * What a head scores:
 * - `sentence`: one sentence of the reply (`probability(head, featuresOf(sentence))`);
 * - `message`: the customer's whole message;
 * - `reply`: the whole reply, as the sum of per-sentence parts (`evidence` per sentence, cached
 *   with it; `replyProbability` over the reply's parts).
 */
export type HeadUnit = 'sentence' | 'message' | 'reply';

/**
 * A model head: logistic regression over hashed features. `probability` is
 * `sigmoid(bias + Σ weights[index] · value)`.
 */
export interface Head {
  /** The name a rule set uses for it ("blame", "deflection", "tone", "complaint", "blame-reply" …). */
  id: string;
  unit: HeadUnit;
  featureVersion: number;
  features: FeatureOptions;
  /** `2 ** features.bits`, the length of `weights`. */
  buckets: number;
  bias: number;
  weights: Float32Array;
  /** The probability at or above which a sentence (or message) counts as positive. */
  threshold: number;
}

/** What training records about itself in a model file (not used for inference). */
export type TrainingInfo = Record<string, unknown>;

/** A head as stored in `rules/models/<id>.json`: weights quantised to int8 with one scale. */
export interface HeadFile extends Omit<Head, 'weights'> {
  format: typeof HEAD_FORMAT;
  /** `weights[i] = scale * int8[i]`; `int8` is base64 of `buckets` signed bytes. */
  weights: { scale: number; int8: string };
  training?: TrainingInfo;
}

export const HEAD_FORMAT = 'tactful-head/1';

/** A model file that cannot be used, with what to do about it. */
export class ModelError extends Error {
  override name = 'ModelError';
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/** The logit (before the sigmoid) of a feature list. */
export function logit(head: Head, features: readonly Feature[]): number {
  let z = head.bias;
  const w = head.weights;
  for (const f of features) z += w[f.index]! * f.value;
  return z;
}

/** Probability in [0, 1] that the features (of one sentence or message) are positive. */
export function probability(head: Head, features: readonly Feature[]): number {
  return sigmoid(logit(head, features));
}

/** Probability for a text: `probability(head, featuresOf(text, head.features))`. */
export function scoreText(head: Head, text: string): number {
  return probability(head, featuresOf(text, head.features));
}

/** One sentence's share of a `reply` head's logit: cache it with the sentence. */
export interface Evidence {
  /** Sum of the weights of the sentence's distinct feature buckets. */
  sum: number;
  /** How many distinct buckets the sentence has. */
  count: number;
}

/** A sentence's evidence for a `reply` head (from `featuresOf(sentence, head.features)`). */
export function evidence(head: Head, features: readonly Feature[]): Evidence {
  let sum = 0;
  const w = head.weights;
  for (const f of features) sum += w[f.index]!;
  return { sum, count: features.length };
}

/**
 * A `reply` head's probability for a reply, from the evidence of each of its sentences (every
 * segment of `splitSentences(reply)`, as in training): `sigmoid(bias + Σ sum / sqrt(Σ count))`.
 * Combining is O(sentences), so an edit re-scores one sentence and re-adds the parts.
 */
export function replyProbability(head: Head, parts: readonly Evidence[]): number {
  let sum = 0;
  let count = 0;
  for (const p of parts) {
    sum += p.sum;
    count += p.count;
  }
  return sigmoid(head.bias + (count ? sum / Math.sqrt(count) : 0));
}

/** Words or word pairs of a text that pushed a head's score up, with their spans in the text. */
export interface WeightySpan {
  start: number;
  end: number;
  /** `text.slice(start, end)`. */
  text: string;
  /** Their contribution to the logit (always > 0). */
  weight: number;
}

// Single words too common to tell an agent anything on their own ("the", "to"); they still
// count inside a pair ("you must", "not my").
const FUNCTION_WORDS = new Set(
  'a an the to of in on at for from by with and or but so as is are was were be been am it its this that these those there here i me my we us our you your he she they them their his her do did does have has had will would can could should shall may might'.split(
    ' ',
  ),
);

/** Weights below this share of the heaviest span's are not worth naming. */
const MIN_SHARE = 0.2;

/**
 * The `k` words or word pairs of `text` that pushed the score up most, heaviest first, not
 * overlapping each other: "words that weighed most" on the card. A word weighs its unigram (plus
 * its character n-grams); a pair whose bigram pushes up weighs its bigram plus both words.
 * Function words are named only inside a pair, and spans lighter than a fifth of the heaviest
 * are left out. Offsets are UTF-16
 * code units of `text`.
 */
export function weightiest(head: Head, text: string, k: number): WeightySpan[] {
  if (k <= 0) return [];
  const tokens = tokenize(text);
  const words = featureTokens(tokens);
  const seen = new Set<number>();
  const features: Array<{ index: number; token: number; kind: FeatureKind }> = [];
  forEachFeature(tokens, head.features, (index, token, kind) => {
    // Each bucket counts once (as in featuresOf), for the first word that yields it.
    if (seen.has(index)) return;
    seen.add(index);
    features.push({ index, token, kind });
  });
  const value = features.length ? 1 / Math.sqrt(features.length) : 0;
  const wordWeight = new Float64Array(words.length);
  for (const f of features)
    if (f.kind !== 'bigram') wordWeight[f.token] = wordWeight[f.token]! + head.weights[f.index]! * value;
  const candidates: Array<{ first: number; last: number; weight: number }> = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (!w.punct && !FUNCTION_WORDS.has(w.norm)) candidates.push({ first: i, last: i, weight: wordWeight[i]! });
  }
  for (const f of features) {
    // A bigram ends at word `token`; the ones with the start or end mark, or with "?" or "!", are
    // named by their word alone.
    if (f.kind !== 'bigram' || f.token === 0 || f.token >= words.length) continue;
    const first = f.token - 1;
    const last = f.token;
    if (words[first]!.punct || words[last]!.punct) continue;
    // Not across a comma or a dash: "explained, the" is no phrase.
    if (/\S/.test(text.slice(words[first]!.end, words[last]!.start))) continue;
    const pair = head.weights[f.index]! * value;
    // Only a pair that pushes up as a pair; else its words speak for themselves.
    if (pair > 0) candidates.push({ first, last, weight: pair + wordWeight[first]! + wordWeight[last]! });
  }
  // Heaviest first; on a tie the shorter span, then the earlier (independent of sort stability).
  candidates.sort((a, b) => b.weight - a.weight || a.last - a.first - (b.last - b.first) || a.first - b.first);
  const top = candidates[0]?.weight ?? 0;
  const taken: Array<[number, number]> = [];
  const out: WeightySpan[] = [];
  for (const c of candidates) {
    if (out.length >= k || c.weight <= 0 || c.weight < MIN_SHARE * top) break;
    if (taken.some(([a, b]) => c.first <= b && a <= c.last)) continue;
    taken.push([c.first, c.last]);
    const start = words[c.first]!.start;
    const end = words[c.last]!.end;
    out.push({ start, end, text: text.slice(start, end), weight: c.weight });
  }
  return out;
}

// --- storage -------------------------------------------------------------------------------

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Int16Array(128).fill(-1);
for (let i = 0; i < B64.length; i++) B64_INDEX[B64.charCodeAt(i)] = i;

/** Standard base64 (with padding) of bytes; no dependency on Buffer or btoa. */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out += B64[n >> 18]! + B64[(n >> 12) & 63]! + B64[(n >> 6) & 63]! + B64[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest === 1) {
    const n = bytes[i]! << 16;
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}==`;
  } else if (rest === 2) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8);
    out += `${B64[n >> 18]!}${B64[(n >> 12) & 63]!}${B64[(n >> 6) & 63]!}=`;
  }
  return out;
}

/** Decodes standard base64; null when the text is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text.charCodeAt(i + j);
      const v = c === 61 /* = */ && i + 4 === text.length && j >= 4 - pad ? 0 : c < 128 ? B64_INDEX[c]! : -1;
      if (v < 0) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}

/** int8 quantisation: one scale for the head, `round(w / scale)` in [-127, 127]. */
export function quantise(weights: ArrayLike<number>): { scale: number; q: Int8Array } {
  let max = 0;
  for (let i = 0; i < weights.length; i++) max = Math.max(max, Math.abs(weights[i]!));
  // A short decimal scale keeps the file byte-stable and readable.
  const scale = max > 0 ? Number((max / 127).toPrecision(6)) : 1;
  const q = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) q[i] = Math.max(-127, Math.min(127, Math.round(weights[i]! / scale)));
  return { scale, q };
}

/** Weights as the engine will see them after a save and a load. */
export function dequantise(scale: number, q: Int8Array): Float32Array {
  const w = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) w[i] = q[i]! * scale;
  return w;
}

/** The JSON document of a head (weights quantised). */
export function encodeHead(head: Head, training?: TrainingInfo): HeadFile {
  const { scale, q } = quantise(head.weights);
  const file: HeadFile = {
    format: HEAD_FORMAT,
    id: head.id,
    unit: head.unit,
    featureVersion: head.featureVersion,
    features: head.features,
    buckets: head.buckets,
    bias: Number(head.bias.toPrecision(8)),
    threshold: Number(head.threshold.toPrecision(6)),
    weights: { scale, int8: toBase64(new Uint8Array(q.buffer, q.byteOffset, q.length)) },
  };
  if (training) file.training = training;
  return file;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Reads a model file (parsed JSON, or its text) into a head. Throws a ModelError that says what
 * is wrong and what to do when the file is not a Tactful head, is damaged, or was trained on
 * another version of the features.
 */
export function decodeHead(json: unknown): Head {
  let doc = json;
  if (typeof doc === 'string') {
    try {
      doc = JSON.parse(doc);
    } catch (e) {
      throw new ModelError(`model file is not valid JSON (${(e as Error).message})`);
    }
  }
  if (!isRecord(doc)) throw new ModelError('model file must be a JSON object');
  const name = typeof doc.id === 'string' && doc.id ? `model "${doc.id}"` : 'model';
  const fail = (what: string): never => {
    throw new ModelError(`${name}: ${what}`);
  };
  if (doc.format !== HEAD_FORMAT)
    fail(`format is ${JSON.stringify(doc.format)}, expected "${HEAD_FORMAT}"; this is not a Tactful model head`);
  if (typeof doc.id !== 'string' || !/^[a-z0-9][a-z0-9_-]*$/.test(doc.id))
    fail('"id" must be a lower-case name such as "blame"');
  if (doc.unit !== 'sentence' && doc.unit !== 'message' && doc.unit !== 'reply')
    fail('"unit" must be "sentence", "message" or "reply"');
  if (doc.featureVersion !== FEATURE_VERSION)
    fail(
      `trained on features version ${JSON.stringify(doc.featureVersion)}, but this engine extracts version ${FEATURE_VERSION}; retrain it (npm run train, or tactful train)`,
    );
  const features = isRecord(doc.features) ? doc.features : {};
  const bits = features.bits;
  if (typeof bits !== 'number' || !Number.isInteger(bits) || bits < 8 || bits > 24)
    return fail('"features.bits" must be an integer from 8 to 24');
  const cg = features.charGrams;
  let charGrams: [number, number] | undefined;
  if (cg !== undefined) {
    const ok = Array.isArray(cg) && cg.length === 2 && cg.every((n) => Number.isInteger(n) && n >= 1) && cg[0] <= cg[1];
    if (!ok) fail('"features.charGrams" must be [min, max] with 1 <= min <= max');
    charGrams = [(cg as number[])[0]!, (cg as number[])[1]!];
  }
  if (doc.buckets !== 2 ** bits) fail(`"buckets" must be 2^features.bits = ${2 ** bits}`);
  if (!finite(doc.bias)) fail('"bias" must be a finite number');
  if (!finite(doc.threshold) || doc.threshold <= 0 || doc.threshold >= 1)
    fail('"threshold" must be a number between 0 and 1');
  const weights = doc.weights;
  if (!isRecord(weights) || !finite(weights.scale) || weights.scale <= 0 || typeof weights.int8 !== 'string')
    fail('"weights" must be { scale: number > 0, int8: base64 string }');
  const { scale, int8 } = weights as { scale: number; int8: string };
  const bytes = fromBase64(int8);
  if (!bytes) return fail('"weights.int8" is not valid base64; the file is damaged, retrain or restore it');
  if (bytes.length !== 2 ** bits)
    fail(
      `"weights.int8" holds ${bytes.length} weights, expected ${2 ** bits}; the file is damaged, retrain or restore it`,
    );
  const q = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return {
    id: doc.id as string,
    unit: doc.unit as HeadUnit,
    featureVersion: FEATURE_VERSION,
    features: charGrams ? { bits, charGrams } : { bits },
    buckets: 2 ** bits,
    bias: doc.bias as number,
    weights: dequantise(scale, q),
    threshold: doc.threshold as number,
  };
}
