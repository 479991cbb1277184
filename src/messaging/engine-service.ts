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
  private readonly ready: Promise<void>;
  /** What the engine holds now and has done: for the browser tests and the background's console. */
  readonly stats = { loads: 0, ports: 0, openPorts: 0, lints: 0 };

  constructor(load: () => Promise<Linter>) {
    this.stats.loads++;
    this.ready = load().then(
      (l) => {
        this.linter = l;
      },
      (e: unknown) => {
        this.failure = e instanceof Error ? e.message : String(e);
      },
    );
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
