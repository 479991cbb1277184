import nlp from 'compromise/two';
import { LiteralMatcher } from './literals';
import { checkDeadline } from './time-budget';
import type { Pattern } from './types';

/** A match inside one sentence, in offsets of that sentence's text. */
export interface Hit {
  start: number;
  end: number;
  /** Index of the pattern (within its group) that matched. */
  pattern: number;
}

const TRAILING = /[\s"'”’)\].,;:!?]/;
const COMPROMISE_SYNTAX = /[#()[\]{}|*+?!~@<>]/;
const REGEX_LITERAL = /^\/(.+)\/([a-z]*)$/s;

export type PatternType = 'literal' | 'regex' | 'compromise';

/** Tells how a pattern string is read (see {@link Pattern}). */
export function patternType(p: Pattern): PatternType {
  if (REGEX_LITERAL.test(p)) return 'regex';
  if (COMPROMISE_SYNTAX.test(p)) return 'compromise';
  return 'literal';
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The regex source of a literal phrase: any apostrophe, any run of spaces, whole words. */
export function literalSource(phrase: string): string {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map((w) => escapeRegex(w).replace(/['’]/g, "['’]"))
    .join('\\s+');
  const head = /^\w/.test(phrase.trim()) ? "(?<![\\w’'])" : '';
  const tail = /\w$/.test(phrase.trim()) ? "(?![\\w’'])" : '';
  return head + body + tail;
}

/** Builds the RegExp of a `/source/flags` pattern, always global and never sticky. */
export function regexFromPattern(p: Pattern): RegExp {
  const m = REGEX_LITERAL.exec(p)!;
  const flags = new Set((m[2] ?? '').replace(/[gy]/g, ''));
  flags.add('g');
  return new RegExp(m[1]!, [...flags].join(''));
}

/**
 * Words a compromise pattern cannot match without, so that a sentence lacking them is never
 * parsed (parsing is the costly part). Each requirement is a list of alternatives.
 */
export function requiredWords(p: Pattern): string[][] {
  const reqs: string[][] = [];
  for (const token of p.split(/\s+/)) {
    if (/^[a-z]+$/i.test(token)) reqs.push([token.toLowerCase()]);
    else if (/^\(([a-z]+\|)+[a-z]+\)$/i.test(token)) reqs.push(token.slice(1, -1).toLowerCase().split('|'));
  }
  return reqs;
}

interface CompromisePattern {
  index: number;
  match: Pattern;
  requires: string[][];
  /** The pattern parsed by compromise, once, on first use (compromise would parse it per call). */
  regs?: unknown;
}

/**
 * Sentences longer than this (UTF-16 code units) are not parsed by compromise: its parse grows
 * faster than the length of a sentence (2 s at 25 KB, 43 s at 200 KB without punctuation), so a
 * pasted log or a text without full stops would block the engine. Such a sentence gets every
 * other check — literal phrases, regular expressions, sentiment, the learned heads, the
 * reply-level rules — but no compromise pattern matches in it. 2,000 characters is about 350
 * words, several times the longest sentence of a real reply.
 */
export const MAX_PARSE_LENGTH = 2000;

// Below this many compromise patterns, testing each one's required words with `includes` is
// cheaper than the word index.
const INDEX_FROM = 32;

/**
 * The required words of many compromise patterns, indexed: which patterns have all their
 * requirements met by a sentence (each required word a substring of it, as `includes` would
 * say). The words sit in a trie walked from each letter of the sentence; each pattern is filed
 * under the alternatives of its rarest requirement only, so a word many patterns share ("the")
 * does not make every sentence visit all of them.
 */
class RequiredIndex {
  private readonly edges = new Map<number, number>();
  private readonly wordAt = new Map<number, number>();
  private nodes = 1;
  private maxLength = 0;
  /** Per pattern slot: its requirements as lists of word ids. */
  private readonly reqs: number[][][] = [];
  /** Per word id: the slots of the patterns filed under it. */
  private readonly filed: number[][] = [];
  private readonly always: number[] = [];
  private readonly wordStamp: Int32Array;
  private readonly patStamp: Int32Array;
  private stamp = 0;

  constructor(patterns: CompromisePattern[]) {
    const ids = new Map<string, number>();
    const uses: number[] = [];
    for (const cp of patterns) {
      const reqs = cp.requires.map((alts) =>
        [...new Set(alts)].map((w) => {
          let id = ids.get(w);
          if (id === undefined) {
            id = ids.size;
            ids.set(w, id);
            uses.push(0);
            this.filed.push([]);
            this.addWord(w, id);
          }
          uses[id]!++;
          return id;
        }),
      );
      this.reqs.push(reqs);
    }
    this.reqs.forEach((reqs, slot) => {
      if (reqs.length === 0) {
        this.always.push(slot);
        return;
      }
      let key = reqs[0]!;
      let weight = Infinity;
      for (const alts of reqs) {
        let w = 0;
        for (const id of alts) w += uses[id]!;
        if (w < weight) {
          weight = w;
          key = alts;
        }
      }
      for (const id of key) this.filed[id]!.push(slot);
    });
    this.wordStamp = new Int32Array(ids.size);
    this.patStamp = new Int32Array(patterns.length);
  }

  private addWord(w: string, id: number): void {
    let node = 0;
    for (let k = 0; k < w.length; k++) {
      const key = node * 26 + (w.charCodeAt(k) - 97);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(key, next);
      }
      node = next;
    }
    this.wordAt.set(node, id);
    this.maxLength = Math.max(this.maxLength, w.length);
  }

  /** Slots (ascending) of the patterns whose every requirement has a word in `lower`. */
  candidates(lower: string): number[] {
    const stamp = ++this.stamp;
    const found: number[] = [];
    const n = lower.length;
    for (let i = 0; i < n; i++) {
      let node = 0;
      for (let j = i; j < n && j - i < this.maxLength; j++) {
        const c = lower.charCodeAt(j) - 97;
        if (c < 0 || c > 25) break;
        const next = this.edges.get(node * 26 + c);
        if (next === undefined) break;
        node = next;
        const id = this.wordAt.get(node);
        if (id !== undefined && this.wordStamp[id] !== stamp) {
          this.wordStamp[id] = stamp;
          found.push(id);
        }
      }
    }
    const out = this.always.slice();
    for (const id of found) {
      for (const slot of this.filed[id]!) {
        if (this.patStamp[slot] === stamp) continue;
        this.patStamp[slot] = stamp;
        if (this.reqs[slot]!.every((alts) => alts.some((w) => this.wordStamp[w] === stamp))) out.push(slot);
      }
    }
    return out.sort((a, b) => a - b);
  }
}

/**
 * How a regex reads a text longer than one window: in windows of `length` characters, `step`
 * apart. Each window keeps the matches that start in its middle `step` characters (the first
 * window from its start), so `margin` characters on each side give lookarounds, `^`, `$` and
 * `\b` the same context they would have in the whole text; a match up to `step` characters long
 * is found exactly as one scan of the whole text finds it. A longer match in such a text is not
 * reported. Why: a team's regex may backtrack in length² or length³ (see time-budget.ts), so one
 * run over a pasted megabyte could take hours and cannot be interrupted; a run over one window
 * takes milliseconds, and the deadline is checked between windows. Text up to one window long
 * (every real sentence) is scanned whole, as before.
 */
export const REGEX_WINDOW = { length: 1000, step: 400, margin: 100 } as const;

/**
 * Runs a global regex over `text[from, to)` (offsets of `text`), starting its scan at `scanFrom`
 * and keeping the matches that start before `keepBefore` and end by `keepEnd`; returns where the
 * last kept match ended (or `scanFrom`).
 */
function scanRegex(
  re: RegExp,
  text: string,
  from: number,
  scanFrom: number,
  to: number,
  index: number,
  hits: Hit[],
  keepBefore = Infinity,
  keepEnd = Infinity,
): number {
  const window = from === 0 && to === text.length ? text : text.slice(from, to);
  let end = scanFrom;
  re.lastIndex = scanFrom - from;
  for (let m = re.exec(window); m; m = re.exec(window)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const start = from + m.index;
    // Past the part this window answers for: the next window reads it with more context.
    if (start >= keepBefore || start + m[0].length > keepEnd) break;
    end = start + m[0].length;
    hits.push({ start, end, pattern: index });
  }
  return end;
}

/** {@link scanRegex} window by window over a long text (see {@link REGEX_WINDOW}). */
function scanRegexInWindows(re: RegExp, text: string, index: number, hits: Hit[], deadline: number): void {
  const { length, step, margin } = REGEX_WINDOW;
  let scanned = 0; // where the scan goes on from: the end of the last match, or the last window's part
  for (let from = 0; ; from += step) {
    checkDeadline(deadline);
    const to = Math.min(from + length, text.length);
    const last = to === text.length;
    // This window answers for matches starting in [own, ownEnd) and ending by keepEnd.
    const own = from === 0 ? 0 : from + margin;
    const ownEnd = last ? Infinity : from + margin + step;
    const keepEnd = last ? Infinity : to - margin;
    scanned = Math.max(scanned, own);
    const end = scanRegex(re, text, from, scanned, to, index, hits, ownEnd, keepEnd);
    if (last) return;
    scanned = Math.max(end, ownEnd);
  }
}

/** A compiled list of patterns: finds every match in a sentence. */
export class PatternGroup {
  /** Literal phrases in one automaton; null when the group has none, or has a blank one. */
  private readonly literals: LiteralMatcher | null = null;
  /** The old single alternation, kept only for a group with a blank literal (matches everywhere). */
  private readonly literal: RegExp | null = null;
  private readonly literalIndex: number[] = [];
  private readonly regexes: Array<{ index: number; re: RegExp }> = [];
  private readonly compromise: CompromisePattern[] = [];
  private index?: RequiredIndex;

  constructor(readonly patterns: Pattern[]) {
    const lit: Array<[Pattern, number]> = [];
    patterns.forEach((p, index) => {
      const type = patternType(p);
      if (type === 'literal') lit.push([p, index]);
      else if (type === 'regex') this.regexes.push({ index, re: regexFromPattern(p) });
      else this.compromise.push({ index, match: p, requires: requiredWords(p) });
    });
    if (lit.length === 0) return;
    if (lit.some(([p]) => p.trim() === '')) {
      // A blank phrase is refused by the rule-set schema; should one come through, it matches
      // the empty string at every offset, as it always did.
      this.literal = new RegExp(lit.map(([p]) => `(${literalSource(p)})`).join('|'), 'giu');
      this.literalIndex = lit.map(([, index]) => index);
      return;
    }
    this.literals = new LiteralMatcher();
    for (const [p, index] of lit) this.literals.add(p, index);
  }

  get needsParse(): boolean {
    return this.compromise.length > 0;
  }

  /**
   * All matches in `text`; `parse` gives the sentence's compromise document when needed. Throws
   * OutOfTime when `deadline` passes while a long text is scanned.
   */
  find(text: string, lower: string, parse: () => ReturnType<typeof nlp>, deadline = Infinity): Hit[] {
    const hits: Hit[] = [];
    if (this.literals) this.literals.find(text, hits);
    else if (this.literal) {
      this.literal.lastIndex = 0;
      for (let m = this.literal.exec(text); m; m = this.literal.exec(text)) {
        let g = 1;
        while (m[g] === undefined) g++;
        hits.push({ start: m.index, end: m.index + m[0].length, pattern: this.literalIndex[g - 1]! });
        if (m[0].length === 0) this.literal.lastIndex++;
      }
    }
    for (const { index, re } of this.regexes) {
      if (text.length <= REGEX_WINDOW.length) scanRegex(re, text, 0, 0, text.length, index, hits);
      else scanRegexInWindows(re, text, index, hits, deadline);
    }
    if (this.compromise.length === 0 || text.length > MAX_PARSE_LENGTH) return hits;
    let todo: CompromisePattern[];
    if (this.compromise.length < INDEX_FROM) {
      todo = this.compromise.filter((cp) => cp.requires.every((alts) => alts.some((w) => lower.includes(w))));
    } else {
      this.index ??= new RequiredIndex(this.compromise);
      todo = this.index.candidates(lower).map((slot) => this.compromise[slot]!);
    }
    for (const cp of todo) {
      cp.regs ??= (nlp as unknown as { parseMatch(p: string): unknown }).parseMatch(cp.match);
      const found = parse()
        .match(cp.regs as string)
        .json({ offset: true, text: false } as object) as Array<{
        offset: { start: number; length: number };
      }>;
      for (const f of found) {
        // compromise's span runs on over the punctuation and space after the last word.
        let end = f.offset.start + f.offset.length;
        while (end > f.offset.start && TRAILING.test(text[end - 1]!)) end--;
        hits.push({ start: f.offset.start, end, pattern: cp.index });
      }
    }
    return hits;
  }
}

// Characters compromise miscounts or glues to the next word: astral symbols (emoji are two
// UTF-16 code units), joiners, variation selectors and skin tones. Masked as spaces of the same
// UTF-16 length, so that "🙏The courier" parses as "The courier" and every offset compromise
// returns is an offset of the original text.
const MASKED =
  /[\u{10000}-\u{10FFFF}]|[\u200B-\u200F\u2028-\u202F\u2060-\u206F]|\p{Variation_Selector}|\p{Extended_Pictographic}/gu;

/** The sentence as compromise should read it: same length, symbols turned into spaces. */
export const maskForParse = (text: string) => text.replace(MASKED, (c) => ' '.repeat(c.length));

/** Parses with compromise; kept here so the rest of the engine never imports it. */
export const parseSentence = (text: string) => nlp(maskForParse(text));

/** Checks that a compromise pattern is usable; returns the reason when it is not. */
export function compromiseProblem(p: Pattern): string | null {
  let depth = 0;
  for (const c of p) {
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth < 0) return 'a bracket closes that was never opened';
  }
  if (depth !== 0) return 'a bracket is opened and never closed';
  try {
    nlp('check this pattern').match(p);
    const parsed = (nlp as unknown as { parseMatch?: (p: string) => unknown[] }).parseMatch?.(p);
    if (parsed && parsed.length === 0) return 'it matches nothing';
    return null;
  } catch (e) {
    return (e as Error).message;
  }
}
