import { siteFor } from './sites';
import { readEditable } from './text';
import type { HostContext, WatchedEditor } from './types';

// What the page says about the conversation a reply belongs to: the customer's last message
// (so `require-apology` asks for sympathy only when the customer is upset), their first name
// (for a greeting fix), the channel, and whether the reply is an internal note.

/** The context of `editor` on a page of `host` (location.hostname), as its site reads it (src/host/sites/). */
export function readHostContext(editor: WatchedEditor, doc: Document, host: string): HostContext {
  return siteFor(host).context(editor, doc, bodyText);
}

/** The text of a message body, without quoted history and signatures, trimmed. */
function bodyText(el: Element): string {
  return readEditable(el as HTMLElement).text.trim();
}

export { firstName } from './sites/people';
