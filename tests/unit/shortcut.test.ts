import { describe, expect, it } from 'vitest';
import { matchesShortcut } from '../../entrypoints/coach/controller';

const key = (init: Partial<KeyboardEvent>) =>
  ({ altKey: false, shiftKey: false, ctrlKey: false, metaKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('the next-suggestion key as the browser reports it', () => {
  it('matches the default and a remapped key, and nothing when unset', () => {
    const altShiftN = key({ altKey: true, shiftKey: true, key: 'N', code: 'KeyN' });
    expect(matchesShortcut(altShiftN, 'Alt+Shift+N')).toBe(true);
    expect(matchesShortcut(altShiftN, 'Ctrl+Shift+Y')).toBe(false);
    expect(matchesShortcut(key({ ctrlKey: true, shiftKey: true, key: 'Y', code: 'KeyY' }), 'Ctrl+Shift+Y')).toBe(true);
    expect(matchesShortcut(key({ altKey: true, key: 'n', code: 'KeyN' }), 'Alt+Shift+N')).toBe(false);
    expect(matchesShortcut(altShiftN, null)).toBe(false);
  });
});
