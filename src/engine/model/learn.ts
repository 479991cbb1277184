import type { Feature } from './features';

/** One training example: hashed features and its label. */
export interface Example {
  features: readonly Feature[];
  label: boolean;
  /** How much this example's loss counts (default 1): teach by example weighs the lead's own. */
  weight?: number;
}

/** Settings of the optimiser; stored in each model file. */
export interface FitSettings {
  /** Passes over the data. */
  epochs: number;
  /** AdaGrad step size. */
  learningRate: number;
  /** L2 penalty per update of an active weight (the bias is not penalised). */
  l2: number;
  /** Weight of a positive example's loss relative to a negative one's. */
  positiveWeight: number;
  /** Seed of the example order. */
  seed: number;
}

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same sequence everywhere. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a seeded PRNG. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i]!;
    items[i] = items[j]!;
    items[j] = t;
  }
  return items;
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

/**
 * L2-regularised logistic regression by AdaGrad over a seeded shuffle, a fixed number of epochs.
 * Deterministic: the same examples in the same order with the same settings give the same
 * weights, bit for bit. With `start`, training continues from those weights (copied, not
 * changed) instead of zeros: how teach by example adjusts a shipped head.
 */
export function fitLogistic(
  examples: readonly Example[],
  buckets: number,
  settings: FitSettings,
  start?: { bias: number; weights: ArrayLike<number> },
): { bias: number; weights: Float32Array } {
  // Flat typed arrays: the inner loops run over them several times faster than over objects.
  let nnz = 0;
  for (const ex of examples) nnz += ex.features.length;
  const idx = new Int32Array(nnz);
  const val = new Float64Array(nnz);
  const offsets = new Int32Array(examples.length + 1);
  let o = 0;
  examples.forEach((ex, k) => {
    offsets[k] = o;
    for (const f of ex.features) {
      idx[o] = f.index;
      val[o++] = f.value;
    }
  });
  offsets[examples.length] = o;
  const w = new Float32Array(buckets);
  if (start) {
    if (start.weights.length !== buckets)
      throw new RangeError(`start has ${start.weights.length} weights, expected ${buckets}`);
    w.set(start.weights);
  }
  const g2 = new Float32Array(buckets);
  let bias = start?.bias ?? 0;
  let biasG2 = 0;
  const eps = 1e-8;
  const { learningRate: lr, l2, positiveWeight } = settings;
  const order = examples.map((_, i) => i);
  const random = mulberry32(settings.seed);
  for (let epoch = 0; epoch < settings.epochs; epoch++) {
    shuffle(order, random);
    for (const k of order) {
      const from = offsets[k]!;
      const to = offsets[k + 1]!;
      let z = bias;
      for (let j = from; j < to; j++) z += w[idx[j]!]! * val[j]!;
      const positive = examples[k]!.label;
      const weight = examples[k]!.weight;
      let err = (sigmoid(z) - (positive ? 1 : 0)) * (positive ? positiveWeight : 1);
      // Only when given, so that the corpus training stays bit for bit what it was.
      if (weight !== undefined) err *= weight;
      for (let j = from; j < to; j++) {
        const i = idx[j]!;
        const g = err * val[j]! + l2 * w[i]!;
        const acc = g2[i]! + g * g;
        g2[i] = acc;
        w[i] = w[i]! - (lr * g) / (Math.sqrt(acc) + eps);
      }
      biasG2 += err * err;
      bias -= (lr * err) / (Math.sqrt(biasG2) + eps);
    }
  }
  return { bias, weights: w };
}
