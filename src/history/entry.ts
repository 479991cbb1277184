import type { Finding } from '../engine/types';
import type { HistoryEntry, Outcome } from './types';

/** Longest sentence kept: a run-on paste is cut around the flagged words. */
const MAX_SENTENCE = 600;
const END = /[.!?…]["'”’)\]]*(?=\s|$)/g;

/**
 * The sentence of `text` that holds `[start, end)`: from after the previous sentence end (or line
 * break) to the next one, trimmed. Only this sentence is kept, never the reply around it.
 */
export function sentenceAround(text: string, start: number, end: number): { sentence: string; offset: number } {
  let from = 0;
  END.lastIndex = 0;
  for (let m = END.exec(text); m && m.index + m[0].length <= start; m = END.exec(text)) from = m.index + m[0].length;
  const lineStart = text.lastIndexOf('\n', Math.max(0, start - 1));
  if (lineStart + 1 > from && lineStart < start) from = lineStart + 1;
  END.lastIndex = Math.max(end, from);
  const next = END.exec(text);
  let to = next ? next.index + next[0].length : text.length;
  const lineEnd = text.indexOf('\n', end);
  if (lineEnd >= 0 && lineEnd < to) to = lineEnd;
  while (from < start && /\s/.test(text[from]!)) from++;
  while (to > end && /\s/.test(text[to - 1]!)) to--;
  if (to - from > MAX_SENTENCE) {
    // Keep the flagged words with some context either side.
    const room = Math.max(0, MAX_SENTENCE - (end - start));
    from = Math.max(from, start - Math.floor(room / 2));
    to = Math.min(to, from + MAX_SENTENCE);
  }
  return { sentence: text.slice(from, to), offset: from };
}

/** A history entry for `finding` in `text`: its sentence, where the words are, the first fix's sentence. */
export function historyEntry(
  finding: Finding,
  text: string,
  site: string,
  outcome: Outcome,
  at = Date.now(),
): HistoryEntry {
  const { sentence, offset } = sentenceAround(text, finding.start, finding.end);
  const start = Math.min(sentence.length, Math.max(0, finding.start - offset));
  const end = Math.min(sentence.length, Math.max(start, finding.end - offset));
  const fix = finding.fixes[0];
  let suggestion: string | undefined;
  if (fix && fix.start >= offset && fix.end <= offset + sentence.length) {
    suggestion = sentence.slice(0, fix.start - offset) + fix.text + sentence.slice(fix.end - offset);
  }
  return { ruleId: finding.ruleId, level: finding.level, sentence, start, end, suggestion, site, at, outcome };
}
