// The fixture pages the browser benchmark runs on, under their real host names, and what it does
// in them: put a draft in the editor before the first focus (as a saved draft would be), and find
// where a person would click. The functions marked "page" run in the page's main world
// (serialised by Playwright): they may use only their argument and the page's globals.

const ZENDESK_DRAFT = [
  'Hi Maya,',
  'Calm down, these things happen. As I already told you, the refund left our side on Monday.',
  'We can look at it again next week.',
].join('\n');

export const SITES = [
  {
    name: 'Gmail',
    // The fixture thread opens with the inline reply and a short draft of its own (about 25 words).
    url: 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxDpHtkqWnCRbLtjvbhXHzq',
    editor: 'div[aria-label="Message Body"][contenteditable="true"]',
    /** page: replaces the agent's part of the inline reply (above the signature) with `text`. */
    prefill: ({ text }) => {
      const body = document.querySelector('div[aria-label="Message Body"][contenteditable="true"]');
      const top = body.firstElementChild;
      const stop = top.querySelector('br[clear="all"], .gmail_signature_prefix');
      while (top.firstChild && top.firstChild !== stop) top.firstChild.remove();
      const lines = document.createDocumentFragment();
      for (const line of text.replace(/\n+$/, '').split('\n')) {
        const div = document.createElement('div');
        if (line) div.textContent = line;
        else div.append(document.createElement('br'));
        lines.append(div);
      }
      top.insertBefore(lines, stop);
    },
  },
  {
    name: 'Zendesk',
    // The real CKEditor 5; the ticket's composer starts with a short draft (about 25 words).
    url: `https://acme.zendesk.com/agent/tickets/4821?${new URLSearchParams({ channel: 'email', customer: 'upset', draft: ZENDESK_DRAFT })}`,
    editor: '.ck-editor__editable',
    /** page: sets the composer's content through CKEditor's own API (one paragraph per line). */
    prefill: ({ text }) => {
      const html = text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => {
          const p = document.createElement('p');
          p.textContent = line;
          return p.outerHTML;
        })
        .join('');
      window.fixture.editor.setData(html);
    },
  },
];

/**
 * page: scrolls the editor's first (or last) line of the agent's own text to the middle of the
 * window and returns the point just inside the end of that line's text, where a click puts the
 * caret at the end of the line. Signatures and quoted history are not the agent's text.
 */
export function clickTarget({ selector, which }) {
  const root = document.querySelector(selector);
  if (!root) return null;
  const skip = '.gmail_quote, blockquote, .gmail_signature, .gmail_signature_prefix';
  const texts = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    if (n.data.trim() && !n.parentElement.closest(skip)) texts.push(n);
    if (which === 'first' && texts.length) break;
  }
  const node = which === 'first' ? texts[0] : texts[texts.length - 1];
  if (!node) {
    root.scrollIntoView({ block: 'center' });
    const r = root.getBoundingClientRect();
    return { x: r.left + 20, y: r.top + 12 };
  }
  node.parentElement.scrollIntoView({ block: 'center' });
  const end = node.data.trimEnd().length;
  const range = document.createRange();
  range.setStart(node, end - 1);
  range.setEnd(node, end);
  const rects = range.getClientRects();
  const r = rects[rects.length - 1];
  return { x: r.right - 1, y: r.top + r.height / 2 };
}

/**
 * Typed at the end of the draft while measuring "last key → underline". Each ends in "!!!",
 * which no-shouting flags (and only from the third "!"), so the underline the last key brings is
 * unambiguous: one more underline over exactly "!!!". No word that would excuse it ("thanks"…).
 */
export const BURSTS = [
  ' We are on it!!!',
  ' The parcel left today!!!',
  ' Your refund is on its way!!!',
  ' A new lamp ships tomorrow!!!',
  ' I checked the order again!!!',
  ' It will arrive on Friday!!!',
  ' The courier has it now!!!',
  ' We sent a new label!!!',
];
