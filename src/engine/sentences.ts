/** A sentence (or a line that is not part of a longer sentence) of the reply. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** Where the scan that produced this segment began (a boundary of the splitter). */
  scanStart: number;
}

// Words that end with a period without ending the sentence.
const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sr',
  'jr',
  'st',
  'vs',
  'etc',
  'e.g',
  'i.e',
  'eg',
  'ie',
  'approx',
  'inc',
  'ltd',
  'co',
  'a.m',
  'p.m',
  'u.s',
  'u.k',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'ref',
  'tel',
  'ext',
  'dept',
  'min',
  'max',
]);

const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\u00a0';
const CLOSERS = new Set(['"', "'", ')', ']', '”', '’', '»']);

/** How far a boundary decision looks ahead ("No. 5"): edits this close to a boundary redo it. */
export const LOOKAHEAD = 4;

/**
 * Splits text into sentences and lines in one linear pass. Line breaks always end a segment,
 * because e-mail greetings, closings and signatures sit on their own lines. Segments are
 * trimmed; offsets point into `text`.
 */
export function splitSentences(text: string): Segment[] {
  const out: Segment[] = [];
  scanSegments(text, 0, out);
  return out;
}

/**
 * The splitter, resumable: scans from `from` (which must be a boundary) and appends segments to
 * `out`. After each boundary it asks `stopAt`; when that says yes, it returns the boundary.
 * A boundary resets all state, so scanning from one gives what a scan from the start would.
 */
export function scanSegments(
  text: string,
  from: number,
  out: Segment[],
  stopAt?: (boundary: number) => boolean,
): number | null {
  let segStart = from;
  const push = (end: number) => {
    let s = segStart;
    let e = end;
    while (s < e && (isSpace(text[s]!) || text[s] === '\n')) s++;
    while (e > s && (isSpace(text[e - 1]!) || text[e - 1] === '\n')) e--;
    if (e > s) out.push({ start: s, end: e, text: text.slice(s, e), scanStart: segStart });
  };
  const n = text.length;
  for (let i = from; i < n; i++) {
    const c = text[i]!;
    if (c === '\n' && continuesLine(text, i)) continue;
    if (c === '\n') {
      push(i);
      segStart = i + 1;
      if (stopAt?.(segStart)) return segStart;
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
    if (stopAt?.(segStart)) return segStart;
    i = j - 1;
  }
  push(n);
  return null;
}

/**
 * A line break inside a sentence, as hard-wrapped e-mail has ("I've checked your order and\nit
 * shipped"): the line ends in a word or a comma and the next line goes on in lower case.
 */
function continuesLine(text: string, at: number): boolean {
  let b = at - 1;
  while (b >= 0 && isSpace(text[b]!)) b--;
  const next = text[at + 1];
  return (
    b >= 0 &&
    /[\p{Ll}\p{N},]/u.test(text[b]!) &&
    next !== undefined &&
    /\p{Ll}/u.test(next) &&
    !/^\s*[-*•>]/.test(text.slice(at + 1, at + 3))
  );
}

/**
 * Where two texts differ: the length of their common prefix and of their common suffix (not
 * overlapping it). `[prefix, from.length - suffix)` of `from` became `[prefix, to.length - suffix)`.
 */
export function diffBounds(from: string, to: string): { prefix: number; suffix: number } {
  const max = Math.min(from.length, to.length);
  let prefix = 0;
  while (prefix < max && from.charCodeAt(prefix) === to.charCodeAt(prefix)) prefix++;
  let suffix = 0;
  while (suffix < max - prefix && from.charCodeAt(from.length - 1 - suffix) === to.charCodeAt(to.length - 1 - suffix)) {
    suffix++;
  }
  return { prefix, suffix };
}

/**
 * Re-splits `text` after an edit of `previousText`, reusing the previous segments before and
 * after the edited region: only the sentences around the edit are scanned again. `reused[k]` is
 * the index of the previous segment that segment k equals (moved by the edit), or -1.
 */
export function resplit(
  previousText: string,
  previous: Segment[],
  text: string,
): { segments: Segment[]; reused: number[] } {
  const { prefix, suffix } = diffBounds(previousText, text);
  const delta = text.length - previousText.length;
  const editEnd = text.length - suffix; // end of the edited region in the new text

  // Resume at the last boundary the edit cannot have moved (a boundary looks a little ahead).
  let lo = 0;
  let hi = previous.length - 1;
  let resume = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (previous[mid]!.scanStart + LOOKAHEAD <= prefix) {
      resume = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const from = resume >= 0 ? previous[resume]!.scanStart : 0;
  if (resume < 0) resume = 0;
  const segments = previous.slice(0, resume);
  const reused: number[] = segments.map((_, k) => k);
  // Stop at a boundary past the edit where the previous scan had a boundary too.
  let syncAt = -1;
  const stopped = scanSegments(text, from, segments, (b) => {
    if (b < editEnd + LOOKAHEAD) return false;
    syncAt = findScanStart(previous, b - delta);
    return syncAt >= 0;
  });
  while (reused.length < segments.length) reused.push(-1);
  if (stopped !== null && syncAt >= 0) {
    for (let k = syncAt; k < previous.length; k++) {
      const p = previous[k]!;
      reused.push(k);
      segments.push(
        delta === 0 ? p : { start: p.start + delta, end: p.end + delta, text: p.text, scanStart: p.scanStart + delta },
      );
    }
  }
  return { segments, reused };
}

/** Binary search for the segment whose scan began at `scanStart`; -1 when none did. */
function findScanStart(segments: Segment[], scanStart: number): number {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = segments[mid]!.scanStart;
    if (v === scanStart) return mid;
    if (v < scanStart) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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

const CONTACT =
  /__email__|\[(?:phone|name|email|address)\]|@|https?:\/\/|www\.|\+?\d[\d\s().-]{6,}\d|^(?:tel|telephone|mobile|phone|email|e-mail|fax)\b/i;
const TITLE_WORD = /^(?:[A-Z0-9][\w.'’&-]*|of|the|at|and|&|-|–|\||for|de|du|la|le|on|by|,)$/;

/**
 * Whether a segment at the end of a reply is part of a signature: agent initials ("^JS",
 * "-Becky"), contact lines (phone, e-mail, links), or a short line of capitalised words
 * ("Dana Smith", "General Manager", "Hotel Royal, Mumbai").
 */
export function looksLikeSignature(segmentText: string): boolean {
  const t = segmentText.trim();
  if (SIGNATURE_MARK.test(t)) return true;
  // "The Brightwave Team." or "Customer Care Team." is still a signature line.
  const titled = t.replace(/\.$/, '');
  if (t.endsWith('.') && !t.endsWith('..') && /\s/.test(titled) && !SIGN_OFF.test(t)) {
    const ws = titled.split(/\s+/);
    if (ws.length <= 5 && ws.every((w) => TITLE_WORD.test(w)) && /^[A-Z]/.test(titled)) return true;
  }
  if (/[.!?]$/.test(t) && !/\.\.$/.test(t)) return CONTACT.test(t) && t.split(/\s+/).length <= 6;
  if (CONTACT.test(t) && t.split(/\s+/).length <= 10) return true;
  const words = t.replace(/,/g, ' , ').split(/\s+/).filter(Boolean);
  if (words.length <= 4 && NAME_LINE.test(t)) return true;
  return words.length <= 9 && words.every((w) => TITLE_WORD.test(w)) && /^[A-Z]/.test(t);
}

const SIGN_OFF =
  /^(?:(?:with )?(?:best|kind|kindest|warm|warmest|many|sincere)?\s*(?:regards|wishes|thanks|sincerely|cheers|best|yours(?: sincerely| faithfully| truly)?|faithfully|rgds|regrads|respectfully|warmly)|thank you|thanks(?: again)?|best)\s*[,!.]?$/i;

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
