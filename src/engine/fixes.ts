import { regexFromPattern, patternType } from './patterns';
import type { Fix, FixTemplate, InsertAt, LintOptions, Pattern } from './types';

/**
 * Builds the fixes a finding offers. Every fix must leave a whole, grammatical sentence: a
 * replacement of the flagged words only when the words can be swapped in place, else the whole
 * sentence; insertions go where the missing piece belongs (after a greeting, before a sign-off).
 */

/** A sentence of the reply as the fix builder needs it. */
export interface SentenceSpan {
  start: number;
  end: number;
  text: string;
}

/** Fills `{name}` with the customer's first name, or a friendly stand-in. */
export function fillTemplate(template: string, options: LintOptions): string {
  return template.replace(/\{name\}/g, options.customerName?.trim() || 'there');
}

// "Hi Dana, " / "Hello! " / "Dear Mr Patel, " opening a sentence: the greeting that shares a
// line with the body. A fix never removes it, and an insertion "after the greeting" goes here.
const GREETING_LEAD =
  /^(?:(?:hi|hello|hey|hiya|howdy|greetings|dear|good (?:morning|afternoon|evening|day))\b[^,!:.\n]{0,40}?[,!:]|(?:hi|hello|hey) there\b[,!]?)[ \t]*/i;

/** Length of a greeting that opens `sentence` ("Hi Dana, "), or 0. */
export function greetingLead(sentence: string): number {
  const m = GREETING_LEAD.exec(sentence);
  return m ? m[0].length : 0;
}

const startsWithI = (s: string) => /^I(?:\b|['’])/.test(s);
const lowerFirst = (s: string) => (startsWithI(s) || /^[A-Z]{2}/.test(s) ? s : s.charAt(0).toLowerCase() + s.slice(1));
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Does an offset open a sentence (start of text, or after ., !, ? or a line break)? */
function opensSentence(text: string, at: number): boolean {
  // Only whitespace before it, back to the start? (Scanned back, not by copying the whole prefix:
  // fixes are built on every lint, for every finding of a long draft.)
  let k = at;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  return k === 0 || /(?:[.!?]["'”’)]?|\n)\s*$/.test(text.slice(Math.max(0, at - 4), at));
}

/** Expands `$1`, `$<name>` and `$$` in a template with a regex match's groups. */
function expandGroups(template: string, m: RegExpExecArray): string {
  return template.replace(/\$(?:(\d)|<([A-Za-z_]\w*)>|\$)/g, (all, n: string | undefined, name: string | undefined) => {
    if (all === '$$') return '$';
    const v = n !== undefined ? m[Number(n)] : m.groups?.[name!];
    return v ?? '';
  });
}

// Patterns with `$1` fixes, compiled once (fixes are rebuilt on every lint).
const compiled = new Map<Pattern, RegExp>();

/** The regex match of `pattern` at exactly `[start, end)` of the sentence, for `$1` in fixes. */
function matchAt(pattern: Pattern | undefined, sentence: string, start: number): RegExpExecArray | null {
  if (pattern === undefined || patternType(pattern) !== 'regex') return null;
  let re = compiled.get(pattern);
  if (!re) {
    re = regexFromPattern(pattern);
    compiled.set(pattern, re);
  }
  re.lastIndex = start;
  for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
    if (m.index === start) return m;
    if (m.index > start) break;
  }
  return null;
}

/**
 * A fix for a flagged span `[start, end)` (offsets in the reply) inside `sentence`.
 * `pattern` is the pattern that matched, so a regex's groups can fill `$1` in the template.
 */
export function replacementFix(
  text: string,
  sentence: SentenceSpan,
  start: number,
  end: number,
  template: FixTemplate,
  options: LintOptions,
  pattern?: Pattern,
): Fix | null {
  if (typeof template === 'object' && 'clause' in template) return clauseRemovalFix(sentence, start);
  if (typeof template === 'object' && 'sentence' in template) return sentenceFix(sentence, template.sentence, options);
  if (typeof template === 'object' && 'case' in template) {
    const original = text.slice(start, end);
    let lowered = original.toLowerCase();
    if (opensSentence(text, start)) lowered = upperFirst(lowered);
    return { label: `Write “${lowered}”`, start, end, text: lowered };
  }
  let filled = fillTemplate(template, options);
  const m = matchAt(pattern, sentence.text, start - sentence.start);
  if (m) filled = expandGroups(filled, m);
  if (filled === '') return removalFix(text, start, end);
  const original = text.slice(start, end);
  const cased = /^[A-Z]/.test(original) && /^[a-z]/.test(filled) ? upperFirst(filled) : filled;
  return { label: `Replace with “${cased}”`, start, end, text: cased };
}

/**
 * Removes flagged words ("As I said, the refund …", "the button is obviously on the left"):
 * takes the spaces and comma after them, fixes the capital when they opened the sentence, and
 * takes the comma before them when they closed it ("…, as you already know.").
 */
function removalFix(text: string, start: number, end: number): Fix {
  let e = end;
  while (e < text.length && (text[e] === ' ' || text[e] === ',')) e++;
  if (opensSentence(text, start) && e < text.length && /[a-z]/.test(text[e]!)) {
    return { label: 'Remove', start, end: e + 1, text: text[e]!.toUpperCase() };
  }
  let s = start;
  if (e >= text.length || /[.!?;:]/.test(text[e]!)) {
    e = end;
    while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === ',')) s--;
  }
  return { label: 'Remove', start: s, end: e, text: '' };
}

// Where a trailing reason clause starts: "…, because you ordered without …", "… since the cook …".
const REASON_CLAUSE = /,?\s+(?:because|since|as|so|which is why|which means|due to)\s/gi;

// The clause starts of the sentence last asked about: its findings ask in turn, and scanning the
// sentence for each of them made a long sentence with many findings quadratic.
let lastClauses: { text: string; starts: number[] } | null = null;

function clauseStarts(text: string): number[] {
  if (lastClauses?.text !== text) {
    const starts: number[] = [];
    REASON_CLAUSE.lastIndex = 0;
    for (let m = REASON_CLAUSE.exec(text); m; m = REASON_CLAUSE.exec(text)) starts.push(m.index);
    lastClauses = { text, starts };
  }
  return lastClauses.starts;
}

/**
 * Removes the trailing clause that holds the flagged words when it only gives the reason
 * ("The parcel went back because you ordered without a house number." → "The parcel went
 * back."). Offered only where the flagged words sit in such a clause and a main clause is left.
 */
function clauseRemovalFix(sentence: SentenceSpan, start: number): Fix | null {
  const at = start - sentence.start;
  const starts = clauseStarts(sentence.text);
  // The last clause start before the flagged words.
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  const from = lo > 0 ? starts[lo - 1]! : -1;
  if (from <= greetingLead(sentence.text)) return null;
  const end = sentence.text.length - trailingMarks(sentence.text);
  if (end <= at) return null;
  return { label: 'Remove the reason', start: sentence.start + from, end: sentence.start + end, text: '' };
}

const CLOSING_MARKS = new Set(['"', "'", '”', '’', ')']);
const END_MARKS = new Set(['.', '!', '?', '…']);

/**
 * Length of what `/[.!?…]*["'”’)]*\s*$/` matches: end marks, closing quotes, trailing space.
 * Scanned back from the end: that regex is tried at every offset, which made a fix cost the
 * sentence's length and a long sentence with many findings quadratic.
 */
function trailingMarks(text: string): number {
  let k = text.length;
  while (k > 0 && /\s/.test(text[k - 1]!)) k--;
  while (k > 0 && CLOSING_MARKS.has(text[k - 1]!)) k--;
  while (k > 0 && END_MARKS.has(text[k - 1]!)) k--;
  return text.length - k;
}

/** Replaces the whole sentence, keeping a greeting that opens it ("Hi Sam, …"). */
function sentenceFix(sentence: SentenceSpan, template: string, options: LintOptions): Fix {
  const filled = fillTemplate(template, options).trim();
  // Emoji or marks before the words, then a greeting, stay as they are.
  const symbols = /^[^\p{L}\p{N}]*/u.exec(sentence.text)![0].length;
  const lead = symbols + greetingLead(sentence.text.slice(symbols));
  let body = sentence.text.slice(lead);
  // Whitespace after the sentence stays where it is.
  const trail = body.length - body.trimEnd().length;
  body = body.slice(0, body.length - trail);
  const start = sentence.start + lead;
  const end = start + body.length;
  const replacement = lead > 0 ? lowerFirst(filled) : filled;
  return { label: `Rewrite as “${filled}”`, start, end, text: replacement };
}

/** A segment of the reply as the insertion builder sees it. */
export interface InsertionContext {
  text: string;
  /** The writer's own sentences before the signature (or all content when none). */
  body: SentenceSpan[];
  /** Sentences of the signature, if any. */
  hasSignature: boolean;
  /** Is the last body sentence a sign-off line ("Kind regards,")? */
  endsWithSignOff: boolean;
  options: LintOptions;
}

const isGreetingLine = (t: string) =>
  t.length <= 40 && /[,!:]$|^(hi|hello|hey|dear|good (morning|afternoon|evening))\b/i.test(t);

/** Inserts a missing sentence where it belongs: the start, after the greeting, or the end. */
export function insertionFix(ctx: InsertionContext, template: string, insertAt: InsertAt): Fix {
  const sentence = fillTemplate(template, ctx.options);
  const { text, body } = ctx;
  const email = ctx.options.channel === 'email';
  const label = `Add “${sentence}”`;
  if (body.length === 0) return { label, start: 0, end: 0, text: sentence };
  const first = body[0]!;
  const last = body[body.length - 1]!;
  if (insertAt === 'start') {
    const sep = email && !/\s$/.test(sentence) ? (sentence.endsWith(',') ? '\n\n' : ' ') : ' ';
    return { label, start: first.start, end: first.start, text: sentence + sep };
  }
  if (insertAt === 'after-greeting') {
    if (body.length > 1 && isGreetingLine(first.text)) {
      const second = body[1]!;
      return { label, start: second.start, end: second.start, text: `${sentence} ` };
    }
    // A greeting sharing its line with the body ("Hi Dana, your parcel …") is still the greeting.
    const lead = greetingLead(first.text);
    if (lead > 0 && lead < first.text.length) {
      const at = first.start + lead;
      const next = text[at]!;
      // "Hi Rob, thank you for …": after a comma the inserted sentence goes on the greeting's line.
      const inserted = /,\s*$/.test(first.text.slice(0, lead)) ? lowerFirst(sentence) : sentence;
      // The body's first word now starts a sentence of its own: give it a capital.
      if (/[a-z]/.test(next) && !/^i\b/.test(text.slice(at))) {
        return { label, start: at, end: at + 1, text: `${inserted} ${next.toUpperCase()}` };
      }
      return { label, start: at, end: at, text: `${inserted} ` };
    }
    return { label, start: first.start, end: first.start, text: `${sentence} ` };
  }
  if (insertAt === 'before-closing' && body.length > 1 && ctx.endsWithSignOff) {
    const before = body[body.length - 2]!;
    const sep = text.slice(before.end, last.start).includes('\n') ? '\n\n' : ' ';
    return { label, start: last.start, end: last.start, text: sentence + sep };
  }
  const after = last.end;
  const sep = ctx.hasSignature && email ? '\n\n' : email && text.slice(first.end).includes('\n') ? '\n\n' : ' ';
  return { label, start: after, end: after, text: sep + sentence };
}
