import type { Finding, LintOptions, Report } from '../../src/engine';
import { readHostContext } from '../../src/host/context';
import { applyFix } from '../../src/host/fixes';
import { readEditor } from '../../src/host/text';
import type { HostContext, TextSnapshot, WatchedEditor } from '../../src/host/types';
import { UnderlinePainter } from '../../src/host/underlines';
import { scoreOf } from '../../src/engine/score';
import { historyEntry } from '../../src/history/entry';
import type { HistoryEntry, Outcome, ReplyScore } from '../../src/history/types';
import { phraseKey } from '../../src/settings/phrase-key';

/**
 * How long typing must pause before the draft is linted again. The lint itself is a few ms in
 * the engine (a splice over the port, one re-analysed sentence) and the page's share is reading
 * the draft and painting, so the pause is what the writer waits for: 60 ms keeps last key →
 * underline under 100 ms (`npm run bench:browser`) while a fast typist (keys < 60 ms apart)
 * still causes no lint per key. Reports older than the newest request are dropped, so nothing
 * flickers back.
 */
export const LINT_DELAY_MS = 60;

/** A dismissed finding is remembered by its rule, its words and which occurrence it is. */
const keyOf = (f: Finding, nth: number) => `${f.ruleId}\u0000${f.actual}\u0000${nth}`;

/**
 * Coaching of one editor: reads its text, asks the engine for a lint after a pause in typing,
 * paints the underlines and applies fixes. Lives as long as the editor's element (and its
 * draft) lives; `destroy()` is one abort of everything it listens to.
 */
export class EditorSession {
  /** The text the shown findings belong to (offsets of `findings` are in it). */
  snapshot: TextSnapshot | null = null;
  report: Report | null = null;
  /** Findings shown: the report's, minus dismissed ones and turned-off rules. */
  findings: Finding[] = [];
  context: HostContext | null = null;
  private readonly dismissed = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly painter: UnderlinePainter;
  private readonly teardown = new AbortController();
  /** The lint in flight, if any: what `flush()` waits for. */
  private inFlight: Promise<void> | null = null;

  constructor(
    readonly editor: WatchedEditor,
    layer: HTMLElement,
    private readonly deps: {
      /** Asks the engine; null when a newer lint of this editor superseded this one. */
      lint(text: string, options: LintOptions): Promise<Report | null>;
      disabledRules: () => ReadonlySet<string>;
      /** Phrase keys (`phraseKey`) the agent asked never to be flagged for. */
      ignoredPhrases: () => ReadonlySet<string>;
      /** Keeps what became of findings the agent saw (the trainee's history). */
      record(entries: HistoryEntry[], reply?: ReplyScore): void;
      host: string;
      onUpdate(session: EditorSession): void;
      guard<T>(fn: () => T): T | undefined;
    },
  ) {
    this.painter = new UnderlinePainter(editor, layer);
    const el = editor.element;
    const signal = this.teardown.signal;
    el.addEventListener('input', () => this.schedule(), { signal });
    el.addEventListener('paste', () => this.schedule(0), { signal });
    // A textarea scrolled inside: its mirror scrolls with it.
    el.addEventListener('scroll', () => this.deps.guard(() => this.painter.reposition()), { passive: true, signal });
    // Model editors (CKEditor) and scripts change the text without input events.
    if (editor.kind !== 'textarea') {
      const observer = new MutationObserver(() => this.schedule());
      observer.observe(el, { childList: true, characterData: true, subtree: true });
      signal.addEventListener('abort', () => observer.disconnect());
    }
    // A textarea resized by its handle or by the page's layout: the mirror follows.
    const resizeObserver = new ResizeObserver(() => this.deps.guard(() => this.painter.reposition()));
    resizeObserver.observe(el);
    signal.addEventListener('abort', () => {
      resizeObserver.disconnect();
      clearTimeout(this.timer);
    });
  }

  schedule(delay = LINT_DELAY_MS) {
    if (this.teardown.signal.aborted) return;
    clearTimeout(this.timer);
    this.pending = true;
    this.timer = setTimeout(() => this.deps.guard(() => void this.lintNow()), delay);
  }

  /** A lint is waiting for a pause in typing. */
  private pending = false;

  /**
   * Lints now if typing left a lint waiting, and waits for the lint in flight: the panel, a card
   * or a fix must see the draft as it is.
   */
  async flush(): Promise<void> {
    if (this.pending) await this.lintNow();
    else if (this.inFlight) await this.inFlight;
  }

  /** Reads the draft and asks the engine; shows the answer unless a newer lint superseded it. */
  lintNow(): Promise<void> {
    clearTimeout(this.timer);
    this.pending = false;
    const { editor } = this;
    const snapshot: TextSnapshot = readEditor(editor);
    const context: HostContext = readHostContext(editor, editor.element.ownerDocument, this.deps.host);
    this.context = context;
    if (context.internal) {
      // An internal note is not read by the customer: nothing to coach.
      this.show(snapshot, null);
      return Promise.resolve();
    }
    const options: LintOptions = {
      channel: context.channel,
      customerMessage: context.customerMessage,
      customerName: context.customerName,
    };
    const done = this.deps.lint(snapshot.text, options).then((report) => {
      if (report && !this.teardown.signal.aborted) this.deps.guard(() => this.show(snapshot, report));
    });
    this.inFlight = done;
    void done.finally(() => {
      if (this.inFlight === done) this.inFlight = null;
    });
    return done;
  }

  /** A report the engine sent unasked (a new rule set), for the text `text`. */
  showPushed(report: Report, text: string) {
    if (this.pending || this.inFlight) return; // a fresher lint is on its way
    if (this.snapshot?.text === text) this.show(this.snapshot, report);
    else this.schedule(0);
  }

  private show(snapshot: TextSnapshot, report: Report | null) {
    this.snapshot = snapshot;
    this.report = report;
    this.findings = report ? this.visible(report.findings) : [];
    this.paint();
  }

  private paint() {
    if (!this.snapshot) return;
    this.painter.paint(
      this.snapshot,
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
    const ignored = this.deps.ignoredPhrases();
    const seen = new Map<string, number>();
    const shown: Finding[] = [];
    this.keys = [];
    for (const f of findings) {
      const base = `${f.ruleId}\u0000${f.actual}`;
      const nth = seen.get(base) ?? 0;
      seen.set(base, nth + 1);
      const key = keyOf(f, nth);
      if (off.has(f.ruleId) || this.dismissed.has(key)) continue;
      if (f.actual.trim() !== '' && ignored.has(phraseKey(f.ruleId, f.actual))) continue;
      shown.push(f);
      this.keys.push(key);
    }
    this.noteSeen(shown);
    return shown;
  }

  // ---- history: what became of each finding the agent saw ---------------------------------

  /** Findings shown in this draft by dismissal key, with the text they were found in. */
  private readonly seenFindings = new Map<string, { finding: Finding; text: string; recorded: boolean }>();
  /** Keys shown in the latest report. */
  private shownNow = new Set<string>();

  private noteSeen(shown: Finding[]) {
    const text = this.snapshot?.text ?? '';
    this.shownNow = new Set(this.keys);
    shown.forEach((finding, i) => {
      const key = this.keys[i]!;
      const known = this.seenFindings.get(key);
      if (known) Object.assign(known, { finding, text });
      else this.seenFindings.set(key, { finding, text, recorded: false });
    });
  }

  private recordOutcome(key: string | undefined, outcome: Outcome) {
    const seen = key === undefined ? undefined : this.seenFindings.get(key);
    if (!seen || seen.recorded) return;
    seen.recorded = true;
    this.deps.record([historyEntry(seen.finding, seen.text, this.deps.host, outcome)]);
  }

  /**
   * The draft is done with (sent, closed, the page left): what was never fixed or dismissed is
   * "left" if still shown, and "fixed" if the agent's own rewording made it go; with the reply's
   * tone score.
   */
  finish() {
    const entries: HistoryEntry[] = [];
    for (const [key, seen] of this.seenFindings) {
      if (seen.recorded) continue;
      seen.recorded = true;
      entries.push(historyEntry(seen.finding, seen.text, this.deps.host, this.shownNow.has(key) ? 'left' : 'fixed'));
    }
    // One score per draft as it ended: a page hidden and then closed does not count it twice.
    const text = this.snapshot?.text ?? '';
    const reply =
      this.report && text.trim() && text !== this.scoredText
        ? { at: Date.now(), site: this.deps.host, score: this.score }
        : undefined;
    if (reply) this.scoredText = text;
    if (entries.length > 0 || reply) this.deps.record(entries, reply);
    this.seenFindings.clear();
  }

  /** The draft whose score the history already has. */
  private scoredText: string | null = null;

  /** Hides one finding for as long as this draft lives. */
  dismiss(index: number) {
    const key = this.keys[index];
    if (key === undefined) return;
    this.recordOutcome(key, 'dismissed');
    this.dismissed.add(key);
    this.relint();
  }

  /** Re-filters and repaints after a change of turned-off rules or dismissals: no new lint. */
  relint() {
    if (!this.report) return;
    this.findings = this.visible(this.report.findings);
    this.paint();
  }

  async applyFix(index: number, fixIndex: number): Promise<boolean> {
    let f = this.findings[index];
    // The draft changed since this finding was made (a click right after typing): find the same
    // finding in a fresh lint, so the fix lands on today's text, never on yesterday's offsets.
    if (f && this.snapshot && readEditor(this.editor).text !== this.snapshot.text) {
      const was = f;
      await this.lintNow();
      f =
        this.findings.find((x) => x.ruleId === was.ruleId && x.actual === was.actual) ??
        this.findings.find((x) => x.ruleId === was.ruleId);
    }
    const fix = f?.fixes[fixIndex];
    if (!f || !fix || !this.snapshot) return false;
    const done = await applyFix(this.editor, this.snapshot, fix);
    if (done) this.recordOutcome(this.keys[this.findings.indexOf(f)], 'fixed');
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
    this.finish();
    this.teardown.abort();
    this.painter.clear();
  }
}
