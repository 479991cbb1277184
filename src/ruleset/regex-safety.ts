/**
 * Does a team's regex backtrack catastrophically? JavaScript's engine backtracks, so a pattern
 * that can match the same text in many ways freezes the page on text that almost matches.
 *
 * The check builds the regex's position (Glushkov) automaton and looks for ambiguity, the cause
 * of slow backtracking (Weideman et al., "Analyzing matching time behavior of backtracking regular
 * expression matchers by using ambiguity of NFA", 2016):
 * - exponential: one state can reach itself along two different paths reading the same text
 *   (`(a|aa)+`, `(\w|\d)+`, `(a+)+`);
 * - polynomial of degree k: a chain of k loops, each able to read what the next reads, with the
 *   text between them readable by both (`.*a.*b.*c`, `\w*\w*\w*`). An unanchored search adds one
 *   more degree (every start position), so k = 2 is already cubic: refused from k = 3.
 * Everything is over-approximated (lookarounds and anchors read nothing, characters beyond ASCII
 * fall in four classes, long counted repeats become loops), so a doubt refuses; the regexes of
 * the built-in rules all pass (a test checks them). Small enough for the service worker: no
 * dependency (recheck is a multi-megabyte Scala.js bundle with a slow start).
 */

// Character sets are bitsets over 132 symbols: ASCII, then four stand-ins for the rest.
const LETTER = 128;
const DIGIT = 129;
const SPACE = 130;
const OTHER = 131;
const bit = (c: number) => 1n << BigInt(c);
const range = (a: number, b: number) => ((1n << BigInt(b - a + 1)) - 1n) << BigInt(a);
const ALL = range(0, OTHER);
const ASCII = range(0, 127);
const NON_ASCII = range(LETTER, OTHER);
const DIGITS = range(48, 57);
const UPPER = range(65, 90);
const LOWER = range(97, 122);
const WORD = DIGITS | UPPER | LOWER | bit(95);
const SPACES = range(9, 13) | bit(32) | bit(SPACE);
const NEWLINES = bit(10) | bit(13);
/** A complement is exact on ASCII and keeps every stand-in (a stand-in may hold both). */
const not = (s: bigint) => (ASCII & ~s) | NON_ASCII;

function fold(s: bigint): bigint {
  // Upper and lower case ASCII letters are 32 apart.
  return s | ((s & UPPER) << 32n) | ((s & LOWER) >> 32n);
}

function codePointSet(cp: number): bigint {
  if (cp < 128) return bit(cp);
  // The Kelvin sign and the long s fold to k and s under the i and u flags.
  if (cp === 0x212a) return bit(LETTER) | bit(107) | bit(75);
  if (cp === 0x17f) return bit(LETTER) | bit(115) | bit(83);
  const ch = String.fromCodePoint(cp);
  if (/\p{L}/u.test(ch)) return bit(LETTER);
  if (/\p{N}/u.test(ch)) return bit(DIGIT);
  if (/\s/.test(ch)) return bit(SPACE);
  return bit(OTHER);
}

function propertySet(name: string): bigint {
  const value = name.replace(/^(General_Category|gc)=/, '');
  if (/^(L|Letter|Lu|Uppercase_Letter|Ll|Lowercase_Letter|Lt|Lm|Lo|Cased_Letter|LC)$/.test(value))
    return UPPER | LOWER | bit(LETTER);
  if (/^(Alphabetic|Alpha|Uppercase|Lowercase)$/.test(value)) return UPPER | LOWER | bit(LETTER) | bit(OTHER);
  if (/^(Nd|Decimal_Number|digit)$/.test(value)) return DIGITS | bit(DIGIT);
  if (/^(N|Number)$/.test(value)) return DIGITS | bit(DIGIT) | bit(OTHER);
  if (/^(White_Space|space)$/.test(value)) return SPACES;
  return ALL;
}

type Node =
  | { t: 'set'; set: bigint }
  | { t: 'eps' }
  | { t: 'seq'; items: Node[] }
  | { t: 'alt'; items: Node[] }
  | { t: 'rep'; min: number; max: number; body: Node };

const EPS: Node = { t: 'eps' };

class Parser {
  i = 0;
  /** Lookaround bodies: checked on their own (they read nothing in the main pattern). */
  readonly lookarounds: Node[] = [];
  private readonly unicode: boolean;
  private readonly vMode: boolean;

  constructor(
    private readonly s: string,
    flags: string,
    private caseless = flags.includes('i'),
    private dotAll = flags.includes('s'),
  ) {
    this.unicode = flags.includes('u') || flags.includes('v');
    this.vMode = flags.includes('v');
  }

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.s.length) throw new Error(`unexpected ${this.s[this.i]}`);
    return node;
  }

  private alternation(): Node {
    const items = [this.sequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      items.push(this.sequence());
    }
    return items.length === 1 ? items[0]! : { t: 'alt', items };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return items.length === 1 ? items[0]! : { t: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*' || c === '+' || c === '?') {
      this.i++;
      [min, max] = c === '*' ? [0, Infinity] : c === '+' ? [1, Infinity] : [0, 1];
    } else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) return atom; // a literal brace (outside u mode)
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
    } else return atom;
    if (this.s[this.i] === '?') this.i++; // lazy: the same ambiguity
    return { t: 'rep', min, max, body: atom };
  }

  private set(s: bigint): Node {
    return { t: 'set', set: this.caseless ? fold(s) : s };
  }

  private atom(): Node {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') return this.group();
    if (c === '[') return this.set(this.characterClass());
    if (c === '.') {
      this.i++;
      return this.set(this.dotAll ? ALL : ALL & ~NEWLINES);
    }
    if (c === '^' || c === '$') {
      this.i++;
      return EPS;
    }
    if (c === '\\') {
      const next = s[this.i + 1];
      if (next === 'b' || next === 'B') {
        this.i += 2;
        return EPS;
      }
      if (next === 'k' && s[this.i + 2] === '<') {
        this.i = s.indexOf('>', this.i) + 1;
        return { t: 'rep', min: 0, max: Infinity, body: this.set(ALL) };
      }
      if (next && /[1-9]/.test(next)) {
        // A back-reference reads what its group read: anything, as far as this check knows.
        while (/\d/.test(s[this.i + 1] ?? '')) this.i++;
        this.i++;
        return { t: 'rep', min: 0, max: Infinity, body: this.set(ALL) };
      }
      return this.set(this.escape(false));
    }
    const cp = this.unicode ? s.codePointAt(this.i)! : s.charCodeAt(this.i);
    this.i += cp > 0xffff ? 2 : 1;
    return this.set(codePointSet(cp));
  }

  private group(): Node {
    const s = this.s;
    const rest = s.slice(this.i, this.i + 4);
    let look = false;
    if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      this.i += 3;
      look = true;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      this.i += 4;
      look = true;
    } else if (rest.startsWith('(?<')) {
      this.i = s.indexOf('>', this.i) + 1;
    } else if (rest.startsWith('(?')) {
      // (?:…) or modifiers such as (?i:…) and (?-i:…).
      const m = /^\(\?([a-z]*)(?:-([a-z]*))?:/.exec(s.slice(this.i))!;
      this.i += m[0].length;
      const [caseless, dotAll] = [this.caseless, this.dotAll];
      if (m[1]!.includes('i')) this.caseless = true;
      if (m[2]?.includes('i')) this.caseless = false;
      if (m[1]!.includes('s')) this.dotAll = true;
      if (m[2]?.includes('s')) this.dotAll = false;
      const body = this.alternation();
      this.i++; // ')'
      [this.caseless, this.dotAll] = [caseless, dotAll];
      return body;
    } else this.i++;
    const body = this.alternation();
    this.i++; // ')'
    if (!look) return body;
    this.lookarounds.push(body);
    return EPS;
  }

  /** `[...]`, with v-mode nesting, \q{…}, -- and && read as a union (over-approximated). */
  private characterClass(): bigint {
    const s = this.s;
    this.i++; // '['
    const negated = s[this.i] === '^';
    if (negated) this.i++;
    let set = 0n;
    let setOperation = false;
    let prev: number | null = null; // the last single code point, for ranges
    while (this.i < s.length && s[this.i] !== ']') {
      const c = s[this.i]!;
      if (this.vMode && c === '[') {
        set |= this.characterClass();
        setOperation = true;
        prev = null;
        continue;
      }
      if (this.vMode && (s.startsWith('--', this.i) || s.startsWith('&&', this.i))) {
        this.i += 2;
        setOperation = true;
        prev = null;
        continue;
      }
      if (c === '-' && prev !== null && s[this.i + 1] !== ']' && s[this.i + 1] !== undefined) {
        this.i++;
        const to = this.classCodePoint();
        if (to === null) {
          set |= ALL;
        } else {
          for (let cp = prev; cp <= Math.min(to, 127); cp++) set |= bit(cp);
          if (to > 127) set |= NON_ASCII;
        }
        prev = null;
        continue;
      }
      if (c === '\\' && s[this.i + 1] === 'q' && s[this.i + 2] === '{') {
        const end = s.indexOf('}', this.i);
        for (const ch of s.slice(this.i + 3, end)) if (ch !== '|') set |= codePointSet(ch.codePointAt(0)!);
        this.i = end + 1;
        setOperation = true;
        prev = null;
        continue;
      }
      const start = this.i;
      const cp = this.classCodePoint();
      if (cp === null) {
        set |= this.escapeAt(start);
        prev = null;
      } else {
        set |= codePointSet(cp);
        prev = cp;
      }
    }
    this.i++; // ']'
    if (this.caseless) set = fold(set);
    // The complement of an over-approximated set operation would be an under-approximation.
    if (negated) return setOperation ? ALL : not(set);
    return set;
  }

  /** The code point at i inside a class (advancing), or null for a class escape such as \w. */
  private classCodePoint(): number | null {
    const s = this.s;
    if (s[this.i] !== '\\') {
      const cp = this.unicode ? s.codePointAt(this.i)! : s.charCodeAt(this.i);
      this.i += cp > 0xffff ? 2 : 1;
      return cp;
    }
    const next = s[this.i + 1]!;
    if ('dDwWsSpP'.includes(next)) {
      // Leave the escape for escapeAt.
      return null;
    }
    if (next === 'b') {
      this.i += 2;
      return 8;
    }
    return this.literalEscape();
  }

  private escapeAt(start: number): bigint {
    this.i = start;
    return this.escape(true);
  }

  /** A `\x` escape at i (advancing): a class escape's set or the code point's. */
  private escape(_inClass: boolean): bigint {
    const s = this.s;
    const next = s[this.i + 1]!;
    const wordExtra = this.caseless && this.unicode ? bit(LETTER) : 0n;
    const classes: Record<string, bigint> = {
      d: DIGITS,
      D: not(DIGITS),
      w: WORD | wordExtra,
      W: not(WORD),
      s: SPACES,
      S: not(SPACES),
    };
    if (next in classes) {
      this.i += 2;
      return classes[next]!;
    }
    if (next === 'p' || next === 'P') {
      const end = s.indexOf('}', this.i);
      const name = s.slice(this.i + 3, end);
      this.i = end + 1;
      return next === 'p' ? propertySet(name) : ALL;
    }
    return codePointSet(this.literalEscape());
  }

  /** A character escape (\n, \x41, \u{1F600}, \cJ, \0, \/ …) at i, advancing past it. */
  private literalEscape(): number {
    const s = this.s;
    const next = s[this.i + 1]!;
    const simple: Record<string, number> = { n: 10, r: 13, t: 9, v: 11, f: 12, '0': 0 };
    if (next in simple && !(next === '0' && /\d/.test(s[this.i + 2] ?? ''))) {
      this.i += 2;
      return simple[next]!;
    }
    const rest = s.slice(this.i);
    const hex = /^\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|u\{([0-9a-fA-F]+)\})/.exec(rest);
    if (hex) {
      this.i += hex[0].length;
      return Number.parseInt(hex[1] ?? hex[2] ?? hex[3]!, 16);
    }
    const control = /^\\c([a-zA-Z])/.exec(rest);
    if (control) {
      this.i += 3;
      return control[1]!.charCodeAt(0) % 32;
    }
    const cp = s.codePointAt(this.i + 1)!;
    this.i += cp > 0xffff ? 3 : 2;
    return cp;
  }
}

/** Counted repeats up to this are copied; beyond it they are read as loops (a safe doubt). */
const COPIES = 4;
/** An automaton larger than this is "too complex to check" (a 500-character regex fits). */
const MAX_POSITIONS = 4_000;
const MAX_PRODUCT = 400_000;

class TooComplex extends Error {}

interface Built {
  nullable: boolean;
  first: number[];
  last: number[];
}

/** The position automaton: state 0 starts, state p > 0 reads sets[p]; follow[s] are next states. */
class Automaton {
  readonly sets: bigint[] = [0n];
  readonly follow: Array<Set<number>> = [new Set()];
  readonly nullable: boolean;

  constructor(root: Node) {
    const top = this.build(root);
    for (const f of top.first) this.follow[0]!.add(f);
    this.nullable = top.nullable;
  }

  private link(from: number[], to: number[]) {
    for (const a of from) for (const b of to) this.follow[a]!.add(b);
  }

  private build(node: Node): Built {
    switch (node.t) {
      case 'eps':
        return { nullable: true, first: [], last: [] };
      case 'set': {
        if (this.sets.length > MAX_POSITIONS) throw new TooComplex();
        const p = this.sets.push(node.set) - 1;
        this.follow.push(new Set());
        return { nullable: false, first: [p], last: [p] };
      }
      case 'alt': {
        const parts = node.items.map((n) => this.build(n));
        return {
          nullable: parts.some((p) => p.nullable),
          first: parts.flatMap((p) => p.first),
          last: parts.flatMap((p) => p.last),
        };
      }
      case 'seq': {
        let acc: Built = { nullable: true, first: [], last: [] };
        for (const item of node.items) {
          const r = this.build(item);
          this.link(acc.last, r.first);
          acc = {
            nullable: acc.nullable && r.nullable,
            first: acc.nullable ? [...acc.first, ...r.first] : acc.first,
            last: r.nullable ? [...acc.last, ...r.last] : r.last,
          };
        }
        return acc;
      }
      case 'rep': {
        const { min, max, body } = node;
        if (max === 0) return { nullable: true, first: [], last: [] };
        const loops = max > COPIES;
        const required = Math.min(min, COPIES);
        const items: Node[] = [];
        if (loops) {
          // body{n,} is n-1 copies then body+; a loop for min 0 is body* (an optional body+).
          for (let k = 1; k < required; k++) items.push(body);
          const plus = this.plus(body);
          const seq = this.build({ t: 'seq', items });
          this.link(seq.last, plus.first);
          const optionalLoop = required === 0;
          return {
            nullable: seq.nullable && (optionalLoop || plus.nullable),
            first: seq.nullable ? [...seq.first, ...plus.first] : seq.first,
            last: optionalLoop ? [...seq.last, ...plus.last] : plus.last,
          };
        }
        // body{n,m}: n copies, then m-n nested optional copies (as the engine counts them).
        for (let k = 0; k < required; k++) items.push(body);
        let optional: Node = EPS;
        for (let k = required; k < max; k++)
          optional = { t: 'alt', items: [EPS, optional.t === 'eps' ? body : { t: 'seq', items: [body, optional] }] };
        items.push(optional);
        return this.build({ t: 'seq', items });
      }
    }
  }

  private plus(body: Node): Built {
    const b = this.build(body);
    this.link(b.last, b.first);
    return b;
  }
}

/** Strongly connected components (iterative Tarjan); returns the component of each node. */
function components(count: number, next: (v: number) => Iterable<number>): Int32Array {
  const index = new Int32Array(count).fill(-1);
  const low = new Int32Array(count);
  const comp = new Int32Array(count).fill(-1);
  const onStack = new Uint8Array(count);
  const stack: number[] = [];
  let counter = 0;
  let compCount = 0;
  for (let root = 0; root < count; root++) {
    if (index[root] !== -1) continue;
    const work: Array<[number, Iterator<number>]> = [[root, next(root)[Symbol.iterator]()]];
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (work.length) {
      const [v, it] = work[work.length - 1]!;
      const step = it.next();
      if (!step.done) {
        const w = step.value;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          work.push([w, next(w)[Symbol.iterator]()]);
        } else if (onStack[w]) low[v] = Math.min(low[v]!, index[w]!);
        continue;
      }
      work.pop();
      if (work.length) {
        const u = work[work.length - 1]![0];
        low[u] = Math.min(low[u]!, low[v]!);
      }
      if (low[v] === index[v]) {
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          comp[w] = compCount;
        } while (w !== v);
        compCount++;
      }
    }
  }
  return comp;
}

/** What the automaton's ambiguity says: exponential, or the longest chain of ambiguous loops. */
function ambiguity(a: Automaton): { exponential: boolean; degree: number } {
  const n = a.sets.length;
  const follow = a.follow.map((s) => [...s]);
  // Few distinct sets: intersect each pair once, not in the product's inner loop.
  const ids = new Map<bigint, number>();
  const sid = a.sets.map((s) => {
    let id = ids.get(s);
    if (id === undefined) {
      id = ids.size;
      ids.set(s, id);
    }
    return id;
  });
  const distinct = [...ids.keys()];
  const width = distinct.length;
  const overlap = new Uint8Array(width * width);
  for (let x = 0; x < width; x++)
    for (let y = 0; y < width; y++) overlap[x * width + y] = (distinct[x]! & distinct[y]!) !== 0n ? 1 : 0;
  const comp = components(n, (v) => follow[v]!);
  const looping = new Set<number>();
  for (let p = 1; p < n; p++)
    if (follow[p]!.includes(p) || follow[p]!.some((q) => q !== p && comp[q] === comp[p])) looping.add(p);
  if (looping.size === 0) return { exponential: false, degree: 0 };

  // The product automaton: a pair of states reading the same character, explored on demand.
  const key = (p: number, q: number) => p * n + q;
  const successors = new Map<number, number[]>();
  const succ = (k: number): number[] => {
    let out = successors.get(k);
    if (out) return out;
    const p = Math.floor(k / n);
    const q = k % n;
    out = [];
    for (const c of follow[p]!) {
      const row = sid[c]! * width;
      for (const d of follow[q]!) if (overlap[row + sid[d]!]) out.push(key(c, d));
    }
    successors.set(k, out);
    if (successors.size > MAX_PRODUCT) throw new TooComplex();
    return out;
  };
  const reach = (from: number): Set<number> => {
    const seen = new Set([from]);
    const todo = [from];
    while (todo.length)
      for (const k of succ(todo.pop()!))
        if (!seen.has(k)) {
          seen.add(k);
          todo.push(k);
        }
    return seen;
  };

  // Exponential: a diagonal pair (p, p) on a cycle through an off-diagonal pair.
  const reached = new Map<number, Set<number>>();
  for (const p of looping) reached.set(p, reach(key(p, p)));
  const nodes = [...new Set([...reached.values()].flatMap((s) => [...s]))];
  const id = new Map(nodes.map((k, i) => [k, i]));
  const pc = components(nodes.length, (i) => succ(nodes[i]!).map((k) => id.get(k)!));
  const diagonal = new Set<number>();
  const offDiagonal = new Set<number>();
  nodes.forEach((k, i) => {
    (Math.floor(k / n) === k % n ? diagonal : offDiagonal).add(pc[i]!);
  });
  for (const c of diagonal) if (offDiagonal.has(c)) return { exponential: true, degree: 0 };

  // Polynomial: loops p then q (other components) with (p,p) ->* (p,q) ->* (q,q).
  const chained = new Map<number, Set<number>>(); // component of p -> components of its q's
  for (const p of looping) {
    for (const q of looping) {
      if (comp[p] === comp[q] || !reached.get(p)!.has(key(p, q))) continue;
      if (!reach(key(p, q)).has(key(q, q))) continue;
      const set = chained.get(comp[p]!) ?? new Set();
      set.add(comp[q]!);
      chained.set(comp[p]!, set);
    }
  }
  const longest = new Map<number, number>();
  const depth = (c: number): number => {
    const known = longest.get(c);
    if (known !== undefined) return known;
    let best = 1;
    for (const d of chained.get(c) ?? []) best = Math.max(best, 1 + depth(d));
    longest.set(c, best);
    return best;
  };
  let degree = 1;
  for (const c of chained.keys()) degree = Math.max(degree, depth(c));
  return { exponential: false, degree };
}

/** Repeats in a row from which a near-miss becomes too slow (the search itself adds one). */
export const MAX_AMBIGUOUS_REPEATS = 2;

/**
 * Why a regex (source and flags, already known to compile) could freeze the page or flags empty
 * text, or null when it is safe.
 */
export function backtrackingProblem(source: string, flags: string): string | null {
  let parser: Parser;
  let root: Node;
  try {
    parser = new Parser(source, flags);
    root = parser.parse();
  } catch {
    return 'it is too unusual to check for safety; write it more simply';
  }
  try {
    const main = new Automaton(root);
    if (main.nullable)
      return 'it matches empty text, so it would flag every position; make at least one character required';
    for (const r of [root, ...parser.lookarounds]) {
      const { exponential, degree } = ambiguity(r === root ? main : new Automaton(r));
      if (exponential)
        return 'part of it can match the same text in more than one way inside a repeat (like (a|aa)+, (\\w|\\d)+ or (a+)+), so text that almost matches makes it try exponentially many ways and can freeze the page; make the choices inside the repeat exclusive (e.g. a+ or \\w+)';
      if (degree > MAX_AMBIGUOUS_REPEATS)
        return `it has ${degree} repeats in a row that can match the same characters (like .*a.*b.*c or \\w*\\w*\\w*), so text that almost matches makes it try about length^${degree + 1} ways and can freeze the page; separate the repeats with a word or character they cannot match, or merge them into one`;
    }
  } catch (e) {
    if (e instanceof TooComplex) return 'it is too complex to check for safety; split it into several patterns';
    throw e;
  }
  return null;
}
