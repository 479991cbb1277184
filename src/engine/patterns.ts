import nlp from 'compromise/two';
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
}

/** A compiled list of patterns: finds every match in a sentence. */
export class PatternGroup {
  private readonly literal: RegExp | null;
  private readonly literalIndex: number[];
  private readonly regexes: Array<{ index: number; re: RegExp }> = [];
  private readonly compromise: CompromisePattern[] = [];

  constructor(readonly patterns: Pattern[]) {
    const lit: string[] = [];
    this.literalIndex = [];
    patterns.forEach((p, index) => {
      const type = patternType(p);
      if (type === 'literal') {
        lit.push(`(${literalSource(p)})`);
        this.literalIndex.push(index);
      } else if (type === 'regex') this.regexes.push({ index, re: regexFromPattern(p) });
      else this.compromise.push({ index, match: p, requires: requiredWords(p) });
    });
    this.literal = lit.length ? new RegExp(lit.join('|'), 'giu') : null;
  }

  get needsParse(): boolean {
    return this.compromise.length > 0;
  }

  /** All matches in `text`; `parse` gives the sentence's compromise document when needed. */
  find(text: string, lower: string, parse: () => ReturnType<typeof nlp>): Hit[] {
    const hits: Hit[] = [];
    if (this.literal) {
      this.literal.lastIndex = 0;
      for (let m = this.literal.exec(text); m; m = this.literal.exec(text)) {
        let g = 1;
        while (m[g] === undefined) g++;
        hits.push({ start: m.index, end: m.index + m[0].length, pattern: this.literalIndex[g - 1]! });
        if (m[0].length === 0) this.literal.lastIndex++;
      }
    }
    for (const { index, re } of this.regexes) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        if (m[0].length === 0) {
          re.lastIndex++;
          continue;
        }
        hits.push({ start: m.index, end: m.index + m[0].length, pattern: index });
      }
    }
    for (const cp of this.compromise) {
      if (!cp.requires.every((alts) => alts.some((w) => lower.includes(w)))) continue;
      const found = parse()
        .match(cp.match)
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
