import type { HostContext, WatchedEditor } from '../types';
import { firstName } from './people';
import type { ReadText, Site } from './types';

/**
 * Zendesk Agent Workspace (its composer is CKEditor 5). The customer's message is the last
 * public end-user comment of the ticket the editor belongs to; the channel is 'chat' for
 * messaging tickets and 'email' otherwise; an internal note is not coached.
 */
export const zendesk: Site = {
  id: 'zendesk',
  name: 'Zendesk',
  hosts: ['*.zendesk.com'],
  byDefault: true,
  skip: [],
  context: (editor, doc, read) => zendeskContext(editor, doc, read),
};

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

function zendeskContext(editor: WatchedEditor, doc: Document, read: ReadText): HostContext {
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
    const text = content ? read(content) : '';
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
