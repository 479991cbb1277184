/**
 * Literal phrases compiled into one automaton: two character tries (phrases that must start at a
 * word boundary, and the others), walked from each position of a sentence. It finds exactly what
 * the alternation of every phrase's {@link literalSource} regex (flags `giu`) found, which is how
 * literal phrases were matched before: scanning left to right, at the first position where some
 * phrase matches, the phrase listed first wins (not the longest), and the scan goes on after it.
 * One regex per list cost 0.3–0.5 s per sentence at 1,000 phrases and could not be compiled past
 * about 20,000; a walk costs the depth of the trie it follows, whatever the number of phrases.
 *
 * The regex semantics kept, character by character:
 * - letters compare under Unicode simple case folding, as `/iu` does ({@link fold});
 * - `'` and `’` in a phrase each match either of them;
 * - a run of spaces in a phrase is `\s+`: one or more whitespace characters of any kind;
 * - a phrase whose first (last) character is an ASCII word character needs no `\w`, `'` or `’`
 *   before (after) it, `\w` read as `/iu` reads it (which adds `ſ` and the Kelvin sign).
 */

// Edge label of a whitespace run (`\s+`): above every code point.
const SPACE = 0x110000;

const WHITESPACE = /\s/;
const isSpaceUnit = (c: number) =>
  c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITESPACE.test(String.fromCharCode(c)));

/** `[\w’']` as the lookarounds read it under `/iu`: ASCII word characters, `ſ`, `K`, apostrophes. */
function isWordish(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 39 ||
    c === 0x2019 ||
    c === 0x17f ||
    c === 0x212a
  );
}

const folded = new Map<number, number>();

/**
 * A code point's representative under `/iu` case-insensitive comparison (Unicode simple case
 * folding): the lower case of its upper case, or its lower case, when that is one code point the
 * regex engine itself counts as equal to it; else the code point itself. `’` folds to `'`.
 */
export function fold(cp: number): number {
  if (cp < 128) return cp >= 65 && cp <= 90 ? cp + 32 : cp;
  if (cp === 0x2019) return 39;
  let f = folded.get(cp);
  if (f === undefined) {
    f = cp;
    const ch = String.fromCodePoint(cp);
    for (const cand of [ch.toUpperCase().toLowerCase(), ch.toLowerCase()]) {
      const c = cand.codePointAt(0)!;
      if (cand.length !== String.fromCodePoint(c).length || c === cp) continue;
      if (new RegExp(`^${cand.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')}$`, 'iu').test(ch)) {
        f = c;
        break;
      }
    }
    folded.set(cp, f);
  }
  return f;
}

/**
 * One trie. Most nodes have a single child, kept in two arrays; a node with more has a map.
 * (A map per node cost about 200 bytes a node: too much for 50,000 phrases.)
 */
class Trie {
  private readonly label: number[] = [-1];
  private readonly child: number[] = [-1];
  private readonly many: Array<Map<number, number> | undefined> = [undefined];
  /** Per node: the phrases ending there, as [pattern index, needs a boundary after] in index order. */
  readonly ends: Array<Array<[number, boolean]> | undefined> = [undefined];
  size = 0;

  add(labels: number[], index: number, tail: boolean): void {
    let node = 0;
    for (const l of labels) {
      let next = this.next(node, l);
      if (next === undefined) {
        next = this.label.length;
        this.label.push(-1);
        this.child.push(-1);
        this.many.push(undefined);
        this.ends.push(undefined);
        const map = this.many[node];
        if (map) map.set(l, next);
        else if (this.label[node] === -1) {
          this.label[node] = l;
          this.child[node] = next;
        } else {
          this.many[node] = new Map([
            [this.label[node]!, this.child[node]!],
            [l, next],
          ]);
        }
      }
      node = next;
    }
    const list = this.ends[node] ?? [];
    list.push([index, tail]);
    this.ends[node] = list;
    this.size++;
  }

  next(node: number, label: number): number | undefined {
    const map = this.many[node];
    if (map) return map.get(label);
    return this.label[node] === label ? this.child[node] : undefined;
  }
}

/** The phrase as trie labels: folded code points, one {@link SPACE} per run of spaces. */
function labelsOf(phrase: string): number[] {
  const out: number[] = [];
  const words = phrase.trim().split(/\s+/);
  words.forEach((w, k) => {
    if (k > 0) out.push(SPACE);
    for (const ch of w) out.push(fold(ch.codePointAt(0)!));
  });
  return out;
}

/** A literal hit: `[start, end)` of the text and the pattern's index as given to {@link LiteralMatcher.add}. */
export interface LiteralHit {
  start: number;
  end: number;
  pattern: number;
}

/** Many literal phrases matched in one pass (see the module comment for the exact semantics). */
export class LiteralMatcher {
  /** Phrases that must start at a word boundary (their first character is an ASCII word character). */
  private readonly bounded = new Trie();
  private readonly free = new Trie();

  /** Adds a non-blank phrase; `index` is what its hits report (indexes must be added in increasing order). */
  add(phrase: string, index: number): void {
    const t = phrase.trim();
    const labels = labelsOf(t);
    const tail = /\w$/.test(t);
    (/^\w/.test(t) ? this.bounded : this.free).add(labels, index, tail);
  }

  get size(): number {
    return this.bounded.size + this.free.size;
  }

  /** Every hit in `text`, left to right, not overlapping. */
  find(text: string, out: LiteralHit[] = []): LiteralHit[] {
    const n = text.length;
    const useBounded = this.bounded.size > 0;
    const useFree = this.free.size > 0;
    let prev = -1; // code unit before i
    for (let i = 0; i < n; ) {
      let best = -1;
      let bestEnd = -1;
      if (useBounded && !isWordish(prev)) {
        [best, bestEnd] = this.walk(this.bounded, text, i, best, bestEnd);
      }
      if (useFree) [best, bestEnd] = this.walk(this.free, text, i, best, bestEnd);
      if (best >= 0) {
        out.push({ start: i, end: bestEnd, pattern: best });
        i = bestEnd;
        prev = text.charCodeAt(i - 1);
        continue;
      }
      const c = text.charCodeAt(i);
      const step = c >= 0xd800 && c <= 0xdbff && i + 1 < n && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      i += step;
      prev = text.charCodeAt(i - 1);
    }
    return out;
  }

  /** Follows `trie` from `from`; returns the lowest-index phrase ending on the way (and its end), or the given best. */
  private walk(trie: Trie, text: string, from: number, best: number, bestEnd: number): [number, number] {
    const n = text.length;
    let node = 0;
    let i = from;
    while (i < n) {
      const c = text.charCodeAt(i);
      let next: number | undefined;
      let to: number;
      if (isSpaceUnit(c)) {
        next = trie.next(node, SPACE);
        to = i + 1;
        while (to < n && isSpaceUnit(text.charCodeAt(to))) to++;
      } else {
        let cp = c;
        to = i + 1;
        if (c >= 0xd800 && c <= 0xdbff && to < n) {
          const d = text.charCodeAt(to);
          if ((d & 0xfc00) === 0xdc00) {
            cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
            to++;
          }
        }
        next = trie.next(node, fold(cp));
      }
      if (next === undefined) break;
      node = next;
      i = to;
      const ends = trie.ends[node];
      if (ends) {
        for (const [index, tail] of ends) {
          if (best >= 0 && index > best) break;
          if (tail && i < n && isWordish(text.charCodeAt(i))) continue;
          best = index;
          bestEnd = i;
          break;
        }
      }
    }
    return [best, bestEnd];
  }
}
