import { readEditable } from './text';
import type { HostContext, WatchedEditor } from './types';

// What the page says about the conversation a reply belongs to: the customer's last message
// (so `require-apology` asks for sympathy only when the customer is upset), their first name
// (for a greeting fix), the channel, and whether the reply is an internal note.

/**
 * The context of `editor` on a page of `host` (location.hostname):
 * - mail.google.com: the body of the last message in the open thread sent by someone other than
 *   the signed-in account (and its colleagues), without its quoted history; channel 'email'.
 *   A new message (not in a thread) has no customer message; the name comes from its recipient.
 * - *.zendesk.com: the last public end-user comment of the ticket the editor belongs to; channel
 *   'chat' for messaging tickets and 'email' otherwise; internal notes are `internal`.
 * - anywhere else: 'email', nothing known about the customer.
 */
export function readHostContext(editor: WatchedEditor, doc: Document, host: string): HostContext {
  const h = host.toLowerCase();
  if (h === 'mail.google.com') return gmailContext(editor, doc);
  if (h === 'zendesk.com' || h.endsWith('.zendesk.com')) return zendeskContext(editor, doc);
  return { channel: 'email', internal: false };
}

const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'sir', 'madam']);

/**
 * The first name in a display name: "Dana Reyes" → "Dana", "Reyes, Dana" → "Dana",
 * "Dr. Dana Reyes" → "Dana". Undefined for an address or an empty name: greeting someone by
 * "dana.reyes@" reads worse than no name.
 */
export function firstName(displayName: string | null | undefined): string | undefined {
  let name = (displayName ?? '').replace(/["“”]/g, '').replace(/\s+/g, ' ').trim();
  if (!name || name.includes('@')) return undefined;
  const comma = name.indexOf(',');
  if (comma > 0 && comma < name.length - 1) name = name.slice(comma + 1).trim();
  const words = name.split(' ').filter((w) => !HONORIFICS.has(w.replace(/\.$/, '').toLowerCase()));
  const first = words[0]?.replace(/[.,;:]+$/, '');
  return first ? first : undefined;
}

/** The text of a message body, without quoted history and signatures, trimmed. */
function bodyText(el: Element): string {
  return readEditable(el as HTMLElement).text.trim();
}

// ---- Gmail ---------------------------------------------------------------------------------

const EMAIL = /[^\s()<>"',;:]+@[^\s()<>"',;:]+\.[^\s()<>"',;:]+/g;

/** Public mail providers: sharing one of these domains does not make two people colleagues. */
const PUBLIC_DOMAINS = new Set([
  'gmail.com',
  'googlemail.com',
  'outlook.com',
  'hotmail.com',
  'live.com',
  'msn.com',
  'yahoo.com',
  'icloud.com',
  'me.com',
  'aol.com',
  'proton.me',
  'protonmail.com',
  'gmx.com',
  'gmx.de',
  'web.de',
  'mail.com',
  'yandex.com',
  'zoho.com',
]);

const domainOf = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * The addresses that are "us": the signed-in account (the account button in the banner names
 * it, "Google Account: Sam Patel (sam@…)", and Gmail's page title carries it), and the addresses
 * Gmail shows as "me" among a message's recipients (aliases and group addresses such as
 * support@, through which customers write).
 */
function gmailWriters(doc: Document): Set<string> {
  const writers = new Set<string>();
  const add = (text: string | null | undefined) => {
    for (const m of (text ?? '').matchAll(EMAIL)) writers.add(m[0].toLowerCase());
  };
  for (const el of doc.querySelectorAll('[role="banner"] [aria-label*="@"]')) add(el.getAttribute('aria-label'));
  add(doc.title);
  for (const el of doc.querySelectorAll('.g2[email]')) {
    if (el.textContent?.trim().toLowerCase() === 'me') add(el.getAttribute('email'));
  }
  return writers;
}

/** The composer around a Gmail body: inline reply, reply/compose window. */
function gmailComposer(el: Element): Element | null {
  return el.closest('.M9') ?? el.closest('[role="dialog"]') ?? el.closest('.ip');
}

function gmailContext(editor: WatchedEditor, doc: Document): HostContext {
  const ctx: HostContext = { channel: 'email', internal: false };
  const writers = gmailWriters(doc);
  // Colleagues share the account's own (company) domain; customers on gmail.com do not.
  const ownDomains = new Set([...writers].map(domainOf).filter((d) => !PUBLIC_DOMAINS.has(d)));
  const composer = gmailComposer(editor.element);
  const recipients = new Map<string, string | null>();
  for (const el of composer?.querySelectorAll('[email]') ?? []) {
    const email = el.getAttribute('email')!.toLowerCase();
    if (!recipients.has(email)) recipients.set(email, el.getAttribute('name') ?? el.textContent);
  }
  // Without any sign of who "we" are, the reply's recipients are the customers.
  const isCustomer = (email: string) =>
    writers.size > 0 ? !writers.has(email) && !ownDomains.has(domainOf(email)) : recipients.has(email);

  // The thread the editor replies in: the inline reply sits in the main pane with its messages.
  // A compose window (a dialog) writes a new message, whatever thread is open behind it.
  const thread = editor.element.closest('[role="dialog"]') ? null : editor.element.closest('[role="main"]');
  const messages = thread ? thread.querySelectorAll('div.adn') : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i]!;
    const sender = message.querySelector('.gD[email]');
    const email = sender?.getAttribute('email')?.toLowerCase();
    if (!sender || !email || !isCustomer(email)) continue;
    // Collapsed messages have no body in the DOM: the last expanded one from the customer.
    const body = message.querySelector('div.a3s');
    const text = body ? bodyText(body) : '';
    if (!text) continue;
    ctx.customerMessage = text;
    ctx.customerName = firstName(sender.getAttribute('name') ?? sender.textContent);
    return ctx;
  }
  for (const [email, name] of recipients) {
    if (!isCustomer(email)) continue;
    const first = firstName(name);
    if (first) ctx.customerName = first;
    break;
  }
  return ctx;
}

// ---- Zendesk Agent Workspace ---------------------------------------------------------------

const testId = (id: string) => `[data-test-id="${id}"]`;
const CHAT_CHANNELS = /\b(messaging|chat|live ?chat|whats ?app|sms|messenger|instagram|wechat|telegram|viber|line)\b/i;

/**
 * The ticket an editor belongs to. Agent Workspace keeps the tickets of other open tabs in the
 * DOM, so the conversation is looked up from the editor outwards, never in the whole page.
 */
function zendeskTicket(el: Element, doc: Document): ParentNode {
  const workspace = el.closest(testId('ticket-workspace'));
  if (workspace) return workspace;
  for (let p = el.parentElement; p; p = p.parentElement) if (p.querySelector(testId('omni-log-container'))) return p;
  return doc;
}

/** "Maya Chen <maya.chen@example.org>" → "Maya Chen". */
const nameOnly = (value: string) => value.replace(/<[^>]*>/g, '').trim();

function zendeskContext(editor: WatchedEditor, doc: Document): HostContext {
  const ticket = zendeskTicket(editor.element, doc);
  const composer = editor.element.closest(testId('omnicomposer')) ?? ticket.querySelector(testId('omnicomposer'));
  const switcher = composer?.querySelector(testId('omnichannel-channel-switcher'));
  const internal =
    composer?.getAttribute('data-mode') === 'internal' ||
    !!composer?.classList.contains('omnicomposer--internal') ||
    /internal note/i.test(switcher?.textContent ?? '');

  const items = [...ticket.querySelectorAll(testId('omni-log-comment-item'))];
  const isPublic = (item: Element) =>
    item.getAttribute('data-comment-visibility') !== 'internal' && item.getAttribute('data-channel') !== 'internal';
  let fromCustomer: (item: Element) => boolean;
  if (items.some((item) => item.hasAttribute('data-author-role'))) {
    fromCustomer = (item) => item.getAttribute('data-author-role') === 'end-user';
  } else {
    // No roles in the log: the requester's comments are the customer's.
    const requesterField = ticket.querySelector<HTMLInputElement>(testId('ticket-system-field-requester-select'));
    const requester = nameOnly(requesterField?.value ?? requesterField?.textContent ?? '');
    fromCustomer = (item) =>
      !!requester && item.querySelector(testId('omni-log-item-sender'))?.textContent?.trim() === requester;
  }
  const last = items.filter((item) => isPublic(item) && fromCustomer(item)).at(-1);

  const channelName =
    composer?.getAttribute('data-channel') ??
    ticket.querySelector(testId('omnicomposer-channel-label'))?.textContent ??
    last?.getAttribute('data-channel') ??
    '';
  const ctx: HostContext = { channel: CHAT_CHANNELS.test(channelName) ? 'chat' : 'email', internal };
  if (last) {
    const content = last.querySelector(testId('omni-log-message-content'));
    const text = content ? bodyText(content) : '';
    if (text) ctx.customerMessage = text;
    const name = firstName(last.querySelector(testId('omni-log-item-sender'))?.textContent);
    if (name) ctx.customerName = name;
  }
  if (!ctx.customerName) {
    const to = composer?.querySelector('.composer-to')?.textContent?.replace(/^\s*to:\s*/i, '');
    const name = firstName(to ? nameOnly(to) : undefined);
    if (name) ctx.customerName = name;
  }
  return ctx;
}
