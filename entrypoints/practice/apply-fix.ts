import type { Fix } from '../../src/engine';

/**
 * Applies a fix through the browser's editing pipeline, so the textarea's own undo stack gets
 * one step for it (Ctrl+Z brings the previous text back) and an `input` event reports it.
 */
export function applyFixToTextarea(textarea: HTMLTextAreaElement, fix: Fix): void {
  textarea.focus();
  textarea.setSelectionRange(fix.start, fix.end);
  const done =
    fix.text === '' && fix.start < fix.end
      ? document.execCommand('delete', false)
      : document.execCommand('insertText', false, fix.text);
  if (done) return;
  // No editing command here (rare): the text changes, but undo cannot take it back.
  textarea.setRangeText(fix.text, fix.start, fix.end, 'end');
  textarea.dispatchEvent(
    new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: fix.text }),
  );
}
