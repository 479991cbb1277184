import type { LintOptions, Report } from '../engine/types';

/**
 * The wire between a page's content script and the one engine the browser runs (in the
 * background service worker, or Firefox's background page). One long-lived port per tab; the
 * engine keeps, per editor of that port, the draft as it last saw it and its incremental cache.
 *
 * An edit travels as a splice of the text the engine already holds (what changed between the
 * common prefix and suffix), so a keystroke sends a character, not the draft. Every request
 * carries a version; the report comes back with it, and the page drops reports older than its
 * latest request. When the engine does not hold the version a splice applies to (it restarted,
 * or a message was lost), it asks for the whole text again (`resync`).
 */
export const ENGINE_PORT = 'tactful-engine';

/** Replaces `text.slice(from, to)` of the base version with `insert`. */
export interface Splice {
  from: number;
  to: number;
  insert: string;
}

export type EngineRequest =
  | {
      type: 'lint';
      /** The editor's id within its tab. */
      editor: number;
      version: number;
      /** The whole draft, or a splice of version `base`. */
      text?: string;
      splice?: Splice;
      base?: number;
      /** Sent when they change (customer message, channel); the engine keeps the last ones. */
      options?: LintOptions;
    }
  /** The editor is gone: its draft and cache can go. */
  | { type: 'close'; editor: number }
  /** Keeps the engine warm while a coached page is in view (a service worker sleeps when idle). */
  | { type: 'ping' };

export type EngineResponse =
  | { type: 'report'; editor: number; version: number; report: Report }
  /** The engine cannot apply the splice of `version`: send the whole text. */
  | { type: 'resync'; editor: number; version: number }
  /** The engine could not lint (it failed to load): the page shows nothing, keeps the draft. */
  | { type: 'error'; editor: number; version: number; message: string };

/** The splice that turns `before` into `after`: common prefix and suffix left out. */
export function spliceOf(before: string, after: string): Splice {
  const max = Math.min(before.length, after.length);
  let from = 0;
  while (from < max && before.charCodeAt(from) === after.charCodeAt(from)) from++;
  let tail = 0;
  while (tail < max - from && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail))
    tail++;
  return { from, to: before.length - tail, insert: after.slice(from, after.length - tail) };
}

export function applySplice(text: string, { from, to, insert }: Splice): string {
  return text.slice(0, from) + insert + text.slice(to);
}

const isInt = (x: unknown): x is number => Number.isSafeInteger(x) && (x as number) >= 0;
const isChannel = (x: unknown) => x === 'email' || x === 'chat';
const isOptionalString = (x: unknown) => x === undefined || typeof x === 'string';

/**
 * Whether a message on the port is a well-formed request. The port is ours, but what arrives
 * is checked all the same: a malformed message is dropped, never thrown on.
 */
export function isEngineRequest(m: unknown): m is EngineRequest {
  if (typeof m !== 'object' || m === null) return false;
  const r = m as Record<string, unknown>;
  if (r.type === 'ping') return true;
  if (r.type === 'close') return isInt(r.editor);
  if (r.type !== 'lint' || !isInt(r.editor) || !isInt(r.version)) return false;
  if (r.text !== undefined && typeof r.text !== 'string') return false;
  if (r.splice !== undefined) {
    const s = r.splice as Record<string, unknown> | null;
    if (typeof s !== 'object' || s === null || !isInt(s.from) || !isInt(s.to) || typeof s.insert !== 'string')
      return false;
    if (s.from > s.to || !isInt(r.base)) return false;
  }
  if ((r.text === undefined) === (r.splice === undefined)) return false;
  if (r.options !== undefined) {
    const o = r.options as Record<string, unknown> | null;
    if (typeof o !== 'object' || o === null || !isChannel(o.channel)) return false;
    if (!isOptionalString(o.customerMessage) || !isOptionalString(o.customerName)) return false;
  }
  return true;
}
