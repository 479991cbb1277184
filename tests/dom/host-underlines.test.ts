import { afterEach, describe, expect, it } from 'vitest';
import type { TextSnapshot, WatchedEditor } from '../../src/host/types';
import { compareSpecificity, UnderlinePainter, type Underline } from '../../src/host/underlines';

afterEach(() => {
  document.body.innerHTML = '';
});

const textarea = (value: string): WatchedEditor => {
  const el = document.createElement('textarea');
  el.value = value;
  document.body.append(el);
  return { element: el, kind: 'textarea' } as WatchedEditor;
};
const snapshotOf = (text: string): TextSnapshot => ({ text, toDom: () => null, toRange: () => null });

describe('underlines in a textarea mirror', () => {
  const text = 'Hi Dana, the warehouse messed up your order.';
  const phrase: Underline = { start: 9, end: 32, level: 'warning' };
  const sentence: Underline = { start: 0, end: text.length, level: 'info', missing: true };

  it('draws a phrase inside a sentence-wide missing piece: both show, the phrase inside', () => {
    const layer = document.createElement('div');
    const painter = new UnderlinePainter(textarea(text), layer);
    painter.paint(snapshotOf(text), [sentence, phrase]);
    const mirror = layer.querySelector('.tactful-mirror')!;
    const missing = mirror.querySelectorAll('.tactful-missing');
    const words = mirror.querySelectorAll('.tactful-warning');
    expect(words).toHaveLength(1);
    expect(words[0]!.textContent).toBe('the warehouse messed up');
    // The sentence's pieces cover the whole text, one of them around the phrase.
    expect([...missing].map((s) => s.textContent).join('')).toBe(text);
    expect(words[0]!.parentElement!.classList.contains('tactful-missing')).toBe(true);
    // The mirror's text is exactly the draft (plus the trailing zero-width space).
    expect(mirror.textContent).toBe(`${text}\u200b`);
  });

  it('keeps partial overlaps and identical spans whole too', () => {
    const t = 'abcdefghij';
    const layer = document.createElement('div');
    const painter = new UnderlinePainter(textarea(t), layer);
    painter.paint(snapshotOf(t), [
      { start: 0, end: 6, level: 'error' },
      { start: 4, end: 10, level: 'warning' },
      { start: 4, end: 10, level: 'warning' },
    ]);
    const mirror = layer.querySelector('.tactful-mirror')!;
    expect(mirror.textContent).toBe(`${t}\u200b`);
    const text = (cls: string) => [...mirror.querySelectorAll(cls)].map((s) => s.textContent).join('|');
    expect(text('.tactful-error')).toBe('abcd|ef');
    expect(text('.tactful-warning')).toBe('ef|ef|ghij|ghij');
  });
});

describe('which finding under the pointer comes first', () => {
  it('words to change before a missing piece, then the higher level, then the narrower span', () => {
    const missingError: Underline = { start: 0, end: 40, level: 'error', missing: true };
    const phraseInfo: Underline = { start: 5, end: 9, level: 'info' };
    const phraseWarning: Underline = { start: 5, end: 20, level: 'warning' };
    const narrowWarning: Underline = { start: 6, end: 9, level: 'warning' };
    const sorted = [missingError, phraseInfo, phraseWarning, narrowWarning].sort(compareSpecificity);
    expect(sorted).toEqual([narrowWarning, phraseWarning, phraseInfo, missingError]);
  });
});

describe('custom highlights', () => {
  it('registers one range for two findings over the same words in the same style', () => {
    const added: AbstractRange[] = [];
    class FakeHighlight {
      priority = 0;
      add(r: AbstractRange) {
        added.push(r);
      }
      delete() {}
    }
    const registry = new Map<string, FakeHighlight>();
    const g = globalThis as unknown as { CSS: unknown; Highlight: unknown };
    const saved = { CSS: g.CSS, Highlight: g.Highlight };
    g.CSS = { highlights: registry };
    g.Highlight = FakeHighlight;
    try {
      const el = document.createElement('div');
      el.contentEditable = 'true';
      el.textContent = 'Your order shipped.';
      document.body.append(el);
      const snapshot: TextSnapshot = {
        text: el.textContent,
        toDom: () => null,
        toRange: (s, e) => {
          const r = document.createRange();
          r.setStart(el.firstChild!, s);
          r.setEnd(el.firstChild!, e);
          return r;
        },
      };
      const painter = new UnderlinePainter({ element: el, kind: 'contenteditable' } as WatchedEditor, el);
      const whole = { start: 0, end: 19, level: 'info' as const, missing: true };
      painter.paint(snapshot, [whole, { ...whole }]);
      expect(added).toHaveLength(1);
      // Both findings still answer for their place.
      expect(painter.rectsOf(0)).toEqual(painter.rectsOf(1));
    } finally {
      g.CSS = saved.CSS;
      g.Highlight = saved.Highlight;
    }
  });
});
