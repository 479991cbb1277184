import type { LintOptions, Report } from '../engine/types';
import { ENGINE_PORT, type EngineRequest, type EngineResponse, spliceOf } from './engine-port';

/** The part of a runtime port the client uses (a fake one in unit tests). */
export interface PortLike {
  postMessage(message: EngineRequest): void;
  onMessage: { addListener(fn: (message: EngineResponse) => void): void };
  onDisconnect: { addListener(fn: () => void): void };
  disconnect(): void;
}

/** What the page last sent for one editor, and who waits for which version. */
interface EditorState {
  /** The text the engine holds for this editor, or null when it holds none (new port). */
  held: string | null;
  heldVersion: number;
  /** The options last sent on the current port, as JSON. */
  optionsKey: string | null;
  latest: number;
  latestText: string;
  latestOptions: LintOptions;
  waiting: Map<number, (report: Report | null) => void>;
}

/**
 * The page's side of the engine port: sends each draft once, then splices; answers each
 * `lint()` with its report, or with null when a newer lint of the same editor superseded it (the
 * caller simply keeps what it shows). When the port drops (the service worker was stopped), the
 * next message opens a new one and every editor waiting for a report sends its whole text again,
 * so a restart loses no finding and never touches the draft.
 */
export class EngineClient {
  static readonly portName = ENGINE_PORT;
  private port: PortLike | null = null;
  private readonly editors = new Map<number, EditorState>();
  private disposed = false;

  /**
   * @param onPush a report nobody asked for: the engine re-linted a draft with a new rule set
   *   (the team's or the policy's changed). Given with the text it belongs to.
   */
  constructor(
    private readonly connect: () => PortLike,
    private readonly onPush: (editor: number, report: Report, text: string) => void = () => {},
  ) {}

  /** Lints `text` of one editor; null when a newer lint of it was asked for meanwhile. */
  lint(editor: number, text: string, options: LintOptions): Promise<Report | null> {
    if (this.disposed) return Promise.resolve(null);
    let state = this.editors.get(editor);
    if (!state) {
      state = {
        held: null,
        heldVersion: 0,
        optionsKey: null,
        latest: 0,
        latestText: text,
        latestOptions: options,
        waiting: new Map(),
      };
      this.editors.set(editor, state);
    }
    const version = ++state.latest;
    state.latestText = text;
    state.latestOptions = options;
    const answer = new Promise<Report | null>((resolve) => state.waiting.set(version, resolve));
    this.send(editor, state);
    return answer;
  }

  /** The editor is gone: the engine may forget its draft. */
  close(editor: number) {
    const state = this.editors.get(editor);
    if (!state) return;
    for (const resolve of state.waiting.values()) resolve(null);
    this.editors.delete(editor);
    if (this.port) this.post({ type: 'close', editor });
  }

  /** Wakes the engine (or keeps it awake) without asking for anything. */
  ping() {
    this.post({ type: 'ping' });
  }

  dispose() {
    this.disposed = true;
    for (const state of this.editors.values()) for (const resolve of state.waiting.values()) resolve(null);
    this.editors.clear();
    const port = this.port;
    this.port = null;
    try {
      port?.disconnect();
    } catch {
      // Already gone with the extension.
    }
  }

  private send(editor: number, state: EditorState) {
    const optionsKey = JSON.stringify(state.latestOptions);
    const options = optionsKey === state.optionsKey ? undefined : state.latestOptions;
    const request: EngineRequest =
      state.held === null
        ? { type: 'lint', editor, version: state.latest, text: state.latestText, options }
        : {
            type: 'lint',
            editor,
            version: state.latest,
            base: state.heldVersion,
            splice: spliceOf(state.held, state.latestText),
            options,
          };
    if (!this.post(request)) return;
    state.held = state.latestText;
    state.heldVersion = state.latest;
    state.optionsKey = optionsKey;
  }

  /** Posts on the port, opening one if needed; false when the extension is gone. */
  private post(request: EngineRequest): boolean {
    if (this.disposed) return false;
    try {
      this.port ??= this.open();
      this.port.postMessage(request);
      return true;
    } catch (e) {
      // The extension was reloaded or removed: this page's script is an orphan now.
      console.debug('[Tactful] the engine is unreachable', e);
      this.port = null;
      for (const state of this.editors.values()) {
        for (const resolve of state.waiting.values()) resolve(null);
        state.waiting.clear();
      }
      return false;
    }
  }

  private open(): PortLike {
    const port = this.connect();
    port.onMessage.addListener((m) => this.receive(m));
    port.onDisconnect.addListener(() => {
      if (this.port !== port) return;
      this.port = null;
      // The engine forgot every draft of this port; whoever still waits sends the whole text.
      for (const state of this.editors.values()) {
        state.held = null;
        state.optionsKey = null;
      }
      for (const [editor, state] of this.editors) if (state.waiting.size > 0) this.send(editor, state);
    });
    return port;
  }

  private receive(m: EngineResponse) {
    const state = this.editors.get(m.editor);
    if (!state) return;
    if (m.type === 'resync') {
      // Only the newest version matters; an older one's resync is answered by the newest's.
      if (m.version !== state.latest) return;
      state.held = null;
      state.optionsKey = null;
      this.send(m.editor, state);
      return;
    }
    if (m.type === 'error') console.debug('[Tactful]', m.message);
    const report = m.type === 'report' ? m.report : null;
    if (report && m.version === state.latest && !state.waiting.has(m.version)) {
      this.onPush(m.editor, report, state.latestText);
      return;
    }
    // A report of the newest version is shown; anything older is stale (its offsets belong to
    // a text the editor no longer has) and gets null.
    for (const [version, resolve] of state.waiting) {
      if (version > m.version) continue;
      resolve(version === m.version && version === state.latest ? report : null);
      state.waiting.delete(version);
    }
  }
}
