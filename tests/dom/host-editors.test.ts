import { afterEach, describe, expect, it } from 'vitest';
import { editorKindOf, findEditors, isCoachable, watchEditors } from '../../src/host/editors';
import type { WatchedEditor } from '../../src/host/types';
import { loadFixture, tick, win } from './fixture-pages';

function html(markup: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  return box;
}

const $ = <T extends Element = HTMLElement>(sel: string, root: ParentNode = document) => root.querySelector<T>(sel)!;
const ids = (editors: WatchedEditor[]) => editors.map((e) => e.element.id);

afterEach(() => {
  document.body.innerHTML = '';
  document.title = '';
  win.happyDOM.setURL('http://localhost:3000/');
});

describe('editorKindOf and isCoachable', () => {
  it('tells the kinds apart', () => {
    const box = html(`
      <textarea id="ta"></textarea>
      <div id="ce" contenteditable="true"><p>hi</p></div>
      <div id="ce-empty" contenteditable=""></div>
      <div id="pt" contenteditable="plaintext-only"></div>
      <div id="gm" g_editable="true" contenteditable="true" aria-label="Message Body" role="textbox" aria-multiline="true"></div>
      <div id="mb" aria-label="Message Body" contenteditable="true"></div>
      <div class="ck ck-editor__main"><div id="ck" class="ck ck-content ck-editor__editable ck-editor__editable_inline" role="textbox" contenteditable="true"></div></div>
      <div id="plain">not editable</div>`);
    const kind = (id: string, host?: string) => editorKindOf($(`#${id}`, box), host);
    expect(kind('ta')).toBe('textarea');
    expect(kind('ce')).toBe('contenteditable');
    expect(kind('ce-empty')).toBe('contenteditable');
    expect(kind('pt')).toBe('contenteditable');
    expect(kind('gm', 'mail.google.com')).toBe('gmail');
    // Gmail's markers mean Gmail only on Gmail (src/host/sites/gmail.ts).
    expect(kind('gm')).toBe('contenteditable');
    expect(kind('mb')).toBe('contenteditable');
    expect(kind('mb', 'mail.google.com')).toBe('gmail');
    expect(kind('ck')).toBe('ckeditor');
    expect(kind('plain')).toBeNull();
    expect(editorKindOf($('#ce p', box))).toBeNull(); // inside an editor, not a root
  });

  it('never takes inputs, whatever their type', () => {
    const types = ['text', 'search', 'password', 'email', 'url', 'tel', 'number', 'hidden', ''];
    const box = html(types.map((t) => `<input type="${t}" contenteditable="true">`).join(''));
    for (const input of box.querySelectorAll('input')) {
      expect(editorKindOf(input)).toBeNull();
      expect(isCoachable(input)).toBe(false);
    }
  });

  it('coaches multi-line textareas and contenteditable roots', () => {
    const box = html(`
      <textarea id="a" rows="4"></textarea>
      <textarea id="b"></textarea>
      <div id="c" contenteditable="true" role="textbox" aria-multiline="true"></div>
      <div id="d" contenteditable="true"></div>`);
    for (const id of ['a', 'b', 'c', 'd']) expect(isCoachable($(`#${id}`, box)), id).toBe(true);
  });

  it('skips read-only, disabled and opted-out fields', () => {
    const box = html(`
      <textarea id="ro" readonly></textarea>
      <textarea id="dis" disabled></textarea>
      <textarea id="gram" data-enable-grammarly="false"></textarea>
      <div data-enable-grammarly="false"><div><textarea id="gram-anc"></textarea></div></div>
      <textarea id="gramm" data-gramm="false"></textarea>
      <div id="ce-gram" contenteditable="true" data-enable-grammarly="false"></div>
      <div id="aria-ro" contenteditable="true" aria-readonly="true"></div>
      <div id="ce-false" contenteditable="false"></div>
      <div hidden><textarea id="hidden"></textarea></div>`);
    for (const id of ['ro', 'dis', 'gram', 'gram-anc', 'gramm', 'ce-gram', 'aria-ro', 'ce-false', 'hidden']) {
      expect(isCoachable($(`#${id}`, box)), id).toBe(false);
    }
  });

  it('skips search boxes and one-line fields', () => {
    const box = html(`
      <div id="sb" contenteditable="true" role="searchbox"></div>
      <div id="cb" contenteditable="true" role="combobox"></div>
      <div id="one" contenteditable="true" role="textbox" aria-multiline="false"></div>
      <div id="nowrap" contenteditable="true" style="white-space: nowrap"></div>
      <form role="search"><div id="in-search" contenteditable="true"></div><textarea id="ta-search"></textarea></form>
      <textarea id="rows1" rows="1"></textarea>`);
    for (const id of ['sb', 'cb', 'one', 'nowrap', 'in-search', 'ta-search', 'rows1']) {
      expect(isCoachable($(`#${id}`, box)), id).toBe(false);
    }
  });

  it('takes a rows="1" textarea once it is drawn two lines tall (auto-growing chat boxes)', () => {
    const box = html('<textarea id="chat" rows="1" style="line-height: 20px"></textarea>');
    const ta = $<HTMLTextAreaElement>('#chat', box);
    const sized = (height: number) => (ta.getBoundingClientRect = () => ({ height }) as DOMRect);
    sized(36);
    expect(isCoachable(ta)).toBe(false);
    sized(64);
    expect(isCoachable(ta)).toBe(true);
  });

  it('treats editable islands inside an editor as part of it (CKEditor nested editables)', () => {
    const box = html(`
      <div id="root" class="ck-editor__editable" contenteditable="true">
        <figure class="ck-widget table" contenteditable="false">
          <table><tbody><tr><td id="cell" class="ck-editor__editable ck-editor__nested-editable" contenteditable="true">x</td></tr></tbody></table>
        </figure>
        <div id="inner" contenteditable="true">nested</div>
      </div>`);
    expect(editorKindOf($('#cell', box))).toBeNull();
    expect(editorKindOf($('#inner', box))).toBeNull();
    expect(ids(findEditors(box))).toEqual(['root']);
  });
});

describe('findEditors on the fixture pages', () => {
  it('finds exactly what the support form fixture says to coach', () => {
    const fixture = loadFixture('textarea', 'https://www.example.test/support/contact');
    const found = findEditors(document);
    expect(found.map((e) => `#${e.element.id}`)).toEqual(fixture.expect.coach);
    for (const sel of fixture.expect.skip as string[]) expect(isCoachable($(sel)), sel).toBe(false);
    expect(found.every((e) => e.kind === 'textarea')).toBe(true);
  });

  it('finds the Gmail reply body (and never the search box)', () => {
    loadFixture('gmail', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxDpHtkqWnCRbLtjvbhXHzq');
    const found = findEditors(document);
    expect(found.map((e) => [e.element.id, e.kind])).toEqual([[':r1', 'gmail']]);
  });

  it('finds textareas in open shadow roots', () => {
    const fixture = loadFixture('dynamic', 'https://www.example.test/app/inbox');
    fixture.add('textarea');
    fixture.add('contenteditable');
    const id = fixture.add('shadow');
    const found = findEditors(document);
    expect(found.map((e) => e.kind)).toEqual(['textarea', 'contenteditable', 'textarea']);
    expect(found[2]!.element.getRootNode()).toBe($(`#${id}`).shadowRoot);
  });

  it('returns the same object for the same editor', () => {
    const box = html('<textarea id="t"></textarea>');
    expect(findEditors(box)[0]).toBe(findEditors(document)[0]);
  });
});

describe('watchEditors', () => {
  function watch() {
    const added: WatchedEditor[] = [];
    const removed: WatchedEditor[] = [];
    const stop = watchEditors(
      document,
      (e) => added.push(e),
      (e) => removed.push(e),
    );
    return {
      added,
      removed,
      stop,
      clear: () => {
        added.length = 0;
        removed.length = 0;
      },
    };
  }

  it('reports editors added later, not the ones already there, and their removal', async () => {
    const box = html('<textarea id="first"></textarea>');
    const w = watch();
    await tick();
    expect(w.added).toEqual([]);

    const ta = document.createElement('textarea');
    ta.id = 'second';
    box.append(ta);
    await tick();
    expect(ids(w.added)).toEqual(['second']);
    expect(w.added[0]!.kind).toBe('textarea');

    $('#first').remove();
    ta.remove();
    await tick();
    expect(ids(w.removed).sort()).toEqual(['first', 'second']);
    w.stop();
  });

  it('finds editors deep inside an added subtree, once each, and ignores what is not coachable', async () => {
    const w = watch();
    const panel = document.createElement('section');
    panel.innerHTML =
      '<div><textarea id="a"></textarea><input type="text"><div id="b" contenteditable="true"><p>x</p></div></div>';
    document.body.append(panel);
    // Nested additions in the same batch are searched once.
    const extra = document.createElement('div');
    extra.innerHTML = '<textarea id="c"></textarea><textarea id="ro" readonly></textarea>';
    panel.firstElementChild!.append(extra);
    await tick();
    expect(ids(w.added)).toEqual(['a', 'b', 'c']);
    w.stop();
  });

  it('follows attributes that make an element an editor or stop it being one', async () => {
    const box = html('<div id="d"><p>text</p></div><textarea id="t"></textarea>');
    const w = watch();
    $('#d', box).setAttribute('contenteditable', 'true');
    await tick();
    expect(ids(w.added)).toEqual(['d']);
    expect(w.added[0]!.kind).toBe('contenteditable');

    $('#t', box).setAttribute('readonly', '');
    $('#d', box).setAttribute('contenteditable', 'false');
    await tick();
    expect(ids(w.removed).sort()).toEqual(['d', 't']);

    w.clear();
    $('#t', box).removeAttribute('readonly');
    await tick();
    expect(ids(w.added)).toEqual(['t']);

    // An opt-out on an ancestor takes every editor under it away.
    w.clear();
    box.setAttribute('data-enable-grammarly', 'false');
    await tick();
    expect(ids(w.removed)).toEqual(['t']);
    w.stop();
  });

  it('reports a re-rendered editor as removed and added, and a moved one not at all', async () => {
    const fixture = loadFixture('dynamic', 'https://www.example.test/app/inbox');
    fixture.add('textarea', 'Hello');
    fixture.add('contenteditable', 'Hi');
    const w = watch();
    const before = findEditors(document).map((e) => e.element);
    fixture.rerender();
    await tick();
    expect(w.removed.map((e) => e.element)).toEqual(before);
    expect(w.added.map((e) => e.element.id)).toEqual(before.map((e) => e.id));
    expect(w.added.every((e) => !before.includes(e.element))).toBe(true);

    w.clear();
    const list = $('.editors');
    list.append(list.firstElementChild!); // moves the textarea to the end
    await tick();
    expect(w.added).toEqual([]);
    expect(w.removed).toEqual([]);
    w.stop();
  });

  it('sees editors in shadow roots come and go', async () => {
    const fixture = loadFixture('dynamic', 'https://www.example.test/app/inbox');
    const w = watch();
    const id = fixture.add('shadow', 'note');
    await tick();
    expect(w.added).toHaveLength(1);
    expect(w.added[0]!.element.getRootNode()).toBe($(`#${id}`).shadowRoot);
    // Changes inside the (now observed) shadow root are seen too.
    const root = $(`#${id}`).shadowRoot!;
    const second = document.createElement('textarea');
    root.append(second);
    await tick();
    expect(w.added.map((e) => e.element)).toContain(second);

    fixture.removeLast();
    await tick();
    expect(w.removed).toHaveLength(2);
    w.stop();
  });

  it('survives a client-side route change and an editor added after a delay', async () => {
    const fixture = loadFixture('dynamic', 'https://www.example.test/app/inbox');
    fixture.add('textarea');
    const w = watch();
    fixture.navigate('/app/settings');
    await tick();
    expect(w.removed).toHaveLength(1);
    expect(ids(w.added)).toEqual(['auto-reply']);
    fixture.navigate('/app/inbox');
    const id = await fixture.addLater('textarea', 10);
    await tick();
    expect(ids(w.removed)).toContain('auto-reply');
    expect(ids(w.added)).toContain(id);
    w.stop();
  });

  it('sees Gmail compose windows open and close', async () => {
    const fixture = loadFixture('gmail', 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxDpHtkqWnCRbLtjvbhXHzq');
    const w = watch();
    const dialog: HTMLElement = await fixture.openCompose();
    await tick();
    expect(w.added.map((e) => [e.element.id, e.kind])).toEqual([[':c1', 'gmail']]);
    $<HTMLElement>('[aria-label^="Send"]', dialog).click();
    await tick();
    expect(w.removed.map((e) => e.element.id)).toEqual([':c1']);
    w.stop();
  });

  it('stops reporting once disconnected', async () => {
    const w = watch();
    w.stop();
    html('<textarea></textarea>');
    await tick();
    expect(w.added).toEqual([]);
  });
});
