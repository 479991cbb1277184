import { describe, expect, it } from 'vitest';
import {
  decodeHead,
  encodeHead,
  evidence,
  fromBase64,
  type Head,
  ModelError,
  probability,
  quantise,
  replyProbability,
  toBase64,
  weightiest,
} from '../../src/engine/model/classifier';
import { FEATURE_VERSION, featuresOf, fnv1a, tokenize } from '../../src/engine/model/features';
import { fitLogistic, mulberry32 } from '../../src/engine/model/learn';

const norms = (text: string) => tokenize(text).map((t) => t.norm);
const negated = (text: string) =>
  tokenize(text)
    .filter((t) => t.negated)
    .map((t) => t.norm);

describe('features: tokens', () => {
  it('scopes a negation to the next punctuation mark', () => {
    expect(negated("I don't think the courier lost it, but we will check.")).toEqual([
      'think',
      'the',
      'courier',
      'lost',
      'it',
    ]);
    expect(negated('We cannot refund it. We can replace it.')).toEqual(['refund', 'it']);
    expect(negated('Never again; thanks')).toEqual(['again']);
    expect(negated('No worries! It happens')).toEqual(['worries']);
    // "n't" typed without its apostrophe, and a curly apostrophe, negate too.
    expect(negated('we cant help sorry')).toEqual(['help', 'sorry']);
    expect(negated('That isn’t ours')).toEqual(['ours']);
    expect(negated('We will call you back today')).toEqual([]);
  });

  it('normalises links, e-mail addresses, handles and numbers, with spans in the text', () => {
    const text =
      '@ShopHelp Email help@shop.com or see https://shop.com/help. Call 0800 123 456 or visit shop.example/returns, ref 12.50';
    expect(norms(text)).toEqual([
      '#HANDLE',
      'email',
      '#EMAIL',
      'or',
      'see',
      '#URL',
      '.',
      'call',
      '#NUM',
      '#NUM',
      '#NUM',
      'or',
      'visit',
      '#URL',
      ',',
      'ref',
      '#NUM',
    ]);
    const urls = tokenize(text).filter((t) => t.norm === '#URL');
    // The sentence's final period is not part of the link.
    expect(urls.map((t) => text.slice(t.start, t.end))).toEqual(['https://shop.com/help', 'shop.example/returns']);
    expect(norms('www.example.com and __email__ and 3hrs')).toEqual(['#URL', 'and', '#EMAIL', 'and', '#NUM']);
  });

  it('lower-cases words, keeps apostrophes inside them and reads ?! runs as one mark', () => {
    expect(norms("Where's my ORDER?!?")).toEqual(["where's", 'my', 'order', '?']);
    expect(norms('Great… thanks!!!')).toEqual(['great', '.', 'thanks', '!']);
  });
});

describe('features: hashing', () => {
  it('uses FNV-1a 32 bit (published test vectors)', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });

  it('is stable: these buckets change only with FEATURE_VERSION (then retrain the models)', () => {
    expect(FEATURE_VERSION).toBe(1);
    const text = "The courier didn't deliver it, sorry!";
    expect(featuresOf(text).map((f) => f.index)).toEqual([
      14789, 15882, 27057, 69271, 83235, 90911, 92012, 103322, 107891, 129274, 142693, 144869, 163791, 166783, 184583,
    ]);
    expect(featuresOf(text, { bits: 12 }).map((f) => f.index)).toEqual([
      263, 799, 922, 1315, 1395, 1509, 1900, 2298, 2481, 2501, 2943, 3429, 3594, 3735, 4047,
    ]);
  });

  it('is deterministic: distinct ascending buckets, each worth 1/sqrt(n)', () => {
    const text = 'Our warehouse sent the wrong size, sorry about that. We will fix it today!';
    const a = featuresOf(text);
    expect(featuresOf(text)).toEqual(a);
    const idx = a.map((f) => f.index);
    expect(idx).toEqual([...new Set(idx)].sort((x, y) => x - y));
    for (const f of a) expect(f.value).toBeCloseTo(1 / Math.sqrt(a.length), 12);
    expect(idx.every((i) => i >= 0 && i < 2 ** 18)).toBe(true);
    // A negated word is a different feature from the same word outside a negation.
    const lose = fnv1a('lose', fnv1a('w:')) & (2 ** 18 - 1);
    const notLose = fnv1a('lose', fnv1a('w:NOT_')) & (2 ** 18 - 1);
    const has = (t: string, i: number) => featuresOf(t).some((f) => f.index === i);
    expect([has('we did lose it', lose), has('we did lose it', notLose)]).toEqual([true, false]);
    expect([has('we did not lose it', lose), has('we did not lose it', notLose)]).toEqual([false, true]);
    expect(featuresOf('')).toEqual([]);
  });

  it('adds character n-grams of words only when asked', () => {
    const plain = featuresOf('refunded', { bits: 18 });
    const withGrams = featuresOf('refunded', { bits: 18, charGrams: [3, 5] });
    // <refunded> has 8 + 7 + 6 grams of lengths 3..5.
    expect(plain.length).toBe(3);
    expect(withGrams.length).toBeGreaterThan(3 + 15);
  });
});

function headWith(weights: Record<number, number>, bits = 12, bias = 0): Head {
  const w = new Float32Array(2 ** bits);
  for (const [i, v] of Object.entries(weights)) w[Number(i)] = v;
  return {
    id: 'test',
    unit: 'sentence',
    featureVersion: FEATURE_VERSION,
    features: { bits },
    buckets: 2 ** bits,
    bias,
    weights: w,
    threshold: 0.5,
  };
}

const mask12 = 2 ** 12 - 1;
const unigram = (w: string) => fnv1a(w, fnv1a('w:')) & mask12;
const bigram = (a: string, b: string) => fnv1a(b, fnv1a(' ', fnv1a(a, fnv1a('b:')))) & mask12;

describe('classifier', () => {
  it('scores sigmoid(bias + sum of weight x value)', () => {
    const head = headWith({ [unigram('forgot')]: 4 }, 12, -1);
    const f = featuresOf('the cook forgot', head.features);
    expect(probability(head, f)).toBeCloseTo(1 / (1 + Math.exp(-(-1 + 4 / Math.sqrt(f.length)))), 6);
    expect(probability(head, featuresOf('we remembered', head.features))).toBeCloseTo(1 / (1 + Math.E), 6);
  });

  it('adds up per-sentence evidence for reply heads', () => {
    const head = { ...headWith({ [unigram('forgot')]: 4, [unigram('sorry')]: -2 }, 12, -1), unit: 'reply' as const };
    const a = featuresOf('Sorry!', head.features);
    const b = featuresOf('The cook forgot.', head.features);
    const parts = [evidence(head, a), evidence(head, b)];
    expect(parts[0]).toEqual({ sum: -2, count: a.length });
    const z = -1 + (-2 + 4) / Math.sqrt(a.length + b.length);
    expect(replyProbability(head, parts)).toBeCloseTo(1 / (1 + Math.exp(-z)), 6);
    expect(replyProbability(head, [])).toBeCloseTo(1 / (1 + Math.E), 6);
  });

  it('names the words that weighed most, as spans of the text', () => {
    const text = 'Hi Sam, the courier forgot your parcel, sorry. Your driver was rude.';
    const head = headWith({
      [unigram('forgot')]: 3,
      [bigram('was', 'rude')]: 2,
      [unigram('rude')]: 0.5,
      [unigram('hi')]: 0.1,
      [unigram('the')]: 1,
      [unigram('sorry')]: -3,
    });
    const spans = weightiest(head, text, 3);
    // A pair weighs its bigram and both words; "the" alone is no news; "hi" is too light to name.
    expect(spans.map((s) => s.text)).toEqual(['forgot', 'was rude']);
    for (const s of spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(spans[0]!.start).toBe(text.indexOf('forgot'));
    expect(spans[0]!.weight).toBeGreaterThan(spans[1]!.weight);
    expect(weightiest(head, text, 1).map((s) => s.text)).toEqual(['forgot']);
    expect(weightiest(head, text, 0)).toEqual([]);
    // Nothing pushed the score up: nothing to name.
    expect(weightiest(headWith({ [unigram('sorry')]: -3 }), text, 3)).toEqual([]);
    // A pair never spans a comma.
    const pairHead = headWith({ [bigram('sam', 'the')]: 3, [unigram('courier')]: 1 });
    expect(weightiest(pairHead, text, 3).map((s) => s.text)).toEqual(['courier']);
    // Offsets stay right with emoji and links before the word.
    const t2 = '🙃 see https://x.com/a the courier forgot';
    expect(weightiest(head, t2, 1)[0]).toMatchObject({ start: t2.indexOf('forgot'), text: 'forgot' });
  });
});

describe('model files', () => {
  const random = mulberry32(42);
  const weights = new Float32Array(2 ** 12).map(() => (random() - 0.5) * 6);
  const head: Head = { ...headWith({}, 12, -1.25), weights, threshold: 0.61 };

  it('round-trips through int8 + base64 JSON within half a quantisation step', () => {
    const file = JSON.parse(JSON.stringify(encodeHead(head, { note: 'x' })));
    expect(file.format).toBe('tactful-head/1');
    expect(file.training).toEqual({ note: 'x' });
    const back = decodeHead(file);
    expect(back).toMatchObject({ id: 'test', unit: 'sentence', bias: -1.25, threshold: 0.61, buckets: 4096 });
    const { scale } = quantise(weights);
    for (let i = 0; i < weights.length; i++)
      expect(Math.abs(back.weights[i]! - weights[i]!)).toBeLessThanOrEqual(scale);
    // The text of the file decodes too, and encoding again gives the same document.
    expect(encodeHead(decodeHead(JSON.stringify(file)))).toEqual({ ...file, training: undefined, bias: -1.25 });
  });

  it('base64 matches the standard encoding', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 100]) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + 11) & 255);
      const b64 = toBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(fromBase64(b64)).toEqual(bytes);
    }
    expect(fromBase64('abc')).toBeNull();
    expect(fromBase64('ab$=')).toBeNull();
  });

  it('decodeHead says what is wrong with a bad file', () => {
    const good = encodeHead(head);
    const bad = (patch: Record<string, unknown>) => () => decodeHead({ ...good, ...patch });
    expect(() => decodeHead('{nope')).toThrow(/not valid JSON/);
    expect(() => decodeHead([1])).toThrow(/must be a JSON object/);
    expect(bad({ format: 'other/1' })).toThrow(/not a Tactful model head/);
    expect(bad({ featureVersion: FEATURE_VERSION + 1 })).toThrow(
      new RegExp(`model "test": trained on features version ${FEATURE_VERSION + 1}.*retrain`),
    );
    expect(bad({ unit: 'word' })).toThrow(/"unit" must be/);
    expect(bad({ id: 'Bad Name' })).toThrow(/"id" must be/);
    expect(bad({ features: { bits: 40 } })).toThrow(/features.bits/);
    expect(bad({ features: { bits: 12, charGrams: [5, 3] } })).toThrow(/charGrams/);
    expect(bad({ buckets: 4095 })).toThrow(/"buckets" must be 2\^features.bits = 4096/);
    expect(bad({ bias: 'x' })).toThrow(/"bias"/);
    expect(bad({ threshold: 1.5 })).toThrow(/"threshold" must be a number between 0 and 1/);
    expect(bad({ weights: { scale: 0, int8: '' } })).toThrow(/"weights" must be/);
    expect(bad({ weights: { scale: 1, int8: '***' } })).toThrow(/not valid base64/);
    expect(bad({ weights: { scale: 1, int8: 'AAAA' } })).toThrow(/holds 3 weights, expected 4096/);
    expect(bad({ format: 1 })).toThrow(ModelError);
  });
});

describe('training (optimiser)', () => {
  // Sentences of filler words; those naming the warehouse are positive.
  const FILLER = ['we', 'your', 'order', 'today', 'sent', 'the', 'parcel', 'will', 'arrive', 'soon', 'thanks', 'for'];
  function sentences(n: number, seed: number) {
    const random = mulberry32(seed);
    return Array.from({ length: n }, () => {
      const words = Array.from({ length: 6 }, () => FILLER[Math.floor(random() * FILLER.length)]!);
      const positive = random() < 0.3;
      if (positive) words.splice(Math.floor(random() * 6), 0, 'warehouse');
      return { text: words.join(' '), positive };
    });
  }
  const settings = { epochs: 5, learningRate: 0.3, l2: 1e-5, positiveWeight: 1, seed: 3 };
  const options = { bits: 14 };

  it('learns an obvious rule, the same way every time', () => {
    const examples = sentences(400, 1).map((s) => ({ features: featuresOf(s.text, options), label: s.positive }));
    const fit = fitLogistic(examples, 2 ** 14, settings);
    const head: Head = {
      ...headWith({}, 14, fit.bias),
      weights: fit.weights,
    };
    let right = 0;
    const test = sentences(200, 2);
    for (const s of test) if (probability(head, featuresOf(s.text, options)) >= 0.5 === s.positive) right++;
    expect(right / test.length).toBeGreaterThan(0.97);
    expect(weightiest(head, 'the warehouse sent your parcel', 1)[0]!.text).toContain('warehouse');
    const again = fitLogistic(examples, 2 ** 14, settings);
    expect(again.bias).toBe(fit.bias);
    expect(Buffer.from(again.weights.buffer).equals(Buffer.from(fit.weights.buffer))).toBe(true);
  });
});
