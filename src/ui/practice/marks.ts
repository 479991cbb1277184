import type { Finding } from '../../engine';

/** A run of plain text, or a finding's mark around its own (possibly nested) content. */
export type MarkNode = string | { finding: Finding; index: number; children: MarkNode[] };

interface Piece {
  index: number;
  start: number;
  end: number;
}

const byPosition = (a: Piece, b: Piece) => a.start - b.start || b.end - a.end || a.index - b.index;

/**
 * Splits `text` into plain runs and marks, one mark per finding. A finding inside another is
 * nested in its mark; one that straddles another's end is cut in two so the markup stays a tree
 * and every character keeps its place (the mirror must wrap exactly like the textarea).
 */
export function buildMarks(text: string, findings: readonly Finding[]): MarkNode[] {
  const pieces: Piece[] = [];
  findings.forEach((f, index) => {
    const start = Math.max(0, Math.min(f.start, text.length));
    const end = Math.max(start, Math.min(f.end, text.length));
    pieces.push({ index, start, end });
  });
  return build(text, 0, text.length, pieces.sort(byPosition), findings);
}

function build(text: string, from: number, to: number, sorted: Piece[], findings: readonly Finding[]): MarkNode[] {
  const nodes: MarkNode[] = [];
  let pos = from;
  let pending = sorted;
  while (pending.length > 0) {
    const [p, ...others] = pending as [Piece, ...Piece[]];
    if (p.start > pos) nodes.push(text.slice(pos, p.start));
    const inside: Piece[] = [];
    const after: Piece[] = [];
    for (const q of others) {
      if (q.start >= p.end) after.push(q);
      else if (q.end <= p.end) inside.push(q);
      else {
        inside.push({ ...q, end: p.end });
        after.push({ ...q, start: p.end });
      }
    }
    nodes.push({
      finding: findings[p.index]!,
      index: p.index,
      children: build(text, p.start, p.end, inside, findings),
    });
    pos = Math.max(pos, p.end);
    pending = after.sort(byPosition);
  }
  if (pos < to) nodes.push(text.slice(pos, to));
  return nodes;
}
