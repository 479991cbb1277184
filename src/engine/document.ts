import type { Hit } from './patterns';
import type { Segment } from './sentences';
import type { Finding, Fix, LintOptions, PatternEntry, Rule, Zone } from './types';

/** What one sentence contributes, computed once per distinct sentence text and cached. */
export interface SentenceFacts {
  /** Hits per pattern group, indexed like the linter's pattern groups. */
  hits: Hit[][];
  /** Facts the check modules compute per sentence (e.g. a classifier's probability), by slot. */
  computed: unknown[];
  sentiment: number;
  words: number;
  question: boolean;
  quoted: boolean;
  signatureLike: boolean;
  /** A short closing formula on its own line ("Kind regards,", "Best,"). */
  signOff: boolean;
  /** Quoted passages inside the sentence ("you said 'it is broken'"), never flagged. */
  quotes: Array<[number, number]>;
  /** Set on a sentence the lint ran out of time before reading: never cached or reused. */
  unread?: true;
}

/** The reply as a sequence of analysed sentences, with its opening, closing and signature. */
export class DocumentView {
  /** Indexes of the writer's own sentences (not quoted lines), in order. */
  readonly content: number[] = [];
  /** Indexes of the trailing signature sentences. */
  readonly signature: number[] = [];
  readonly words: number;

  constructor(
    readonly text: string,
    readonly segments: Segment[],
    readonly facts: SentenceFacts[],
    readonly options: LintOptions,
  ) {
    let words = 0;
    facts.forEach((f, i) => {
      if (!f.quoted) {
        this.content.push(i);
        words += f.words;
      }
    });
    this.words = words;
    // Trailing lines that look like a signature, but never the whole reply.
    for (let k = this.content.length - 1; k > 0 && this.signature.length < 8; k--) {
      const i = this.content[k]!;
      if (!facts[i]!.signatureLike) break;
      this.signature.unshift(i);
    }
    // A sign-off line ("Kind regards,") starts the signature, whatever the lines after it say.
    const n = this.content.length;
    for (let k = n - 1 - this.signature.length; k > 0 && k >= n - 8; k--) {
      const i = this.content[k]!;
      if (facts[i]!.signOff) {
        this.signature.splice(0, 0, ...this.content.slice(k, n - this.signature.length)); // at most 8
        break;
      }
      if (facts[i]!.words > 10 || /[.!?]$/.test(segments[i]!.text)) break;
    }
  }

  private positions?: Map<number, number>;

  /** Where sentence `i` sits among the content sentences (built once per lint, not per rule). */
  positionOf(i: number): number {
    this.positions ??= new Map(this.content.map((seg, k) => [seg, k]));
    return this.positions.get(i)!;
  }

  /** Content sentences before the signature. */
  get body(): number[] {
    return this.content.slice(0, this.content.length - this.signature.length);
  }

  zone(zone: Zone): number[] {
    if (zone === 'anywhere') return this.content;
    const body = this.body;
    if (zone === 'opening') return body.slice(0, 1);
    // The closing line is the last sentence before the signature.
    return [...body.slice(-1), ...this.signature];
  }
}

/** Where sentence `i`'s hits sit in the text: the longest of overlapping ones, none inside quotes. */
export function spansOf(doc: DocumentView, i: number, hits: Hit[]): Hit[] {
  const f = doc.facts[i]!;
  const at = doc.segments[i]!.start;
  const quotes = f.quotes;
  const out: Hit[] = [];
  // Hits and quotes are both in text order and quotes do not overlap: one pass over each.
  let q = 0;
  for (const h of longestFirst(hits)) {
    while (q < quotes.length && quotes[q]![1] < h.end) q++;
    // Only the first quote ending at or after the hit's end can hold it.
    if (q < quotes.length && quotes[q]![0] <= h.start && h.end <= quotes[q]![1]) continue;
    out.push({ ...h, start: at + h.start, end: at + h.end });
  }
  return out;
}

/** The text with its quoted spans turned into spaces (same length), in one pass. */
export function blankQuotes(text: string, quotes: ReadonlyArray<[number, number]>): string {
  if (quotes.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const [qs, qe] of quotes) {
    parts.push(text.slice(at, qs), ' '.repeat(qe - qs));
    at = qe;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function finding(rule: Rule, start: number, end: number, actual: string, fixes: Fix[]): Finding {
  return { ruleId: rule.id, level: rule.level, message: rule.message, why: rule.why, start, end, actual, fixes };
}

export const patternSource = (p: PatternEntry | undefined) => (p === undefined || typeof p === 'string' ? p : p.match);

export const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/** Keeps the longest of overlapping hits, in text order. */
export function longestFirst(hits: Hit[]): Hit[] {
  const sorted = [...hits].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Hit[] = [];
  for (const h of sorted) {
    const prev = out[out.length - 1];
    if (prev && h.start < prev.end) {
      if (h.end - h.start > prev.end - prev.start) out[out.length - 1] = h;
      continue;
    }
    out.push(h);
  }
  return out;
}

/** Spans between matching quotation marks inside a sentence. */
export function findQuotes(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*”|"[^"]*"|(?<!\w)'[^']{3,}'(?!\w)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}
