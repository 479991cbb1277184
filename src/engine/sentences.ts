/** A sentence (or a line that is not part of a longer sentence) of the reply. */
export interface Segment {
  start: number;
  end: number;
  text: string;
}

// Words that end with a period without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'eg', 'ie', 'no',
  'approx', 'inc', 'ltd', 'co', 'a.m', 'p.m', 'u.s', 'u.k', 'jan', 'feb', 'mar', 'apr', 'jun',
  'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'ref', 'tel', 'ext', 'dept', 'min', 'max',
]);

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0';
const CLOSERS = new Set(['"', "'", ')', ']', '”', '’', '»']);

/**
 * Splits text into sentences and lines in one linear pass. Line breaks always end a segment,
 * because e-mail greetings, closings and signatures sit on their own lines. Segments are
 * trimmed; offsets point into `text`.
 */
export function splitSentences(text: string): Segment[] {
  const out: Segment[] = [];
  let segStart = 0;
  const push = (end: number) => {
    let s = segStart;
    let e = end;
    while (s < e && (isSpace(text[s]!) || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]!) || text[e - 1] === '\n')) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e) });
  };
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i]!;
    if (c === '\n') {
      push(i);
      segStart = i + 1;
      continue;
    }
    if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;
    let j = i + 1;
    while (j < n && (text[j] === '.' || text[j] === '!' || text[j] === '?' || text[j] === '…')) j++;
    while (j < n && CLOSERS.has(text[j]!)) j++;
    if (j < n && !isSpace(text[j]!) && text[j] !== '\n') {
      i = j - 1;
      continue;
    }
    if (c === '.' && j === i + 1 && isAbbreviation(text, i)) continue;
    push(j);
    segStart = j;
    i = j - 1;
  }
  push(n);
  return out;
}

function isAbbreviation(text: string, dot: number): boolean {
  let k = dot;
  while (k > 0 && /[A-Za-z.]/.test(text[k - 1]!)) k--;
  const word = text.slice(k, dot).toLowerCase();
  // "No. 5" is a number; "No." on its own is an answer that ends a sentence.
  if (word === 'no') return /^\s*\d/.test(text.slice(dot + 1, dot + 4));
  if (ABBREVIATIONS.has(word)) return true;
  // A single capital letter ("J. Smith") is an initial, except the pronoun I.
  return word.length === 1 && /[A-HJ-Z]/.test(text[k]!);
}

/** Lines quoted from an earlier message ("> …") are not the writer's words. */
export const isQuotedLine = (segmentText: string) => segmentText.startsWith('>');

const SIGNATURE_MARK = /^(?:[-–—~^*/]\s*[A-Za-z][\w.]*(?:\s+[A-Za-z][\w.]*)?|\^?[A-Z]{1,3})\s*$/;
const NAME_LINE = /^(?:[A-Z][\w.'&-]*)(?:\s+(?:[A-Z][\w.'&-]*|of|the|at|&|-|\|))*,?$/;

const CONTACT = /__email__|\[(?:phone|name|email|address)\]|@|https?:\/\/|www\.|\+?\d[\d\s().-]{6,}\d|^(?:tel|telephone|mobile|phone|email|e-mail|fax)\b/i;
const TITLE_WORD = /^(?:[A-Z0-9][\w.'’&-]*|of|the|at|and|&|-|–|\||for|de|du|la|le|on|by|,)$/;

/**
 * Whether a segment at the end of a reply is part of a signature: agent initials ("^JS",
 * "-Becky"), contact lines (phone, e-mail, links), or a short line of capitalised words
 * ("Dana Smith", "General Manager", "Hotel Royal, Mumbai").
 */
export function looksLikeSignature(segmentText: string): boolean {
  const t = segmentText.trim();
  if (SIGNATURE_MARK.test(t)) return true;
  if (/[.!?]$/.test(t) && !/\.\.$/.test(t)) return CONTACT.test(t) && t.split(/\s+/).length <= 6;
  if (CONTACT.test(t) && t.split(/\s+/).length <= 10) return true;
  const words = t.replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
  if (words.length <= 4 && NAME_LINE.test(t)) return true;
  return words.length <= 9 && words.every((w) => TITLE_WORD.test(w)) && /^[A-Z]/.test(t);
}

const SIGN_OFF = /^(?:(?:with )?(?:best|kind|kindest|warm|warmest|many|sincere)?\s*(?:regards|wishes|thanks|sincerely|cheers|best|yours(?: sincerely| faithfully| truly)?|faithfully|rgds|regrads|respectfully|warmly)|thank you|thanks(?: again)?|best)\s*[,!.]?$/i;

/** A short closing formula on a line of its own ("Kind regards,", "Best,", "Thanks again!"). */
export function isSignOffLine(segmentText: string): boolean {
  const t = segmentText.trim();
  return t.length <= 30 && (SIGN_OFF.test(t) || (/,$/.test(t) && t.split(/\s+/).length <= 4));
}

/** Counts words the way a writer would (runs of letters or digits). */
export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
