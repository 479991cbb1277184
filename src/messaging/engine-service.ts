import type { Linter } from '../engine/linter';
import type { LintOptions } from '../engine/types';
import { applySplice, type EngineRequest, type EngineResponse, isEngineRequest } from './engine-port';

/** One editor's draft as the engine last saw it, and its own incremental linter. */
interface Draft {
  linter: Linter;
  text: string;
  version: number;
  options: LintOptions;
}

/** Past this many open editors on one port, the least recently linted is forgotten. */
const MAX_EDITORS_PER_PORT = 64;

/**
 * The engine's side of the port (see engine-port.ts), without the browser: the background
 * wires a real port to `connection()`, tests call it directly. Requests are handled in the
 * order they arrive; while the engine is still loading they wait, and when several versions of
 * one draft are waiting only the newest is linted.
 */
export class EngineService {
  private linter: Linter | null = null;
  private failure: string | null = null;
  private ready: Promise<void>;
  /** Every open port's drafts and sender: a new rule set re-lints them all. */
  private readonly open = new Set<{ drafts: Map<number, Draft>; send: (r: EngineResponse) => void }>();
  /** What the engine holds now and has done: for the browser tests and the background's console. */
  readonly stats = { loads: 0, ports: 0, openPorts: 0, lints: 0 };

  constructor(load: () => Promise<Linter>) {
    this.ready = this.start(load);
  }

  private start(load: () => Promise<Linter>): Promise<void> {
    this.stats.loads++;
    return load().then(
      (l) => {
        this.linter = l;
        this.failure = null;
      },
      (e: unknown) => {
        this.linter = null;
        this.failure = e instanceof Error ? e.message : String(e);
      },
    );
  }

  /**
   * A new rule set (the team's document or the policy changed): loads it, then re-lints every
   * open draft with it and sends the reports at the drafts' current versions, so open tabs show
   * the new findings without a reload and without the page doing anything.
   */
  reload(load: () => Promise<Linter>): Promise<void> {
    const loading = this.ready.then(() => this.start(load));
    this.ready = loading;
    return loading.then(() => {
      if (!this.linter) return;
      for (const { drafts, send } of this.open) {
        for (const [editor, draft] of drafts) {
          draft.linter = this.linter.forDocument();
          const report = draft.linter.lint(draft.text, draft.options);
          this.stats.lints++;
          send({ type: 'report', editor, version: draft.version, report });
        }
      }
    });
  }

  /** Resolves once the engine is loaded (or failed to): the background starts it early. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** A new port: returns the handler of its messages and the function to call when it closes. */
  connection(send: (response: EngineResponse) => void): {
    receive(message: unknown): void;
    close(): void;
  } {
    const drafts = new Map<number, Draft>();
    this.stats.ports++;
    this.stats.openPorts++;
    const entry = { drafts, send };
    this.open.add(entry);
    // The newest version received per editor: older ones still update the text, unlinted.
    const latest = new Map<number, number>();
    let closed = false;
    return {
      receive: (message) => {
        if (!isEngineRequest(message) || message.type === 'ping') return;
        if (message.type === 'close') {
          drafts.delete(message.editor);
          latest.delete(message.editor);
          return;
        }
        latest.set(message.editor, Math.max(latest.get(message.editor) ?? 0, message.version));
        void this.ready.then(() => {
          if (!closed) this.lint(drafts, message, send, latest.get(message.editor) ?? 0);
        });
      },
      close: () => {
        if (!closed) this.stats.openPorts--;
        closed = true;
        this.open.delete(entry);
        drafts.clear();
      },
    };
  }

  private lint(
    drafts: Map<number, Draft>,
    request: Extract<EngineRequest, { type: 'lint' }>,
    send: (response: EngineResponse) => void,
    newest: number,
  ) {
    const { editor, version } = request;
    if (!this.linter) {
      send({ type: 'error', editor, version, message: `The engine did not load: ${this.failure}` });
      return;
    }
    let draft = drafts.get(editor);
    if (request.splice) {
      // A splice applies only to the exact version it was made from.
      if (!draft || draft.version !== request.base || request.splice.to > draft.text.length) {
        send({ type: 'resync', editor, version });
        return;
      }
      draft.text = applySplice(draft.text, request.splice);
    } else {
      if (!draft) {
        if (drafts.size >= MAX_EDITORS_PER_PORT) drafts.delete(drafts.keys().next().value!);
        draft = {
          linter: this.linter.forDocument(),
          text: '',
          version,
          options: { channel: 'email' },
        };
        drafts.set(editor, draft);
      }
      draft.text = request.text!;
    }
    draft.version = version;
    if (request.options) draft.options = request.options;
    // Least recently linted first, for eviction.
    drafts.delete(editor);
    drafts.set(editor, draft);
    if (version < newest) return; // a newer version is on its way: lint that one
    const report = draft.linter.lint(draft.text, draft.options);
    this.stats.lints++;
    send({ type: 'report', editor, version, report });
  }
}
