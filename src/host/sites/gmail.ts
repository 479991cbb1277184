import type { EditorKind, HostContext, WatchedEditor } from '../types';
import { firstName } from './people';
import type { ReadText, Site } from './types';

/**
 * Gmail. The customer's message is the body of the last message in the open thread sent by
 * someone other than the signed-in account (and its colleagues), without its quoted history; a
 * new message (not in a thread) has none, and the name comes from its recipient. Always email.
 */
export const gmail: Site = {
  id: 'gmail',
  name: 'Gmail',
  hosts: ['mail.google.com'],
  byDefault: true,
  // Quoted history and the signature Gmail inserts are not the agent's words.
  skip: ['.gmail_quote', '.gmail_signature', '.gmail_signature_prefix', '[data-smartmail="gmail_signature"]'],
  editorKind(el: Element): EditorKind | null {
    // The body of a reply or compose window; `g_editable` on older layouts.
    if (el.getAttribute('g_editable') === 'true' || el.getAttribute('aria-label') === 'Message Body') return 'gmail';
    return null;
  },
  context: (editor, doc, read) => gmailContext(editor, doc, read),
};

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

function gmailContext(editor: WatchedEditor, doc: Document, read: ReadText): HostContext {
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
    const text = body ? read(body) : '';
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
