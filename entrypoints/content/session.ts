import type { Finding, Linter, Report } from '../../src/engine';
import { readHostContext } from '../../src/host/context';
import { applyFix } from '../../src/host/fixes';
import { readEditor } from '../../src/host/text';
import type { HostContext, TextSnapshot, WatchedEditor } from '../../src/host/types';
import { UnderlinePainter } from '../../src/host/underlines';
import { scoreOf } from '../../src/engine/score';

/** How long typing must pause before the draft is linted again. */
export const LINT_DELAY_MS = 150;

/** A dismissed finding is remembered by its rule, its words and which occurrence it is. */
const keyOf = (f: Finding, nth: number) => `${f.ruleId}\u0000${f.actual}\u0000${nth}`;

/**
 * Coaching of one editor: reads its text, lints it after a pause in typing, paints the
 * underlines and applies fixes. Lives as long as the editor's element (and its draft) lives.
 */
export class EditorSession {
  snapshot: TextSnapshot | null = null;
  report: Report | null = null;
  /** Findings shown: the report's, minus dismissed ones and turned-off rules. */
  findings: Finding[] = [];
  context: HostContext | null = null;
  private readonly dismissed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly painter: UnderlinePainter;
  private readonly observer: MutationObserver | null;
  private readonly onInput = () => this.schedule();
  private readonly onPaste = () => setTimeout(() => this.lintNow(), 0);

  constructor(
    readonly editor: WatchedEditor,
    layer: HTMLElement,
    private readonly deps: {
      linter: () => Linter | null;
      disabledRules: () => ReadonlySet<string>;
      host: string;
      onUpdate(session: EditorSession): void;
      guard<T>(fn: () => T): T | undefined;
    },
  ) {
    this.painter = new UnderlinePainter(editor, layer);
    const el = editor.element;
    el.addEventListener('input', this.onInput);
    el.addEventListener('paste', this.onPaste);
    // Model editors (CKEditor) and scripts change the text without input events.
    this.observer = editor.kind === 'textarea' ? null : new MutationObserver(() => this.schedule());
    this.observer?.observe(el, { childList: true, characterData: true, subtree: true });
    // A textarea resized by its handle or by the page's layout: the mirror follows.
    this.resizeObserver = new ResizeObserver(() => this.deps.guard(() => this.painter.reposition()));
    this.resizeObserver.observe(el);
    el.addEventListener('scroll', this.onScroll, { passive: true });
  }

  private readonly resizeObserver: ResizeObserver;
  private readonly onScroll = () => this.deps.guard(() => this.painter.reposition());

  schedule(delay = LINT_DELAY_MS) {
    clearTimeout(this.timer);
    this.pending = true;
    this.timer = setTimeout(() => this.deps.guard(() => this.lintNow()), delay);
  }

  /** A lint is waiting for a pause in typing. */
  private pending = false;

  /** Lints now if typing left a lint waiting: the panel, a card or a fix must see the draft as it is. */
  flush() {
    if (this.pending) this.lintNow();
  }

  lintNow() {
    clearTimeout(this.timer);
    this.pending = false;
    const linter = this.deps.linter();
    if (!linter) return;
    const { editor } = this;
    const snapshot: TextSnapshot = readEditor(editor);
    const context: HostContext = readHostContext(editor, editor.element.ownerDocument, this.deps.host);
    this.snapshot = snapshot;
    this.context = context;
    if (context.internal) {
      // An internal note is not read by the customer: nothing to coach.
      this.report = null;
      this.findings = [];
    } else {
      this.report = linter.lint(snapshot.text, {
        channel: context.channel,
        customerMessage: context.customerMessage,
        customerName: context.customerName,
      });
      this.findings = this.visible(this.report.findings);
    }
    this.painter.paint(
      snapshot,
      this.findings.map((f) => ({
        start: f.start,
        end: f.end,
        level: f.level,
        missing: f.ruleId.startsWith('require-'),
      })),
    );
    this.deps.onUpdate(this);
  }

  /** The tone score of what is shown: turned-off rules and dismissed findings do not count. */
  get score(): number {
    return scoreOf(this.findings);
  }

  /** Dismissal keys of the shown findings, parallel to `findings`. */
  private keys: string[] = [];

  private visible(findings: Finding[]): Finding[] {
    const off = this.deps.disabledRules();
    const seen = new Map<string, number>();
    const shown: Finding[] = [];
    this.keys = [];
    for (const f of findings) {
      const base = `${f.ruleId}\u0000${f.actual}`;
      const nth = seen.get(base) ?? 0;
      seen.set(base, nth + 1);
      const key = keyOf(f, nth);
      if (off.has(f.ruleId) || this.dismissed.has(key)) continue;
      shown.push(f);
      this.keys.push(key);
    }
    return shown;
  }

  /** Hides one finding for as long as this draft lives. */
  dismiss(index: number) {
    const key = this.keys[index];
    if (key === undefined) return;
    this.dismissed.add(key);
    this.relint();
  }

  /** Re-filters and repaints after a change of turned-off rules or dismissals. */
  relint() {
    this.lintNow();
  }

  async applyFix(index: number, fixIndex: number): Promise<boolean> {
    let f = this.findings[index];
    // The draft changed since this finding was made (a click right after typing): find the same
    // finding in a fresh lint, so the fix lands on today's text, never on yesterday's offsets.
    if (f && this.snapshot && readEditor(this.editor).text !== this.snapshot.text) {
      const was = f;
      this.lintNow();
      f =
        this.findings.find((x) => x.ruleId === was.ruleId && x.actual === was.actual) ??
        this.findings.find((x) => x.ruleId === was.ruleId);
    }
    const fix = f?.fixes[fixIndex];
    if (!f || !fix || !this.snapshot) return false;
    const done = await applyFix(this.editor, this.snapshot, fix);
    this.schedule(0);
    return done;
  }

  rectsOf(index: number): DOMRect[] {
    return this.painter.rectsOf(index);
  }

  /** Findings under a viewport point, the most specific first. */
  hitsAt(x: number, y: number): number[] {
    return this.painter.hitsAt(x, y);
  }

  reposition() {
    this.painter.reposition();
  }

  destroy() {
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.resizeObserver.disconnect();
    this.editor.element.removeEventListener('scroll', this.onScroll);
    this.editor.element.removeEventListener('input', this.onInput);
    this.editor.element.removeEventListener('paste', this.onPaste);
    this.painter.clear();
  }
}
