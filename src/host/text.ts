import { SITE_SKIP } from './sites';
import type { DomPoint, TextSnapshot, WatchedEditor } from './types';

// Reading an editor's text for the engine, with a map from every text offset back to the DOM
// (to draw underlines and to select a span before a fix) and from DOM points to offsets (the
// caret, the point under the mouse).

/**
 * A textarea's text. A textarea has no DOM inside, so there is nothing to map to: offsets are
 * the value's own (what `selectionStart` and `setRangeText` use).
 */
export function readTextarea(el: HTMLTextAreaElement): TextSnapshot {
  return { text: el.value, toDom: () => null, toRange: () => null };
}

/** The text of any watched editor: the textarea's value or the contenteditable's reading. */
export function readEditor(editor: WatchedEditor): TextSnapshot {
  const el = editor.element;
  return editor.kind === 'textarea' ? readTextarea(el as HTMLTextAreaElement) : readEditable(el);
}

/** A stretch of the text that is a stretch of one text node's data. */
interface TextRun {
  kind: 'text';
  start: number;
  end: number;
  node: Text;
  /** Where the run begins in `node.data` (past CKEditor's inline filler). */
  from: number;
}

/**
 * A synthetic "\n" between two lines (a block boundary or a `<br>`); it has no characters in the
 * DOM, only positions: `before` ends the previous line, `after` starts the next one, and `mid`
 * is the first boundary crossed in between (the `<br>` or the block edge), which decides on
 * which side of the break a DOM point between `before` and `after` falls.
 */
interface BreakRun {
  kind: 'break';
  start: number;
  end: number;
  before: DomPoint;
  mid: DomPoint;
  after: DomPoint;
}

type Run = TextRun | BreakRun;

interface OffsetMap {
  root: HTMLElement;
  runs: Run[];
  byNode: Map<Text, TextRun>;
  /** Sibling indexes for point comparisons, filled on demand. */
  indexes?: WeakMap<Node, number>;
}

/** The maps behind editable snapshots, for `textOffsetOf`; the snapshot type stays plain data + functions. */
const maps = new WeakMap<TextSnapshot, OffsetMap>();

/** Elements separated from their neighbours by a line break (what browsers lay out as blocks). */
const BLOCKS = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LI',
  'MAIN',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TD',
  'TFOOT',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/** Blocks that never hold text: a boundary, but not an empty line of their own. */
const VOID_BLOCKS = new Set(['HR']);

/**
 * What is not the agent's own writing, or not text at all: quoted history, signatures, widgets,
 * hidden parts, and the UI CKEditor 5 (48.x) draws inside its editable — the fake selection
 * container (a "\u00a0" appended to the root while a widget is selected), the widget handles,
 * "type around" buttons and resizers, the clipboard drop marker, and any part it marks with
 * `data-cke-ignore-events` (embedded raw HTML).
 */
const SKIP = [
  // Every known site's quoted history and signatures: a reply pasted from Gmail into another
  // editor carries Gmail's markup with it.
  ...SITE_SKIP,
  'blockquote',
  '[contenteditable="false"]',
  '[hidden]',
  'script',
  'style',
  'template',
  'noscript',
  '.ck-fake-selection-container',
  '.ck-widget__type-around',
  '.ck-widget__selection-handle',
  '.ck-widget__resizer',
  '.ck-clipboard-drop-target-position',
  '[data-cke-ignore-events]',
].join(',');

/**
 * CKEditor 5 keeps seven word joiners at the start of a text node next to the caret while an
 * attribute (bold…) is pending; they are not text the agent wrote.
 */
const INLINE_FILLER = '\u2060'.repeat(7);

const isWhitespaceOnly = (s: string) => /^[ \t\n\r\f]*$/.test(s);

const isBlock = (node: Node | null): boolean =>
  node !== null && node.nodeType === Node.ELEMENT_NODE && BLOCKS.has((node as Element).tagName.toUpperCase());

const isBr = (node: Node | null): boolean =>
  node !== null && node.nodeType === Node.ELEMENT_NODE && (node as Element).tagName.toUpperCase() === 'BR';

/**
 * The node beside `node` in reading order within its line: its sibling, or its inline parent's
 * sibling; null at the edge of a block (or of the editor).
 */
function besideInLine(node: Node, root: Node, forward: boolean): Node | null {
  for (let n: Node = node; ; ) {
    const sibling = forward ? n.nextSibling : n.previousSibling;
    if (sibling) return sibling;
    const parent = n.parentNode;
    if (!parent || parent === root || isBlock(parent)) return null;
    n = parent;
  }
}

/**
 * Source formatting between blocks (`<div>a</div>\n  <div>b</div>`) renders as nothing: a
 * whitespace-only text node at a block edge or next to a block is left out. Whitespace between
 * inline elements (`<b>a</b> <i>b</i>`, `<b>a</b><i> </i>b`) is a real space and stays.
 */
function isFormattingWhitespace(node: Text, root: Node): boolean {
  if (!isWhitespaceOnly(node.data)) return false;
  const prev = besideInLine(node, root, false);
  const next = besideInLine(node, root, true);
  return prev === null || next === null || isBlock(prev) || isBr(prev) || isBlock(next);
}

/**
 * The text of a contenteditable root (Gmail body, plain contenteditable, CKEditor 5 editable)
 * as the agent reads it, with a map back to the DOM. In one pass over the DOM (O(n)):
 * - text nodes contribute their data (no-break spaces read as spaces: same length, and the
 *   engine's phrases match either way);
 * - blocks and `<br>` make lines, and lines are joined by exactly one "\n": Gmail's
 *   `<div>a</div><div><br></div><div>b</div>` and CKEditor's
 *   `<p>a</p><p><br data-cke-filler="true"></p><p>b</p>` both read "a\n\nb" (an empty block is an
 *   empty line; a `<br>` ending a line does not start another one, as in the browser's layout);
 * - quoted history, signatures, widgets, hidden parts and CKEditor's UI are left out (see SKIP);
 * - trailing empty lines are dropped, so the end of the text is the end of the last words
 *   written (where a closing line goes), not a blank line after the signature.
 *
 * `toDom(offset)` is the DOM point before the character at `offset` (for a synthetic "\n": the
 * end of the line it ends); `toRange(start, end)` is a Range whose `toString()` is the text
 * slice without its synthetic "\n"s (the Range ends where the next line starts when the slice
 * ends with one).
 */
export function readEditable(root: HTMLElement): TextSnapshot {
  const parts: string[] = [];
  const runs: Run[] = [];
  const byNode = new Map<Text, TextRun>();
  let length = 0;
  // Line state: a line is "open" once something (text, an empty block, a lone <br>) made it.
  // The "\n" between lines is written when the next line opens, so nothing trails the text.
  let open = false;
  let anyLineClosed = false;
  let lineEnd: DomPoint = { node: root, offset: 0 };
  let breakMid: DomPoint = lineEnd;
  let linesOpened = 0;
  let skipped = 0;

  const openLine = (at: DomPoint) => {
    if (anyLineClosed) {
      runs.push({ kind: 'break', start: length, end: length + 1, before: lineEnd, mid: breakMid, after: at });
      parts.push('\n');
      length += 1;
    }
    open = true;
    linesOpened += 1;
    lineEnd = at;
  };
  const closeLine = (mid: DomPoint) => {
    if (!open) return;
    open = false;
    anyLineClosed = true;
    breakMid = mid;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    const from = data.startsWith(INLINE_FILLER) ? INLINE_FILLER.length : 0;
    if (from >= data.length || isFormattingWhitespace(node, root)) return;
    if (!open) openLine({ node, offset: from });
    const slice = from ? data.slice(from) : data;
    const run: TextRun = { kind: 'text', start: length, end: length + slice.length, node, from };
    runs.push(run);
    byNode.set(node, run);
    parts.push(slice.includes('\u00a0') ? slice.replace(/\u00a0/g, ' ') : slice);
    length += slice.length;
    lineEnd = { node, offset: data.length };
  };

  const visitChildren = (parent: Node) => {
    let index = 0;
    for (let child = parent.firstChild; child; child = child.nextSibling, index++) {
      if (child.nodeType === Node.TEXT_NODE) visitText(child as Text);
      else if (child.nodeType === Node.ELEMENT_NODE) visitElement(child as Element, parent, index);
    }
  };

  const visitElement = (el: Element, parent: Node, index: number) => {
    const tag = el.tagName.toUpperCase();
    if (tag === 'BR') {
      // CKEditor's filler only gives an empty block its height: the block is the empty line.
      if (el.hasAttribute('data-cke-filler')) return;
      if (!open) openLine({ node: parent, offset: index });
      closeLine({ node: parent, offset: index + 1 });
      return;
    }
    const block = BLOCKS.has(tag);
    if (el.matches(SKIP)) {
      skipped += 1;
      if (block) closeLine({ node: parent, offset: index });
      return;
    }
    if (!block) {
      visitChildren(el);
      return;
    }
    closeLine({ node: parent, offset: index });
    const lines = linesOpened;
    const skips = skipped;
    visitChildren(el);
    // Nothing inside (or only a filler <br>): the block still shows as one empty line. A block
    // holding only skipped parts (a quote) shows those parts, not a blank line.
    if (linesOpened === lines && skipped === skips && !VOID_BLOCKS.has(tag)) openLine({ node: el, offset: 0 });
    closeLine({ node: parent, offset: index + 1 });
  };

  visitChildren(root);

  // Trailing empty lines (Gmail's blank lines before the signature) are not text.
  while (runs.length && runs[runs.length - 1]!.kind === 'break') {
    runs.pop();
    parts.pop();
    length -= 1;
  }

  const text = parts.join('');
  const map: OffsetMap = { root, runs, byNode };
  const snapshot: TextSnapshot = {
    text,
    toDom: (offset) => pointAt(map, length, offset),
    toRange: (start, end) => rangeOf(map, length, start, end),
  };
  maps.set(snapshot, map);
  return snapshot;
}

/** Index of the last run starting at or before `offset` (runs are sorted and contiguous). */
function runIndexAt(runs: Run[], offset: number): number {
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (runs[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

function endPointOf(run: Run): DomPoint {
  return run.kind === 'text' ? { node: run.node, offset: run.from + (run.end - run.start) } : run.after;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Number.isFinite(n) ? Math.trunc(n) : 0));

function pointAt(map: OffsetMap, length: number, offset: number): DomPoint {
  const { runs, root } = map;
  if (runs.length === 0) return { node: root, offset: 0 };
  const at = clamp(offset, 0, length);
  if (at === length) return endPointOf(runs[runs.length - 1]!);
  const run = runs[runIndexAt(runs, at)]!;
  return run.kind === 'text' ? { node: run.node, offset: run.from + (at - run.start) } : run.before;
}

/** Where a range ending at `offset` ends: inside the run holding the character before it. */
function endPointAt(map: OffsetMap, length: number, offset: number): DomPoint {
  const { runs, root } = map;
  if (runs.length === 0) return { node: root, offset: 0 };
  const at = clamp(offset, 0, length);
  if (at === 0) return pointAt(map, length, 0);
  const run = runs[runIndexAt(runs, at - 1)]!;
  return run.kind === 'text' ? { node: run.node, offset: run.from + (at - run.start) } : run.after;
}

function nodeLength(node: Node): number {
  return node.nodeType === Node.TEXT_NODE || node.nodeType === Node.COMMENT_NODE
    ? (node as CharacterData).data.length
    : node.childNodes.length;
}

function rangeOf(map: OffsetMap, length: number, start: number, end: number): Range | null {
  let a = clamp(start, 0, length);
  let b = clamp(end, 0, length);
  if (a > b) [a, b] = [b, a];
  const from = pointAt(map, length, a);
  const to = a === b ? from : endPointAt(map, length, b);
  try {
    const range = map.root.ownerDocument.createRange();
    // The page may have changed the DOM since the snapshot: never throw on a shortened node.
    range.setStart(from.node, Math.min(from.offset, nodeLength(from.node)));
    range.setEnd(to.node, Math.min(to.offset, nodeLength(to.node)));
    return range;
  } catch {
    return null;
  }
}

/**
 * Index of a node among its siblings. Indexes are computed for all the siblings at once and
 * kept for the snapshot's life, so the comparisons of a lookup do not each walk a long flat list
 * of paragraphs (a snapshot is read and used before the page changes again).
 */
type IndexCache = WeakMap<Node, number>;

function indexInParent(node: Node, cache?: IndexCache): number {
  const known = cache?.get(node);
  if (known !== undefined) return known;
  if (!cache || !node.parentNode) {
    let i = 0;
    for (let n = node.previousSibling; n; n = n.previousSibling) i++;
    return i;
  }
  let i = 0;
  for (let n = node.parentNode.firstChild; n; n = n.nextSibling) cache.set(n, i++);
  return cache.get(node) ?? 0;
}

/** The child of `ancestor` that contains (or is) `node`. */
function childOfAncestor(ancestor: Node, node: Node): Node {
  let n = node;
  while (n.parentNode && n.parentNode !== ancestor) n = n.parentNode;
  return n;
}

/** Document order of two boundary points, as the DOM standard defines it: <0, 0 or >0. */
export function comparePoints(a: DomPoint, b: DomPoint, cache?: IndexCache): number {
  if (a.node === b.node) return a.offset - b.offset;
  const rel = a.node.compareDocumentPosition(b.node);
  if (rel & Node.DOCUMENT_POSITION_CONTAINED_BY) {
    // b is inside a.node: a is after b when a's offset is past the child holding b.
    return indexInParent(childOfAncestor(a.node, b.node), cache) < a.offset ? 1 : -1;
  }
  if (rel & Node.DOCUMENT_POSITION_CONTAINS) {
    return indexInParent(childOfAncestor(b.node, a.node), cache) < b.offset ? -1 : 1;
  }
  return rel & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}

const startPointOf = (run: Run): DomPoint => (run.kind === 'text' ? { node: run.node, offset: run.from } : run.before);

/**
 * The text offset of a DOM point (the caret, a point under the mouse): the inverse of
 * `toDom`, so `textOffsetOf(s, s.toDom(i))` is `i`, and points in document order get offsets in
 * order. A point inside left-out parts (a quote, a widget) maps to an edge of the text around
 * it. Null when the point is outside the editor. For a textarea's snapshot the offset already is
 * a text offset (`selectionStart`): it is only clamped.
 */
export function textOffsetOf(snapshot: TextSnapshot, node: Node, offset: number): number | null {
  const length = snapshot.text.length;
  const map = maps.get(snapshot);
  if (!map) return clamp(offset, 0, length);
  const { runs, root, byNode } = map;
  if (node !== root && !root.contains(node)) return null;
  const own = node.nodeType === Node.TEXT_NODE ? byNode.get(node as Text) : undefined;
  if (own) return own.start + clamp(offset - own.from, 0, own.end - own.start);
  if (runs.length === 0) return 0;
  // Most element points (a line's block, the root between two blocks) sit right before some
  // text: follow first children down to it and answer without comparing points.
  let n: Node = node;
  let o = offset;
  for (let depth = 0; depth < 32 && n.nodeType === Node.ELEMENT_NODE; depth++) {
    const next: Node | undefined = n.childNodes[o];
    if (!next) break;
    if (next.nodeType === Node.TEXT_NODE) {
      const run = byNode.get(next as Text);
      if (run) return run.start;
      break;
    }
    if (next.nodeType !== Node.ELEMENT_NODE || (next as Element).matches(SKIP)) break;
    n = next;
    o = 0;
  }
  const point: DomPoint = { node, offset };
  map.indexes ??= new WeakMap();
  const cache = map.indexes;
  const cmp = (a: DomPoint, b: DomPoint) => comparePoints(a, b, cache);
  // The last run starting at or before the point (start points are in document order).
  if (cmp(startPointOf(runs[0]!), point) > 0) return 0;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cmp(startPointOf(runs[mid]!), point) <= 0) lo = mid;
    else hi = mid - 1;
  }
  const run = runs[lo]!;
  if (run.kind === 'text') return run.end;
  if (cmp(point, run.after) >= 0 || cmp(point, run.mid) >= 0) return run.end;
  return run.start;
}
