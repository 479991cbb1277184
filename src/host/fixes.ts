import type { Fix } from '../engine';
import type { TextSnapshot, WatchedEditor } from './types';

/**
 * Applies a fix through the browser's editing pipeline, so the host app's own state and undo
 * stay right: one fix is one undo step. Returns false when the editor refused the change.
 */
export async function applyFix(editor: WatchedEditor, snapshot: TextSnapshot, fix: Fix): Promise<boolean> {
  const el = editor.element;
  if (editor.kind === 'textarea') return applyToTextarea(el as HTMLTextAreaElement, fix);
  const range = snapshot.toRange(fix.start, fix.end);
  if (!range) return false;
  if (editor.kind === 'ckeditor') return applyToModelEditor(el, range, fix.text);
  return applyToEditable(el, range, fix.text);
}

function collapsedAtStart(el: HTMLElement): Range {
  const r = el.ownerDocument.createRange();
  r.setStart(el, 0);
  r.collapse(true);
  return r;
}

/** Resolves after the page has seen the selection change (or after a short while). */
function selectionSettled(doc: Document): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      doc.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 100);
    doc.addEventListener('selectionchange', done);
  });
}

function applyToTextarea(el: HTMLTextAreaElement, fix: Fix): boolean {
  el.focus();
  el.setSelectionRange(fix.start, fix.end);
  const done =
    fix.text === '' ? document.execCommand('delete', false) : document.execCommand('insertText', false, fix.text);
  if (done) return true;
  // Without execCommand (some browsers), still change the value and tell the page.
  el.setRangeText(fix.text, fix.start, fix.end, 'end');
  el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.text }));
  return true;
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain contenteditable and Gmail: select the span, then let the browser insert the text. */
function applyToEditable(el: HTMLElement, range: Range, text: string): boolean {
  el.focus();
  const selection = el.ownerDocument.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  if (text === '') return document.execCommand('delete', false);
  if (!text.includes('\n')) return document.execCommand('insertText', false, text);
  // Line breaks as <br>, in one editing command (one undo step).
  return document.execCommand('insertHTML', false, text.split('\n').map(escapeHtml).join('<br>'));
}

/**
 * Model editors (CKEditor 5) ignore DOM edits they did not see coming and redraw their model's
 * text. A `beforeinput` of type insertReplacementText over the span is what they expect from a
 * spell checker: they apply it to their model as one change and one undo step.
 */
async function applyToModelEditor(el: HTMLElement, range: Range, text: string): Promise<boolean> {
  el.focus();
  // Select the span first and let the editor see it: a selection change closes its current
  // typing batch, so the fix becomes an undo step of its own instead of joining the last typing.
  const selection = el.ownerDocument.getSelection();
  if (selection) {
    // An insertion lands where the caret already is, which is no change at all: move the caret
    // away once, so that the editor always sees a selection change.
    for (const r of [collapsedAtStart(el), range.cloneRange()]) {
      const settled = selectionSettled(el.ownerDocument);
      selection.removeAllRanges();
      selection.addRange(r);
      await settled;
    }
  }
  // The editor turns each line break into a paragraph command of its own, which would make the
  // fix several undo steps: insert it on the current line instead.
  text = text.replace(/^\n+/, ' ').replace(/\n+$/, ' ').replace(/\n+/g, ' ');
  const target = new StaticRange({
    startContainer: range.startContainer,
    startOffset: range.startOffset,
    endContainer: range.endContainer,
    endOffset: range.endOffset,
  });
  const event = new InputEvent('beforeinput', {
    inputType: 'insertReplacementText',
    data: text,
    bubbles: true,
    cancelable: true,
    composed: true,
    targetRanges: [target],
  });
  el.dispatchEvent(event);
  // The editor takes the change by cancelling the native default; otherwise nobody handled it.
  return event.defaultPrevented;
}
