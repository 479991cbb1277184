import { afterEach, describe, expect, it } from 'vitest';
import { firstName, readHostContext } from '../../src/host/context';
import { findEditors, watchEditors } from '../../src/host/editors';
import type { WatchedEditor } from '../../src/host/types';
import { loadFixture, tick, win } from './fixture-pages';

const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel)!;

afterEach(async () => {
  await win.fixture?.editor?.destroy();
  document.body.innerHTML = '';
  document.title = '';
  win.happyDOM.setURL('http://localhost:3000/');
});

describe('firstName', () => {
  it.each([
    ['Dana Reyes', 'Dana'],
    ['Reyes, Dana', 'Dana'],
    ['Dr. Dana Reyes', 'Dana'],
    ['  "Maya  Chen" ', 'Maya'],
    ['Jordan', 'Jordan'],
    ['dana@example.com', undefined],
    ['', undefined],
    [null, undefined],
  ])('%j → %j', (name, first) => expect(firstName(name)).toBe(first));
});

describe('readHostContext: other sites', () => {
  it('is an email with nothing known about the customer', () => {
    document.body.innerHTML = '<textarea id="message" rows="8"></textarea>';
    const [editor] = findEditors(document);
    expect(readHostContext(editor!, document, 'www.example.test')).toEqual({ channel: 'email', internal: false });
  });
});

// ---- Gmail -----------------------------------------------------------------------------------

const GMAIL = 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxDpHtkqWnCRbLtjvbhXHzq';
const UPSET =
  'Hello,\n\nThe lamp arrived today and the base is smashed to pieces. This is the second time an order from you has arrived broken and I am really frustrated. I needed it for this weekend.\n\nWhat are you going to do about it?\n\nDana';

function gmail() {
  const fixture = loadFixture('gmail', GMAIL);
  const reply = findEditors(document).find((e) => e.element.id === ':r1')!;
  const context = () => readHostContext(reply, document, 'mail.google.com');
  return { fixture, reply, context };
}

/** A message in the thread, with Gmail's attributes. */
function gmailMessage(email: string, name: string, bodyHtml: string): HTMLElement {
  const item = document.createElement('div');
  item.setAttribute('role', 'listitem');
  item.className = 'h7';
  item.innerHTML = `<div class="adn ads"><div class="gs"><div class="gE iv gt"><h3 class="iw"><span class="qu"><span class="gD" email="${email}" name="${name}">${name}</span></span></h3></div><div class="ii gt"><div class="a3s aiL">${bodyHtml}</div></div></div></div>`;
  return item;
}

describe('readHostContext: Gmail', () => {
  it('reads the upset customer’s last message and first name from the fixture thread', () => {
    const { reply, context } = gmail();
    expect(reply.kind).toBe('gmail');
    expect(context()).toEqual({ channel: 'email', internal: false, customerMessage: UPSET, customerName: 'Dana' });
  });

  it('reads a happy customer as happy', () => {
    const { context } = gmail();
    const bodies = document.querySelectorAll('div.a3s');
    bodies[bodies.length - 1]!.innerHTML =
      '<div dir="ltr">It arrived today and it looks lovely, thank you so much!<div><br></div><div>Dana</div></div>';
    expect(context().customerMessage).toBe('It arrived today and it looks lovely, thank you so much!\n\nDana');
  });

  it('takes the customer’s message even when the agent wrote last, and never the agent’s', () => {
    const { context } = gmail();
    $('[role="list"]').append(
      gmailMessage('sam@acme-shop.example', 'Sam Patel', '<div dir="ltr">Checking with the warehouse.</div>'),
    );
    expect(context().customerMessage).toBe(UPSET);
    // A colleague (same company domain) is not the customer either.
    $('[role="list"]').append(gmailMessage('lee@acme-shop.example', 'Lee Park', '<div dir="ltr">Refund sent.</div>'));
    expect(context().customerName).toBe('Dana');
  });

  it('leaves out the quoted history in the customer’s message', () => {
    const { context } = gmail();
    $('[role="list"]').append(
      gmailMessage(
        'dana@example.com',
        'Dana Reyes',
        '<div dir="ltr">Any news?</div><br><div class="gmail_quote"><div class="gmail_attr">On Tue, Sam wrote:</div><blockquote class="gmail_quote"><div>Your lamp shipped.</div></blockquote></div>',
      ),
    );
    expect(context().customerMessage).toBe('Any news?');
  });

  it('knows who the writer is without the account button: Gmail’s "me" and the reply’s recipient', () => {
    const { context } = gmail();
    $('[role="banner"] [aria-label^="Google Account"]').remove();
    document.title = 'Order #48213 arrived broken';
    expect(context().customerName).toBe('Dana');
    expect(context().customerMessage).toBe(UPSET);
    // No sign of the account at all: the reply goes to the customer.
    for (const me of document.querySelectorAll('.g2')) me.textContent = 'Acme Shop Support';
    expect(context().customerMessage).toBe(UPSET);
  });

  it('gives a new message no customer message, and greets its recipient', async () => {
    const { fixture } = gmail();
    const dialog: HTMLElement = await fixture.openCompose();
    const compose = findEditors(dialog)[0]!;
    expect(compose.kind).toBe('gmail');
    expect(readHostContext(compose, document, 'mail.google.com')).toEqual({ channel: 'email', internal: false });
    const chip = document.createElement('span');
    chip.setAttribute('email', 'lee.park@example.net');
    chip.setAttribute('name', 'Lee Park');
    chip.textContent = 'Lee Park';
    $('form', dialog).prepend(chip);
    expect(readHostContext(compose, document, 'mail.google.com')).toEqual({
      channel: 'email',
      internal: false,
      customerName: 'Lee',
    });
  });
});

// ---- Zendesk ---------------------------------------------------------------------------------

const zendeskUrl = (channel: 'email' | 'messaging', customer: 'upset' | 'happy') =>
  `https://acme.zendesk.com/agent/tickets/4821?channel=${channel}&customer=${customer}`;

async function zendesk(channel: 'email' | 'messaging' = 'email', customer: 'upset' | 'happy' = 'upset') {
  const fixture = loadFixture('zendesk', zendeskUrl(channel, customer));
  await fixture.openTicket(4821);
  const editor = (): WatchedEditor => {
    const found = findEditors(document);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const context = () => readHostContext(editor(), document, 'acme.zendesk.com');
  return { fixture, editor, context };
}

describe('readHostContext: Zendesk', () => {
  it('finds the real CKEditor 5 composer', async () => {
    const { fixture, editor } = await zendesk();
    expect(editor().kind).toBe('ckeditor');
    expect(editor().element).toBe(fixture.editable());
  });

  it('reads the upset end user’s last comment on an email ticket', async () => {
    const { context } = await zendesk('email', 'upset');
    expect(context()).toEqual({
      channel: 'email',
      internal: false,
      customerMessage: "My refund still hasn't arrived and nobody answers, this is ridiculous",
      customerName: 'Maya',
    });
  });

  it('reads a happy end user, and a messaging ticket as chat', async () => {
    const { context } = await zendesk('messaging', 'happy');
    expect(context()).toEqual({
      channel: 'chat',
      internal: false,
      customerMessage: 'Thanks so much, it all works now!',
      customerName: 'Maya',
    });
  });

  it('knows an internal note', async () => {
    const { fixture, context } = await zendesk();
    fixture.setInternal(true);
    expect(context().internal).toBe(true);
    fixture.setInternal(false);
    expect(context().internal).toBe(false);
  });

  it('never takes an agent’s comment or an internal note for the customer’s', async () => {
    const { fixture, context } = await zendesk();
    // The agent posts a reply and an internal note after the customer's comment.
    fixture.editor.setData('<p>We are looking into it.</p>');
    $('[data-test-id="submit_button-button"]').click();
    fixture.setInternal(true);
    fixture.editor.setData('<p>Escalated to finance.</p>');
    $('[data-test-id="submit_button-button"]').click();
    fixture.setInternal(false);
    expect(document.querySelectorAll('[data-test-id="omni-log-comment-item"]')).toHaveLength(6);
    expect(context().customerMessage).toBe("My refund still hasn't arrived and nobody answers, this is ridiculous");
  });

  it('falls back to the requester’s comments when the log has no roles', async () => {
    const { context } = await zendesk();
    for (const item of document.querySelectorAll('[data-author-role]')) item.removeAttribute('data-author-role');
    expect(context().customerMessage).toBe("My refund still hasn't arrived and nobody answers, this is ridiculous");
    expect(context().customerName).toBe('Maya');
  });

  it('reads the ticket the editor belongs to, after a tab switch to a new editor', async () => {
    const { fixture, context } = await zendesk();
    const added: WatchedEditor[] = [];
    const removed: WatchedEditor[] = [];
    const stop = watchEditors(
      document,
      (e) => added.push(e),
      (e) => removed.push(e),
    );
    const before = fixture.editable();
    await fixture.openTicket(4907);
    await tick();
    stop();
    expect(removed.map((e) => e.element)).toEqual([before]);
    expect(added.map((e) => [e.element, e.kind])).toEqual([[fixture.editable(), 'ckeditor']]);
    expect(context()).toEqual({
      channel: 'email',
      internal: false,
      customerMessage: 'The password reset link you sent has expired again. Can you send me a new one?',
      customerName: 'Jordan',
    });
  });

  it('ignores the conversations of other tickets kept in the page', async () => {
    const { context } = await zendesk();
    // Agent Workspace keeps other open tickets' DOM around; put one before the active one.
    const other = document.createElement('section');
    other.setAttribute('data-test-id', 'ticket-workspace');
    other.hidden = true;
    other.innerHTML =
      '<div data-test-id="omni-log-container"><article data-test-id="omni-log-comment-item" data-author-role="end-user" data-comment-visibility="public" data-channel="messaging"><span data-test-id="omni-log-item-sender">Other Person</span><div data-test-id="omni-log-message-content"><p>Where is my parcel?</p></div></article></div>' +
      '<div data-test-id="omnicomposer" data-mode="internal" data-channel="messaging"></div>';
    $('#ticket-outlet').prepend(other);
    expect(context().customerName).toBe('Maya');
    expect(context().channel).toBe('email');
    expect(context().internal).toBe(false);
  });
});
