import type { Level } from '../engine';
import { LEVEL_COLOR } from '../ui/levels';
import type { TextSnapshot, WatchedEditor } from './types';

/** One span to underline, in offsets of the snapshot's text. */
export interface Underline {
  start: number;
  end: number;
  level: Level;
  /** Marks where something is missing (a require-* rule): drawn dotted and beneath the others. */
  missing?: boolean;
}

const LEVELS: Level[] = ['error', 'warning', 'info'];
// Drawn on the host page, whose theme Tactful does not know: the level's middle tone.
const COLORS: Record<Level, string> = {
  error: LEVEL_COLOR.error.page,
  warning: LEVEL_COLOR.warning.page,
  info: LEVEL_COLOR.info.page,
};
const highlightName = (level: Level, missing = false) => `tactful-${missing ? 'missing-' : ''}${level}`;
// A phrase to change is drawn over a sentence that only lacks something; errors over the rest.
const PRIORITY: Record<Level, number> = { error: 6, warning: 5, info: 4 };

interface HighlightRegistryLike {
  get(name: string): { add(r: AbstractRange): void; delete(r: AbstractRange): void } | undefined;
  set(name: string, h: unknown): void;
}
declare const Highlight: {
  new (...ranges: AbstractRange[]): { add(r: AbstractRange): void; delete(r: AbstractRange): void; priority: number };
};

const widthOf = (u: Underline) => u.end - u.start;

/** Orders underlines from the most specific: words over a missing piece, level, then width. */
export function compareSpecificity(a: Underline, b: Underline): number {
  return Number(!!a.missing) - Number(!!b.missing) || PRIORITY[b.level] - PRIORITY[a.level] || widthOf(a) - widthOf(b);
}

/** The page's highlight registry when the CSS Custom Highlight API is there. */
function registry(): HighlightRegistryLike | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistryLike } }).CSS;
  return css?.highlights && typeof Highlight === 'function' ? css.highlights : null;
}

let highlightStyleAdded = false;
/** `::highlight()` rules must live in the page's own style sheets: add them once. */
function ensureHighlightStyle(doc: Document) {
  if (highlightStyleAdded) return;
  highlightStyleAdded = true;
  const sheet = new doc.defaultView!.CSSStyleSheet();
  sheet.replaceSync(
    LEVELS.flatMap((l) => [
      `::highlight(${highlightName(l)}){text-decoration:underline wavy ${COLORS[l]};text-decoration-skip-ink:none;text-underline-offset:3px;text-decoration-thickness:1.5px}`,
      `::highlight(${highlightName(l, true)}){text-decoration:underline dotted ${COLORS[l]};text-decoration-skip-ink:none;text-underline-offset:4px;text-decoration-thickness:1.5px}`,
    ]).join('\n'),
  );
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
}

/**
 * Draws underlines without touching the editor's DOM. Rich editors get CSS Custom Highlights
 * (ranges stay attached to the text through typing, wrapping and scrolling), or boxes from
 * `Range.getClientRects()` in Tactful's shadow root where the API is missing. A textarea has no
 * DOM inside, so a transparent mirror with the same font and box sits over it.
 */
export class UnderlinePainter {
  /** Parallel to the underlines; `drawn` is false for a range shared with an earlier one. */
  private ranges: Array<{ range: Range; name: string; drawn: boolean } | null> = [];
  private underlines: Underline[] = [];
  private mirror: HTMLDivElement | null = null;
  private boxes: HTMLDivElement | null = null;
  /** Parallel to the underlines: the mirror's pieces of each (overlaps split them). */
  private spans: HTMLElement[][] = [];

  constructor(
    private readonly editor: WatchedEditor,
    private readonly layer: HTMLElement,
  ) {}

  paint(snapshot: TextSnapshot, underlines: Underline[]) {
    this.clear();
    this.underlines = underlines;
    if (this.editor.kind === 'textarea') return this.paintMirror(snapshot.text, underlines);
    const reg = registry();
    // Two findings over the same words in the same style share one range: one highlight each.
    const shared = new Map<string, Range>();
    for (const u of underlines) {
      const name = highlightName(u.level, u.missing);
      const key = `${name}:${u.start}:${u.end}`;
      const known = shared.get(key);
      const range = known ?? snapshot.toRange(u.start, u.end);
      if (!range) {
        this.ranges.push(null);
        continue;
      }
      this.ranges.push({ range, name, drawn: !known });
      shared.set(key, range);
    }
    if (reg) {
      ensureHighlightStyle(this.editor.element.ownerDocument);
      for (const entry of this.ranges) {
        if (!entry?.drawn) continue;
        const { range, name } = entry;
        let h = reg.get(name);
        if (!h) {
          const created = new Highlight();
          const level = name.replace(/^tactful-(missing-)?/, '') as Level;
          created.priority = PRIORITY[level] - (name.includes('missing') ? 3 : 0);
          reg.set(name, created);
          h = created;
        }
        h.add(range);
      }
    } else this.paintBoxes();
  }

  /** Viewport rectangles of underline `i` (for the card's position and hit testing). */
  rectsOf(i: number): DOMRect[] {
    if (this.editor.kind === 'textarea') return (this.spans[i] ?? []).flatMap((span) => [...span.getClientRects()]);
    const r = this.ranges[i];
    return r ? [...r.range.getClientRects()] : [];
  }

  /**
   * Every underline under a viewport point, the most specific first: words to change before a
   * sentence that only lacks something, a higher level before a lower, a shorter span first.
   */
  hitsAt(x: number, y: number): number[] {
    const hits: number[] = [];
    for (let i = 0; i < this.underlines.length; i++) {
      if (this.rectsOf(i).some((r) => x >= r.left && x <= r.right && y >= r.top - 2 && y <= r.bottom + 3)) hits.push(i);
    }
    return hits.sort((a, b) => compareSpecificity(this.underlines[a]!, this.underlines[b]!) || a - b);
  }

  /** The most specific underline under a viewport point, if any. */
  hitTest(x: number, y: number): number | null {
    return this.hitsAt(x, y)[0] ?? null;
  }

  /** Keeps overlays (mirror, boxes) on the text after scrolling, resizing or zooming. */
  reposition() {
    if (this.mirror) this.placeMirror();
    if (this.boxes) this.paintBoxes();
  }

  clear() {
    const reg = registry();
    if (reg) {
      for (const entry of this.ranges) if (entry?.drawn) reg.get(entry.name)?.delete(entry.range);
    }
    this.ranges = [];
    this.spans = [];
    this.underlines = [];
    this.mirror?.remove();
    this.mirror = null;
    this.boxes?.remove();
    this.boxes = null;
  }

  private paintBoxes() {
    this.boxes?.remove();
    const boxes = document.createElement('div');
    boxes.className = 'tactful-boxes';
    for (const entry of this.ranges) {
      if (!entry?.drawn) continue;
      const { range, name } = entry;
      for (const r of range.getClientRects()) {
        const b = document.createElement('div');
        b.className = `tactful-box ${name.replace('missing-', '')}`;
        Object.assign(b.style, { left: `${r.left}px`, top: `${r.bottom - 3}px`, width: `${r.width}px` });
        boxes.append(b);
      }
    }
    this.layer.append(boxes);
    this.boxes = boxes;
  }

  private paintMirror(text: string, underlines: Underline[]) {
    const mirror = document.createElement('div');
    mirror.className = 'tactful-mirror';
    mirror.setAttribute('aria-hidden', 'true');
    this.spans = underlines.map(() => []);
    // Overlapping underlines (a phrase inside a sentence that lacks something) must all show, as
    // they do with highlights: cut the text where any underline starts or ends, and wrap each
    // piece in one span per underline covering it, the widest outermost.
    const cuts = [...new Set([0, text.length, ...underlines.flatMap((u) => [u.start, u.end])])]
      .filter((c) => c >= 0 && c <= text.length)
      .sort((a, b) => a - b);
    const order = underlines
      .map((_, i) => i)
      .sort((a, b) => widthOf(underlines[b]!) - widthOf(underlines[a]!) || a - b);
    for (let k = 0; k + 1 < cuts.length; k++) {
      const from = cuts[k]!;
      const to = cuts[k + 1]!;
      const piece = text.slice(from, to);
      const covering = order.filter((i) => underlines[i]!.start <= from && underlines[i]!.end >= to);
      let node: Node = document.createTextNode(piece);
      for (const i of covering.reverse()) {
        const u = underlines[i]!;
        const span = document.createElement('span');
        span.className = `tactful-u tactful-${u.level}${u.missing ? ' tactful-missing' : ''}`;
        span.append(node);
        this.spans[i]!.push(span);
        node = span;
      }
      mirror.append(node);
    }
    // A trailing newline needs a character after it to take up its line, as in the textarea.
    mirror.append('\u200b');
    this.layer.append(mirror);
    this.mirror = mirror;
    this.placeMirror();
  }

  private placeMirror() {
    const el = this.editor.element as HTMLTextAreaElement;
    const m = this.mirror!;
    const cs = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    const copy = [
      'fontFamily',
      'fontSize',
      'fontWeight',
      'fontStyle',
      'fontVariant',
      'fontStretch',
      'lineHeight',
      'letterSpacing',
      'wordSpacing',
      'textIndent',
      'textTransform',
      'textAlign',
      'direction',
      'tabSize',
      'paddingTop',
      'paddingRight',
      'paddingBottom',
      'paddingLeft',
      'borderTopWidth',
      'borderRightWidth',
      'borderBottomWidth',
      'borderLeftWidth',
      'boxSizing',
      'whiteSpace',
      'overflowWrap',
      'wordBreak',
    ] as const;
    for (const p of copy) (m.style as unknown as Record<string, string>)[p] = cs[p] as string;
    Object.assign(m.style, {
      left: `${r.left}px`,
      top: `${r.top}px`,
      width: `${r.width}px`,
      height: `${r.height}px`,
      whiteSpace: cs.whiteSpace === 'normal' ? 'pre-wrap' : cs.whiteSpace,
      borderStyle: 'solid',
      borderColor: 'transparent',
      // The textarea's scrollbar takes width from its content box: keep the same wrap width.
      overflowY: el.scrollHeight > el.clientHeight ? 'scroll' : 'hidden',
    });
    m.scrollTop = el.scrollTop;
    m.scrollLeft = el.scrollLeft;
  }
}

/** CSS for the overlay parts drawn in Tactful's shadow root. */
export const underlineCss = `
.tactful-mirror{position:fixed;margin:0;color:transparent;background:transparent;overflow:hidden;pointer-events:none;scrollbar-color:transparent transparent;}
.tactful-mirror::-webkit-scrollbar{background:transparent;}
.tactful-u{text-decoration:underline wavy;text-decoration-skip-ink:none;text-underline-offset:3px;text-decoration-thickness:1.5px;}
.tactful-u.tactful-error{text-decoration-color:${COLORS.error}}
.tactful-u.tactful-warning{text-decoration-color:${COLORS.warning}}
.tactful-u.tactful-info{text-decoration-color:${COLORS.info}}
.tactful-u.tactful-missing{text-decoration-style:dotted;text-underline-offset:4px}
.tactful-box{position:fixed;height:3px;pointer-events:none;border-bottom:2px dotted;}
.tactful-box.tactful-error{border-color:${COLORS.error}}
.tactful-box.tactful-warning{border-color:${COLORS.warning}}
.tactful-box.tactful-info{border-color:${COLORS.info}}
`;
