import type { Channel } from '../engine';

/** Which adapter handles an editor: they differ in how text is read and how fixes go in. */
export type EditorKind = 'textarea' | 'contenteditable' | 'gmail' | 'ckeditor';

/** An editor on the page that Tactful coaches. */
export interface WatchedEditor {
  kind: EditorKind;
  /** The element that receives focus and input (the textarea or the contenteditable root). */
  element: HTMLElement;
}

/** A DOM position: a node and an offset inside it, as a Range boundary takes. */
export interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * The text of an editor as the engine sees it, with a map back to the DOM. Quoted history and
 * signatures are left out; block boundaries and line breaks become "\n".
 */
export interface TextSnapshot {
  text: string;
  /** The DOM position of a text offset; null for a textarea (it has no DOM inside). */
  toDom(offset: number): DomPoint | null;
  /** A Range over `[start, end)` of the text, or null for a textarea. */
  toRange(start: number, end: number): Range | null;
}

/** What the page says about the conversation the reply belongs to. */
export interface HostContext {
  channel: Channel;
  /** The customer's last message, when the page shows one. */
  customerMessage?: string;
  /** The customer's first name, for a greeting fix. */
  customerName?: string;
  /** Not customer-facing (a Zendesk internal note): nothing is coached. */
  internal: boolean;
}
