import type { LintOptions, Report } from '../../src/engine';
import type { HistoryEntry, ReplyScore } from '../../src/history/types';
import { watchEditors, findEditors, editorKindOf } from '../../src/host/editors';
import type { WatchedEditor } from '../../src/host/types';
import { createCoachStore, type CoachStore, type Position } from '../../src/state/coach';
import { EditorSession } from './session';
import { createOverlay, type Overlay } from './overlay';
import { fromUser, guard } from '../../src/host/guard';
import type { CoachIntents } from '../../src/state/coach';

/**
 * Whether a key press is the browser's shortcut for "next suggestion" ("Alt+Shift+N", as
 * `commands.getAll()` reports it). The browser usually takes the key itself and sends the
 * command; this catches it where the page still receives the key.
 */
export function matchesShortcut(e: KeyboardEvent, shortcut: string | null): boolean {
  if (!shortcut) return false;
  const parts = shortcut.split('+').map((p) => p.trim().toLowerCase());
  const key = parts[parts.length - 1] ?? '';
  const has = (m: string) => parts.includes(m);
  const code = /^[a-z]$/.test(key) ? `Key${key.toUpperCase()}` : /^[0-9]$/.test(key) ? `Digit${key}` : key;
  return (
    e.altKey === has('alt') &&
    e.shiftKey === has('shift') &&
    e.ctrlKey === (has('ctrl') || has('macctrl')) &&
    e.metaKey === has('command') &&
    (e.code.toLowerCase() === code.toLowerCase() || e.key.toLowerCase() === key)
  );
}
const HOVER_DELAY_MS = 350;
const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export interface ControllerDeps {
  host: string;
  /** The engine, in the extension's own context: lints one editor's draft (see engine-client.ts). */
  engine: {
    lint(editor: number, text: string, options: LintOptions): Promise<Report | null>;
    close(editor: number): void;
  };
  disabledRules(): ReadonlySet<string>;
  disableRule(ruleId: string): void;
  /** Phrase keys the agent asked never to be flagged for, and how to add one. */
  ignoredPhrases(): ReadonlySet<string>;
  ignorePhrase(ruleId: string, phrase: string): void;
  /** Keeps what became of findings the agent saw (the trainee's history, in the background). */
  record(entries: HistoryEntry[], reply?: ReplyScore): void;
  onReport(summary: { count: number; worst: 'error' | 'warning' | 'info' | null }): void;
}

/**
 * Tactful on one page: watches for editors, starts a session when one is first focused, keeps
 * the badge and card beside the active editor, and turns intents from the UI into actions.
 */
export class PageCoach implements CoachIntents {
  readonly store: CoachStore = createCoachStore();
  private readonly sessions = new Map<HTMLElement, EditorSession>();
  private readonly editors = new Map<HTMLElement, WatchedEditor>();
  private active: EditorSession | null = null;
  private overlay: Overlay | null = null;
  private stopWatching: (() => void) | null = null;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private frame = 0;
  /** Everything `start()` listens to; `stop()` is one abort. */
  private running: AbortController | null = null;
  /** Ids of editors on the engine's port. */
  private readonly ids = new WeakMap<EditorSession, number>();
  private nextId = 1;

  constructor(private readonly deps: ControllerDeps) {}

  start() {
    this.running = new AbortController();
    for (const e of findEditors(document)) this.editors.set(e.element, e);
    this.stopWatching = watchEditors(
      document,
      (e: WatchedEditor) => this.editors.set(e.element, e),
      (e: WatchedEditor) => this.forget(e.element),
    );
    this.on(document, 'focusin', (ev) => this.onFocus(ev as FocusEvent), { capture: true });
    this.on(document, 'mousemove', (ev) => this.onMouseMove(ev as MouseEvent), { capture: true, passive: true });
    this.on(document, 'click', (ev) => this.onClick(ev as MouseEvent), { capture: true });
    this.on(document, 'keydown', (ev) => this.onKeyDown(ev as KeyboardEvent), { capture: true });
    this.on(window, 'scroll', () => this.schedulePositions(), { capture: true, passive: true });
    this.on(window, 'resize', () => this.schedulePositions(), { passive: true });
    // Leaving the page (or the tab closing) ends every draft here: their history goes now.
    this.on(window, 'pagehide', () => this.finishAll(), {});
    // An editor that already has focus when Tactful starts (e.g. turned on from the popup).
    const focused = document.activeElement;
    if (focused instanceof HTMLElement) guard(() => this.activate(focused));
  }

  stop() {
    cancelAnimationFrame(this.pointerFrame);
    cancelAnimationFrame(this.frame);
    this.pointerFrame = this.frame = 0;
    clearTimeout(this.hoverTimer);
    this.stopWatching?.();
    this.running?.abort();
    this.running = null;
    for (const s of this.sessions.values()) this.destroySession(s);
    this.sessions.clear();
    this.active = null;
    this.overlay?.destroy();
    this.overlay = null;
    this.deps.onReport({ count: 0, worst: null });
  }

  /** The active editor's report, for the popup. */
  summary() {
    const sessions = [...this.sessions.values()];
    const s = this.active ?? sessions[0] ?? null;
    return { editors: sessions.length, report: s ? this.reportOf(s) : null };
  }

  /** A report the engine pushed for editor `id` (the rule set in force changed). */
  pushed(id: number, report: Report, text: string) {
    for (const s of this.sessions.values()) if (this.ids.get(s) === id) guard(() => s.showPushed(report, text));
  }

  /** Rules turned off elsewhere (popup, another tab): re-filter every session. */
  refresh() {
    for (const s of this.sessions.values()) guard(() => s.relint());
  }

  private on(target: EventTarget, type: string, fn: (e: Event) => void, opts: AddEventListenerOptions) {
    target.addEventListener(type, (e: Event) => void guard(() => fn(e)), { ...opts, signal: this.running?.signal });
  }

  private destroySession(s: EditorSession) {
    s.destroy();
    const id = this.ids.get(s);
    if (id !== undefined) this.deps.engine.close(id);
  }

  private forget(el: HTMLElement) {
    this.editors.delete(el);
    const s = this.sessions.get(el);
    if (!s) return;
    this.destroySession(s);
    this.sessions.delete(el);
    if (this.active === s) {
      this.active = null;
      this.store.setState({ report: null, openFindingIndex: null, panelOpen: false, badgePosition: null });
    }
  }

  /** The watched editor an element belongs to (focus lands on the editor or inside it). */
  private editorOf(target: EventTarget | null): WatchedEditor | null {
    let el = target instanceof Node ? (target instanceof HTMLElement ? target : target.parentElement) : null;
    while (el) {
      const known = this.editors.get(el);
      if (known) return known;
      el = el.parentElement;
    }
    return null;
  }

  private onFocus(ev: FocusEvent) {
    if (this.overlay?.contains(ev.target as Node)) return;
    // Focus inside an open shadow root is retargeted to its host: the real target comes first.
    this.activate(ev.composedPath()[0] ?? ev.target);
  }

  private activate(target: EventTarget | null) {
    let editor = this.editorOf(target);
    if (!editor && target instanceof HTMLElement && editorKindOf(target)) {
      // Seen before the observer reported it.
      for (const e of findEditors(target.parentElement ?? document)) this.editors.set(e.element, e);
      editor = this.editorOf(target);
    }
    if (!editor) return;
    let session = this.sessions.get(editor.element);
    if (!session) {
      this.overlay ??= createOverlay(this.store, this);
      const id = this.nextId++;
      session = new EditorSession(editor, this.overlay.underlineLayer, {
        lint: (text, options) => this.deps.engine.lint(id, text, options),
        disabledRules: this.deps.disabledRules,
        ignoredPhrases: this.deps.ignoredPhrases,
        record: this.deps.record,
        host: this.deps.host,
        onUpdate: (s) => this.onSessionUpdate(s),
        guard,
      });
      this.ids.set(session, id);
      this.sessions.set(editor.element, session);
    }
    if (this.active !== session) {
      this.active = session;
      this.store.setState({
        openFindingIndex: null,
        panelOpen: false,
        report: session.report ? this.reportOf(session) : null,
      });
    }
    this.schedulePositions();
    if (!session.report) session.schedule(0);
  }

  private reportOf(s: EditorSession) {
    if (!s.report) return null;
    const { incomplete } = s.report;
    return { findings: s.findings, score: s.score, ...(incomplete ? { incomplete } : {}) };
  }

  private onSessionUpdate(s: EditorSession) {
    if (s === this.active) {
      // A new report can add or drop findings before the open one: follow it by what it is.
      const { openFindingIndex, report } = this.store.getState();
      const open = openFindingIndex !== null ? report?.findings[openFindingIndex] : undefined;
      let index: number | null = null;
      if (open) {
        let best = Infinity;
        // Same rule, nearest place; the same words count as closer (a reply-level finding's
        // anchor sentence changes as the writer types, its rule does not).
        s.findings.forEach((f, i) => {
          if (f.ruleId !== open.ruleId) return;
          const distance = Math.abs(f.start - open.start) + (f.actual === open.actual ? 0 : 1000);
          if (distance < best) {
            best = distance;
            index = i;
          }
        });
      }
      this.store.setState({ report: this.reportOf(s), openFindingIndex: index });
      this.schedulePositions();
    }
    const all = [...this.sessions.values()].flatMap((x) => x.findings);
    const worst = all.some((f) => f.level === 'error')
      ? 'error'
      : all.some((f) => f.level === 'warning')
        ? 'warning'
        : all.length
          ? 'info'
          : null;
    this.deps.onReport({ count: all.length, worst });
  }

  // ---- pointer and keyboard -------------------------------------------------------------

  private pointer: { x: number; y: number; overOverlay: boolean } | null = null;
  private pointerFrame = 0;

  private onMouseMove(ev: MouseEvent) {
    if (!this.active) return;
    // Hit testing reads layout: at most once per frame, however fast the mouse moves.
    this.pointer = { x: ev.clientX, y: ev.clientY, overOverlay: !!this.overlay?.contains(ev.target as Node) };
    this.pointerFrame ||= requestAnimationFrame(() => {
      this.pointerFrame = 0;
      guard(() => this.hoverAt());
    });
  }

  private hoverAt() {
    const s = this.active;
    const p = this.pointer;
    if (!s || !p || p.overOverlay) return;
    clearTimeout(this.hoverTimer);
    const here = s.hitsAt(p.x, p.y);
    const { openFindingIndex, hereIndexes } = this.store.getState();
    // Still over the open card's findings: leave it (the writer may be cycling through them).
    if (
      here.length === 0 ||
      (openFindingIndex !== null && here.includes(openFindingIndex) && sameList(here, hereIndexes))
    )
      return;
    this.hoverTimer = setTimeout(() => guard(() => this.openCard(here[0]!, false, here)), HOVER_DELAY_MS);
  }

  private onClick(ev: MouseEvent) {
    if (!fromUser(ev) || this.overlay?.contains(ev.target as Node)) return;
    const s = this.active;
    const here = s && this.editorOf(ev.target) === s.editor ? s.hitsAt(ev.clientX, ev.clientY) : [];
    if (here.length > 0) this.openCard(here[0]!, false, here);
    else if (this.store.getState().openFindingIndex !== null) this.closeCard(false);
  }

  private onKeyDown(ev: KeyboardEvent) {
    if (!fromUser(ev)) return;
    if (
      ev.key === 'Escape' &&
      this.store.getState().openFindingIndex !== null &&
      !this.overlay?.contains(ev.target as Node)
    ) {
      // A card opened by the mouse, while focus stays in the editor: Escape closes it, and only it.
      ev.preventDefault();
      ev.stopPropagation();
      this.closeCard(false);
      return;
    }
    if (!matchesShortcut(ev, this.store.getState().shortcut)) return;
    if (!this.active || this.active.findings.length === 0) return;
    ev.preventDefault();
    ev.stopPropagation();
    this.nextFinding();
  }

  /** Opens the card of the next finding after the caret (the shortcut, or the browser command). */
  async nextFinding() {
    await this.active?.flush();
    const s = this.active;
    if (!s || s.findings.length === 0) return;
    const { openFindingIndex } = this.store.getState();
    const next = openFindingIndex === null ? this.firstAfterCaret(s) : (openFindingIndex + 1) % s.findings.length;
    this.openCard(next, true);
  }

  private firstAfterCaret(s: EditorSession): number {
    const el = s.editor.element;
    const caret = el instanceof HTMLTextAreaElement ? el.selectionStart : 0;
    const i = s.findings.findIndex((f) => f.end > caret);
    return Math.max(i, 0);
  }

  // ---- intents from the UI -------------------------------------------------------------

  /** `here`: every finding under the pointer, most specific first (the card offers the rest). */
  openCard(index: number, fromKeyboard: boolean, here: number[] = [index]) {
    this.store.setState({ openFindingIndex: index, cardFocused: fromKeyboard, panelOpen: false, hereIndexes: here });
    this.placeCard();
    // Once drawn, the card's real height decides whether it fits below the text or goes above.
    requestAnimationFrame(() => guard(() => this.placeCard()));
  }

  /** The next of the findings under the pointer ("2 more here"). */
  nextHere() {
    const { openFindingIndex, hereIndexes } = this.store.getState();
    if (openFindingIndex === null || hereIndexes.length < 2) return;
    const at = hereIndexes.indexOf(openFindingIndex);
    this.openCard(hereIndexes[(at + 1) % hereIndexes.length]!, true, hereIndexes);
  }

  closeCard(returnFocus: boolean) {
    this.store.setState({ openFindingIndex: null, cardFocused: false });
    if (returnFocus) this.active?.editor.element.focus();
  }

  applyFix(fixIndex: number) {
    const s = this.active;
    const i = this.store.getState().openFindingIndex;
    if (!s || i === null) return;
    this.closeCard(false);
    s.applyFix(i, fixIndex).catch((e) => console.debug('[Tactful]', e));
  }

  dismiss() {
    const s = this.active;
    const i = this.store.getState().openFindingIndex;
    if (!s || i === null) return;
    this.closeCard(true);
    s.dismiss(i);
  }

  ignorePhrase() {
    const s = this.active;
    const i = this.store.getState().openFindingIndex;
    const f = i === null ? undefined : s?.findings[i];
    if (!f || f.actual.trim() === '') return;
    this.closeCard(true);
    this.deps.ignorePhrase(f.ruleId, f.actual);
  }

  /** The page is going away (navigation, tab closed): each draft's history is written now. */
  finishAll() {
    for (const s of this.sessions.values()) guard(() => s.finish());
  }

  disableRule(ruleId: string) {
    this.closeCard(true);
    this.deps.disableRule(ruleId);
  }

  async togglePanel() {
    await this.active?.flush();
    this.store.setState((st) => ({ panelOpen: !st.panelOpen, openFindingIndex: null }));
  }

  selectFromPanel(index: number) {
    this.openCard(index, true);
  }

  // ---- positions -----------------------------------------------------------------------

  private schedulePositions() {
    if (this.frame) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      guard(() => {
        for (const s of this.sessions.values()) s.reposition();
        this.placeBadge();
        this.placeCard();
      });
    });
  }

  private placeBadge() {
    const s = this.active;
    if (!s) return;
    const r = s.editor.element.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
    const pos: Position | null = visible
      ? {
          left: Math.min(innerWidth - 120, Math.max(4, r.right - 112)),
          top: Math.min(innerHeight - 36, Math.max(4, r.bottom - 34)),
        }
      : null;
    this.store.setState({ badgePosition: pos });
  }

  private placeCard() {
    const s = this.active;
    const i = this.store.getState().openFindingIndex;
    if (!s || i === null) return;
    const rect = s.rectsOf(i)[0] ?? s.editor.element.getBoundingClientRect();
    const { width, height } = this.overlay?.cardSize() ?? { width: 340, height: 260 };
    const left = Math.max(8, Math.min(innerWidth - width - 8, rect.left));
    const spaceBelow = innerHeight - rect.bottom - 8;
    const spaceAbove = rect.top - 8;
    // Below the text when it fits, else above it, else wherever it is least cut off.
    let top = rect.bottom + 6;
    if (height > spaceBelow) top = height <= spaceAbove || spaceAbove > spaceBelow ? rect.top - 6 - height : top;
    top = Math.max(8, Math.min(top, innerHeight - height - 8));
    const prev = this.store.getState().cardPosition;
    if (!prev || Math.abs(prev.left - left) > 0.5 || Math.abs(prev.top - top) > 0.5)
      this.store.setState({ cardPosition: { left, top } });
  }
}
