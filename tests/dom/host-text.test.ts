import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { ClassicEditor, Bold, Essentials, Paragraph } from 'ckeditor5';
import { readEditable, readTextarea, textOffsetOf } from '../../src/host/text';
import type { TextSnapshot } from '../../src/host/types';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/pages');

/** A contenteditable root with `html` inside, attached to the document. */
function editable(html: string): HTMLElement {
  const root = document.createElement('div');
  root.setAttribute('contenteditable', 'true');
  root.innerHTML = html;
  document.body.append(root);
  return root;
}

afterEach(() => {
  document.body.innerHTML = '';
});

const nodeLength = (n: Node) => (n.nodeType === Node.TEXT_NODE ? (n as Text).data.length : n.childNodes.length);

/** Every boundary point under `root`, in document order. */
function allPoints(root: Node): Array<{ node: Node; offset: number }> {
  const out: Array<{ node: Node; offset: number }> = [];
  const walk = (n: Node) => {
    if (n.nodeType === Node.TEXT_NODE) {
      for (let i = 0; i <= (n as Text).data.length; i++) out.push({ node: n, offset: i });
      return;
    }
    const kids = [...n.childNodes];
    kids.forEach((k, i) => {
      out.push({ node: n, offset: i });
      walk(k);
    });
    out.push({ node: n, offset: kids.length });
  };
  walk(root);
  return out;
}

/** A range's text as the snapshot's: synthetic line breaks have no characters in the DOM. */
const withoutBreaks = (s: string) => s.replace(/\n/g, '');
const rangeText = (r: Range | null) => (r ? r.toString().replace(/\u00a0/g, ' ') : null);

/** Checks the offset map of a snapshot both ways, at every offset. */
function checkRoundTrips(root: HTMLElement, snap: TextSnapshot) {
  for (let k = 0; k <= snap.text.length; k++) {
    const p = snap.toDom(k)!;
    expect(p, `offset ${k}`).not.toBeNull();
    expect(p.node === root || root.contains(p.node), `offset ${k} inside the root`).toBe(true);
    expect(p.offset).toBeGreaterThanOrEqual(0);
    expect(p.offset).toBeLessThanOrEqual(nodeLength(p.node));
    expect(textOffsetOf(snap, p.node, p.offset), `offset ${k} back`).toBe(k);
  }
}

describe('readTextarea', () => {
  it('reads the value and has no DOM to map to', () => {
    const ta = document.createElement('textarea');
    ta.value = 'Hi Dana,\n\nSorry about that.';
    const snap = readTextarea(ta);
    expect(snap.text).toBe('Hi Dana,\n\nSorry about that.');
    expect(snap.toDom(3)).toBeNull();
    expect(snap.toRange(0, 2)).toBeNull();
    expect(textOffsetOf(snap, ta, 4)).toBe(4);
    expect(textOffsetOf(snap, ta, 99)).toBe(snap.text.length);
  });
});

describe('readEditable: lines', () => {
  const cases: Array<[string, string, string]> = [
    ['plain text', 'Hello there', 'Hello there'],
    ['a <br> is a line break', 'a<br>b', 'a\nb'],
    ['two <br> make an empty line', 'a<br><br>b', 'a\n\nb'],
    ["Gmail's blank line", '<div>a</div><div><br></div><div>b</div>', 'a\n\nb'],
    ['a trailing <br> in a block is not a line of its own', '<div>a<br></div><div>b</div>', 'a\nb'],
    ['nested blocks give one break', '<div><div><p>a</p></div></div><div><div>b</div></div>', 'a\nb'],
    ['text then a block', 'a<div>b</div>c', 'a\nb\nc'],
    ['inline elements do not break', '<p>We <b>made</b> a <i><a href="#">mistake</a></i>.</p>', 'We made a mistake.'],
    [
      'lists and headings',
      '<h1>Title</h1><ul><li>one</li><li>two</li></ul><ol><li>three</li></ol>',
      'Title\none\ntwo\nthree',
    ],
    [
      'table rows and cells',
      '<table><tbody><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></tbody></table>',
      'a\nb\nc',
    ],
    ['an empty block is an empty line', '<p>a</p><p></p><p>b</p>', 'a\n\nb'],
    ['leading empty lines stay', '<p></p><p>b</p>', '\nb'],
    ['trailing empty lines go', '<div>a</div><div><br></div><div><br></div>', 'a'],
    ['an empty editor', '<br>', ''],
    ['a horizontal rule is a boundary, not a line', '<p>a</p><hr><p>b</p>', 'a\nb'],
    ['no-break spaces read as spaces', 'a&nbsp; b&nbsp;', 'a  b '],
    ['source formatting between blocks is not text', '\n  <div>a</div>\n  <div>b</div>\n', 'a\nb'],
    ['a space between inline elements is text', '<p><b>a</b> <i>b</i></p>', 'a b'],
    ['a space alone in an inline element is text', '<p><b>Hi</b><i> </i>there</p>', 'Hi there'],
  ];
  it.each(cases)('%s', (_name, html, text) => {
    const root = editable(html);
    const snap = readEditable(root);
    expect(snap.text).toBe(text);
    checkRoundTrips(root, snap);
  });
});

describe('readEditable: what is not the agent’s writing', () => {
  it('skips quoted history, signatures, widgets, hidden parts, scripts and styles', () => {
    const root = editable(
      '<div>Hi Dana,</div><div>Sorry.</div>' +
        '<blockquote>old words</blockquote>' +
        '<div class="gmail_quote">On Sat, Dana wrote: quoted</div>' +
        '<div data-smartmail="gmail_signature">Sam</div>' +
        '<div class="gmail_signature">Sam again</div>' +
        '<span contenteditable="false">@widget</span>' +
        '<span hidden>secret</span><script>var x</script><style>p{}</style>' +
        '<div>Best,</div>',
    );
    const snap = readEditable(root);
    expect(snap.text).toBe('Hi Dana,\nSorry.\nBest,');
    checkRoundTrips(root, snap);
  });

  it('reads the draft of the Gmail fixture’s reply without the signature and the quoted message', () => {
    const html = readFileSync(join(FIXTURES, 'gmail.html'), 'utf8');
    document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
    const body = document.querySelector<HTMLElement>('[aria-label="Message Body"]')!;
    const snap = readEditable(body);
    expect(snap.text).toBe(
      'Hi Dana,\n\nCalm down, these things happen. As I already told you, the lamp was fine when it left our warehouse.\n\nWe can send a replacement next week.',
    );
    expect(snap.text).not.toMatch(/Sam Patel|smashed|--/);
    checkRoundTrips(body, snap);
    // The end of the text is the end of the last sentence, not a blank line after the signature.
    const end = snap.toDom(snap.text.length)!;
    expect(end.node.textContent).toBe('We can send a replacement next week.');
  });

  it('reads CKEditor 5’s editable without fillers and UI', () => {
    const root = editable(
      '<p>Hello <strong>\u2060\u2060\u2060\u2060\u2060\u2060\u2060world</strong></p>' +
        '<p><br data-cke-filler="true"></p>' +
        '<p>x&nbsp;y</p>' +
        '<figure class="ck-widget image" contenteditable="false"><img src="a.png"><figcaption class="ck-editor__editable ck-editor__nested-editable" contenteditable="true">caption</figcaption>' +
        '<div class="ck ck-reset_all ck-widget__type-around"><div class="ck-widget__type-around__button"></div></div></figure>' +
        '<p>Bye<span class="ck ck-clipboard-drop-target-position">\u2060<span></span>\u2060</span></p>' +
        '<div class="ck-fake-selection-container" style="position: fixed">\u00a0</div>',
    );
    const snap = readEditable(root);
    expect(snap.text).toBe('Hello world\n\nx y\nBye');
    checkRoundTrips(root, snap);
    // The filler is not part of any range.
    expect(snap.toRange(6, 11)!.toString()).toBe('world');
  });

  it('reads the real CKEditor 5’s DOM', async () => {
    const mount = document.createElement('div');
    document.body.append(mount);
    const editor = await ClassicEditor.create(mount, {
      licenseKey: 'GPL',
      plugins: [Essentials, Paragraph, Bold],
      initialData: '<p>Per our <strong>policy</strong>, no.</p><p></p><p>Sorry&nbsp; again.</p>',
    });
    try {
      const root = editor.ui.view.editable.element!;
      const snap = readEditable(root);
      expect(snap.text).toBe('Per our policy, no.\n\nSorry  again.');
      checkRoundTrips(root, snap);
      expect(snap.toRange(0, 14)!.toString()).toBe('Per our policy');
      // An empty CKEditor reads as no text.
      editor.setData('');
      expect(readEditable(root).text).toBe('');
    } finally {
      await editor.destroy();
    }
  });
});

describe('readEditable: offsets and DOM points', () => {
  it('puts synthetic line breaks at the end of the line they end', () => {
    const root = editable('<div>ab</div><div><br></div><div>cd</div>');
    const snap = readEditable(root);
    expect(snap.text).toBe('ab\n\ncd');
    const [d1, d2, d3] = [...root.children] as HTMLElement[];
    expect(snap.toDom(2)).toEqual({ node: d1!.firstChild, offset: 2 });
    // The empty line: the caret sits in the empty div, before its <br>.
    expect(snap.toDom(3)).toEqual({ node: d2, offset: 0 });
    expect(snap.toDom(4)).toEqual({ node: d3!.firstChild, offset: 0 });
    expect(textOffsetOf(snap, d2!, 0)).toBe(3);
    // After the <br> of the empty line is the next line.
    expect(textOffsetOf(snap, d2!, 1)).toBe(4);
    expect(textOffsetOf(snap, d3!, 0)).toBe(4);
    expect(textOffsetOf(snap, root, 3)).toBe(6);
  });

  it('maps points around a <br> to the side of the line they are on', () => {
    const root = editable('ab<br>cd');
    const snap = readEditable(root);
    expect(textOffsetOf(snap, root, 1)).toBe(2); // before the <br>: end of "ab"
    expect(textOffsetOf(snap, root, 2)).toBe(3); // after it: start of "cd"
  });

  it('maps points inside skipped parts to an edge of the text around them, and points outside to null', () => {
    const root = editable('<div>Thanks!</div><blockquote><div>old</div></blockquote><div>Bye</div>');
    const snap = readEditable(root);
    expect(snap.text).toBe('Thanks!\nBye');
    const quoted = root.querySelector('blockquote div')!.firstChild!;
    // Past the end of the first line's block: the start of the next line.
    expect(textOffsetOf(snap, quoted, 1)).toBe(8);
    // A quote at the end (Gmail's reply) maps to the end of the text.
    const tail = editable('<div>Thanks!</div><div class="gmail_quote">On Sat <b>Dana</b> wrote</div>');
    const tailSnap = readEditable(tail);
    expect(textOffsetOf(tailSnap, tail.querySelector('b')!.firstChild!, 2)).toBe(7);
    expect(textOffsetOf(snap, document.body, 0)).toBeNull();
  });

  it('builds ranges that cover exactly the text, across elements and lines', () => {
    const root = editable('<div>Hi <b>Dana</b>,</div><div><br></div><div>we are <i>sorry</i>.</div>');
    const snap = readEditable(root);
    expect(snap.text).toBe('Hi Dana,\n\nwe are sorry.');
    expect(snap.toRange(3, 7)!.toString()).toBe('Dana');
    expect(snap.toRange(3, 12)!.toString()).toBe('Dana,we');
    expect(snap.toRange(7, 10)!.toString()).toBe(',');
    expect(snap.toRange(10, 10)!.collapsed).toBe(true);
    expect(snap.toRange(12, 10)!.toString()).toBe('we');
    // Out of bounds offsets are clamped.
    expect(snap.toRange(-5, 999)!.toString()).toBe('Hi Dana,we are sorry.');
  });

  it('survives a DOM that changed after the snapshot', () => {
    const root = editable('<p>Hello world</p>');
    const snap = readEditable(root);
    (root.firstChild!.firstChild as Text).data = 'Hi';
    const range = snap.toRange(6, 11);
    expect(range === null || range.toString() === '').toBe(true);
  });
});

// ---- properties over random editor DOMs ------------------------------------------------------

type Tree =
  | { t: 'text'; s: string }
  | { t: 'br'; filler: boolean }
  | { t: 'el'; tag: string; cls?: string; kids: Tree[] };

const word = fc.stringMatching(/^[a-zA-Z',.!?]{1,6}$/);
const textPiece = fc
  .array(fc.oneof(word, word, fc.constant(' '), fc.constant('\u00a0')), { minLength: 1, maxLength: 4 })
  .map((parts) => parts.join(''))
  .filter((s) => /[a-zA-Z]/.test(s));

const INLINE = ['span', 'b', 'i', 'a', 'strong'];
const BLOCK = ['div', 'p', 'li', 'h2', 'blockquote-free-div'];

function treeArb(withSkipped: boolean) {
  const { node } = fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      textPiece.map((s): Tree => ({ t: 'text', s })),
      fc.boolean().map((filler): Tree => ({ t: 'br', filler })),
      fc
        .tuple(fc.constantFrom(...INLINE), fc.array(tie('node'), { maxLength: 3 }))
        .map(([tag, kids]): Tree => ({ t: 'el', tag, kids })),
      fc
        .tuple(fc.constantFrom(...BLOCK), fc.array(tie('node'), { maxLength: 4 }))
        .map(([tag, kids]): Tree => ({ t: 'el', tag: tag === 'blockquote-free-div' ? 'div' : tag, kids })),
      ...(withSkipped
        ? [
            fc
              .tuple(
                fc.constantFrom(
                  'blockquote',
                  'div.gmail_quote',
                  'div.gmail_signature',
                  'span.ck-fake-selection-container',
                ),
                fc.array(tie('node'), { maxLength: 2 }),
              )
              .map(([sel, kids]): Tree => {
                const [tag, cls] = sel.split('.') as [string, string | undefined];
                return { t: 'el', tag, cls, kids };
              }),
          ]
        : []),
    ),
  }));
  return fc.array(node, { maxLength: 6 });
}

function build(trees: Tree[], parent: Node) {
  for (const t of trees) {
    if (t.t === 'text') parent.appendChild(document.createTextNode(t.s));
    else if (t.t === 'br') {
      const br = document.createElement('br');
      if (t.filler) br.setAttribute('data-cke-filler', 'true');
      parent.appendChild(br);
    } else {
      const el = document.createElement(t.tag);
      if (t.cls) el.className = t.cls;
      build(t.kids, el);
      parent.appendChild(el);
    }
  }
}

function rootOf(trees: Tree[]): HTMLElement {
  document.body.innerHTML = '';
  const root = editable('');
  build(trees, root);
  return root;
}

describe('readEditable: properties', () => {
  it('maps every offset to a DOM point inside the editor and back', () => {
    fc.assert(
      fc.property(treeArb(true), (trees) => {
        const root = rootOf(trees);
        checkRoundTrips(root, readEditable(root));
      }),
      { numRuns: 300 },
    );
  });

  it('maps DOM points to offsets in document order, within the text', () => {
    fc.assert(
      fc.property(treeArb(true), (trees) => {
        const root = rootOf(trees);
        const snap = readEditable(root);
        let last = 0;
        for (const p of allPoints(root)) {
          const k = textOffsetOf(snap, p.node, p.offset)!;
          expect(k).toBeGreaterThanOrEqual(last);
          expect(k).toBeLessThanOrEqual(snap.text.length);
          last = k;
        }
        expect(last).toBe(snap.text.length);
      }),
      { numRuns: 200 },
    );
  });

  it('gives ranges whose text is the slice, without its synthetic line breaks', () => {
    fc.assert(
      fc.property(treeArb(false), fc.nat(), fc.nat(), (trees, x, y) => {
        const root = rootOf(trees);
        const snap = readEditable(root);
        const n = snap.text.length;
        const [s, e] = [x % (n + 1), y % (n + 1)].sort((a, b) => a - b) as [number, number];
        expect(rangeText(snap.toRange(s, e))).toBe(withoutBreaks(snap.text.slice(s, e)));
        // And one character at a time.
        for (let k = 0; k < n; k++) expect(rangeText(snap.toRange(k, k + 1))).toBe(withoutBreaks(snap.text[k]!));
      }),
      { numRuns: 300 },
    );
  });

  it('reads no more lines than the DOM has breaks and blocks', () => {
    fc.assert(
      fc.property(treeArb(false), (trees) => {
        const root = rootOf(trees);
        const snap = readEditable(root);
        const boundaries = root.querySelectorAll('br:not([data-cke-filler]), div, p, li, h2').length;
        expect(snap.text.split('\n').length - 1).toBeLessThanOrEqual(boundaries * 2);
        expect(snap.text).not.toMatch(/\n$/);
      }),
      { numRuns: 200 },
    );
  });
});
