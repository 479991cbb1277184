import { describe, expect, it } from 'vitest';
import { fromExtensionPage, fromTab, isHostName } from '../../entrypoints/background/senders';

const ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${ID}/`;

describe('who may change settings through the background', () => {
  it('accepts only the extension own pages for settings changes', () => {
    expect(fromExtensionPage({ id: ID, url: `${ORIGIN}popup.html` }, ID, ORIGIN)).toBe(true);
    // A content script (in a page whose scripts are untrusted) or another extension may not.
    expect(fromExtensionPage({ id: ID, url: 'https://mail.google.com/', tab: { id: 3 } as never }, ID, ORIGIN)).toBe(
      false,
    );
    expect(fromExtensionPage({ id: 'other', url: `chrome-extension://other/popup.html` }, ID, ORIGIN)).toBe(false);
    expect(fromExtensionPage({ id: ID }, ID, ORIGIN)).toBe(false);
  });

  it('takes badge updates only from this extension content scripts in a tab', () => {
    expect(fromTab({ id: ID, tab: { id: 7 } as never }, ID)).toBe(7);
    expect(fromTab({ id: ID }, ID)).toBeNull();
    expect(fromTab({ id: 'other', tab: { id: 7 } as never }, ID)).toBeNull();
  });

  it('accepts plain host names only, never patterns or URLs', () => {
    for (const ok of ['mail.google.com', 'acme.zendesk.com', 'localhost', 'www.example.test', '127.0.0.1'])
      expect(isHostName(ok), ok).toBe(true);
    for (const bad of ['*', '<all_urls>', '*.example.com', 'https://x.com', 'x.com/path', '', 'a b', 42, null])
      expect(isHostName(bad), String(bad)).toBe(false);
  });
});
