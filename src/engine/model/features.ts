/**
 * Hashed sparse features of one sentence (or one customer message) for the learned checks.
 *
 * Text is lower-cased and split into words; links (with or without `http`), e-mail addresses,
 * @handles and numbers become `#URL`, `#EMAIL`, `#HANDLE`, `#NUM`. Words after a negation (not,
 * no, never, cannot, nobody, nothing, any "n't" word, also typed without the apostrophe) up to
 * the next punctuation mark carry a `NOT_` prefix. Features are word unigrams (with that prefix),
 * word bigrams (with sentence start and end marks, without it) and, when the options ask,
 * character n-grams of words. Each is hashed with FNV-1a (32 bit, over UTF-16 code units, after
 * a family prefix `w:`, `w:NOT_`, `b:`, `c:`) and masked to `2^bits` buckets.
 *
 * Changing anything here changes what a bucket means: bump FEATURE_VERSION, and models trained on
 * the old features refuse to load until retrained.
 */

/** Version of the feature extraction; stored in each model file and checked on load. */
export const FEATURE_VERSION = 1;

/** How features are extracted; stored in each model file, so that inference matches training. */
export interface FeatureOptions {
  /** log2 of the number of hash buckets. */
  bits: number;
  /**
   * Character n-grams of each word (with `<` `>` word boundaries), lengths `[min, max]`; none when
   * absent. Measured on the corpus (5-fold CV by scenario), 3–5-grams lowered every head's average
   * precision by 0.01–0.02, so the shipped heads do without.
   */
  charGrams?: [number, number];
}

/** 2^18 buckets: 2^16 lost 0.005–0.01 average precision to collisions, 2^17 about 0.003. */
export const DEFAULT_FEATURE_OPTIONS: FeatureOptions = { bits: 18 };

/** One hashed feature: bucket index and value. */
export interface Feature {
  index: number;
  value: number;
}

/** A token of the text: its normalised form and where it is in the text. */
export interface Token {
  /** Lower-cased, normalised (`#NUM`, `#URL` …); punctuation tokens are the mark itself. */
  norm: string;
  start: number;
  end: number;
  /** Inside a negation scope (the unigram gets a `NOT_` prefix). */
  negated: boolean;
  /** A punctuation mark: ends a negation scope; only `?` and `!` become features. */
  punct: boolean;
}

const TLD =
  'com|org|net|io|app|co|uk|us|eu|de|fr|es|it|nl|ie|au|nz|ca|in|me|tv|ly|gov|edu|info|biz|shop|store|help|example';
// One alternation, tried left to right at each position: link, bare domain ("help.shop.com/x"),
// e-mail, handle, a number with separators ("12.50", "24/7", "10:30"), word (apostrophes inside
// kept: "didn't", "customer's"), a run of punctuation, an emoji.
const TOKEN = new RegExp(
  [
    String.raw`(?:https?:\/\/|www\.)[^\s<>"]+`,
    String.raw`(?:[A-Za-z0-9][\w-]*\.)+(?:${TLD})\b(?:\/[^\s<>"]*)?`,
    String.raw`[\w.+-]+@[\w-]+(?:\.[\w-]+)+`,
    '__email__',
    String.raw`@\w+`,
    String.raw`\d+(?:[.,:/-]\d+)+`,
    String.raw`[\p{L}\p{N}_]+(?:['’][\p{L}]+)*`,
    '[.,;:!?…()"]+',
    String.raw`\p{Extended_Pictographic}`,
  ].join('|'),
  'gu',
);
const HAS_DIGIT = /\d/;
const IS_PUNCT = /^[.,;:!?…()"]+$/;
const LINK = new RegExp(String.raw`^(?:https?:\/\/|www\.|(?:[A-Za-z0-9][\w-]*\.)+(?:${TLD})\b)`);
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'cannot',
  'nobody',
  'nothing',
  'nowhere',
  'neither',
  'nor',
  'none',
  // "n't" typed without its apostrophe.
  'dont',
  'cant',
  'wont',
  'didnt',
  'doesnt',
  'isnt',
  'wasnt',
  'arent',
  'werent',
  'havent',
  'hasnt',
  'hadnt',
  'couldnt',
  'shouldnt',
  'wouldnt',
]);

const isNegator = (w: string) => NEGATORS.has(w) || w.endsWith("n't");

/** Splits text into normalised tokens with their spans and negation scope. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let negating = false;
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    let raw = m[0];
    const start = m.index;
    let norm: string;
    if (IS_PUNCT.test(raw)) {
      negating = false;
      // "?!" and "??" read like "?" (a question), a run of "!" like "!".
      norm = raw.includes('?') ? '?' : raw.includes('!') ? '!' : raw[0] === '…' ? '.' : raw[0]!;
      out.push({ norm, start, end: start + raw.length, negated: false, punct: true });
      continue;
    }
    if (LINK.test(raw)) {
      // A sentence's final period or a closing bracket is not part of the link.
      raw = raw.replace(/[.,;:!?)\]]+$/, '');
      TOKEN.lastIndex = start + raw.length; // and is read next, as punctuation
      norm = '#URL';
    } else if (raw === '__email__' || (raw.includes('@') && raw[0] !== '@')) norm = '#EMAIL';
    else if (raw[0] === '@') norm = '#HANDLE';
    else {
      norm = raw.toLowerCase().replace(/’/g, "'");
      if (HAS_DIGIT.test(norm)) norm = '#NUM';
    }
    out.push({ norm, start, end: start + raw.length, negated: negating, punct: false });
    if (isNegator(norm)) negating = true;
  }
  return out;
}

// FNV-1a, 32 bit: offset basis 2166136261, prime 16777619 (multiplied with Math.imul).
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a 32-bit hash of the UTF-16 code units of `s`, continuing from `h` (unsigned result). */
export function fnv1a(s: string, h: number = FNV_OFFSET): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, FNV_PRIME);
  }
  return h >>> 0;
}

// Each feature family hashes from its own prefix, so the unigram "no" and a bigram land apart.
const UNI = fnv1a('w:');
const UNI_NOT = fnv1a('w:NOT_');
const BI = fnv1a('b:');
const CHAR = fnv1a('c:');

/** Hash of the bigram "a b" in the `b:` family. */
function bigramHash(a: string, b: string): number {
  return fnv1a(b, fnv1a(' ', fnv1a(a, BI)));
}

/** The tokens that make features (punctuation other than `?` and `!` only ends negation scopes). */
export function featureTokens(tokens: readonly Token[]): Token[] {
  return tokens.filter((t) => !t.punct || t.norm === '?' || t.norm === '!');
}

/** What yielded a feature: a word (unigram), a word pair (bigram) or a character n-gram. */
export type FeatureKind = 'word' | 'bigram' | 'char';

/**
 * Every feature (bucket index) a text yields, with repeats, in a fixed order. `token` indexes
 * `featureTokens(tokens)`: the word itself, or for a bigram its second word (`length` for the
 * bigram with the end mark). `featuresOf` and `weightiest` both read features through this.
 */
export function forEachFeature(
  tokens: readonly Token[],
  options: FeatureOptions,
  emit: (index: number, token: number, kind: FeatureKind) => void,
): void {
  const mask = 2 ** options.bits - 1;
  const words = featureTokens(tokens);
  const n = words.length;
  if (n === 0) return;
  const cg = options.charGrams;
  let prev = '<s>';
  for (let i = 0; i < n; i++) {
    const t = words[i]!;
    emit(fnv1a(t.norm, t.negated ? UNI_NOT : UNI) & mask, i, 'word');
    emit(bigramHash(prev, t.norm) & mask, i, 'bigram');
    prev = t.norm;
    if (cg && !t.punct && t.norm[0] !== '#') {
      const w = `<${t.norm}>`;
      for (let len = cg[0]; len <= cg[1]; len++) {
        for (let s = 0; s + len <= w.length; s++) emit(fnv1a(w.slice(s, s + len), CHAR) & mask, i, 'char');
      }
    }
  }
  emit(bigramHash(prev, '</s>') & mask, n, 'bigram');
}

/**
 * Hashed sparse features of one sentence or one customer message: its distinct bucket indices
 * in ascending order, each with value 1/sqrt(number of distinct buckets), so that long and short
 * sentences weigh alike (measured: plain 1s lowered average precision by 0.01–0.02). Deterministic.
 */
export function featuresOf(text: string, options: FeatureOptions = DEFAULT_FEATURE_OPTIONS): Feature[] {
  const seen = new Set<number>();
  forEachFeature(tokenize(text), options, (index) => {
    seen.add(index);
  });
  const indices = [...seen].sort((a, b) => a - b);
  const value = indices.length ? 1 / Math.sqrt(indices.length) : 0;
  return indices.map((index) => ({ index, value }));
}

/**
 * A reply's features for a reply-level head: its sentences' features added up, each bucket with
 * value (number of sentences holding it) / sqrt(total features of all sentences). A linear head's
 * logit over this is a sum of per-sentence parts (see `evidence`), so it can be cached per sentence.
 */
export function replyFeatures(parts: readonly Feature[][]): Feature[] {
  const counts = new Map<number, number>();
  let total = 0;
  for (const p of parts) {
    total += p.length;
    for (const f of p) counts.set(f.index, (counts.get(f.index) ?? 0) + 1);
  }
  const norm = total ? 1 / Math.sqrt(total) : 0;
  return [...counts.keys()].sort((a, b) => a - b).map((index) => ({ index, value: counts.get(index)! * norm }));
}
