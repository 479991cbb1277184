import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeName, coach, inCoachWorld } from './coach-world';
import { gmailUrl, launchWithHosts, textareaUrl, zendeskUrl, dynamicUrl, type HostedBrowser } from './hosts';

// Each scenario is written once and run on every kind of editor: a plain textarea (on a default
// site), Gmail's contenteditable body, and Zendesk's real CKEditor 5.

const BLAME = 'The warehouse messed up your order';
const DRAFT = `${BLAME} and it shipped late.`;
// The first fix owns the deed: "The warehouse messed up" → "We messed up".
const FIXED = 'We messed up';
/** What no-blame-shifting flags in DRAFT. */
const FLAGGED = 'The warehouse messed up';

interface EditorCase {
  name: string;
  url: () => string;
  /** Focuses the editor and replaces its draft by typing. */
  write(page: Page, text: string): Promise<void>;
  /** The draft as the host app sees it. */
  hostText(page: Page): Promise<string>;
}

const textarea: EditorCase = {
  name: 'textarea',
  url: () => textareaUrl(),
  async write(page, text) {
    const el = page.locator('textarea#message');
    await el.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  },
  hostText: (page) => page.locator('textarea#message').inputValue(),
};

const gmail: EditorCase = {
  name: 'gmail',
  url: gmailUrl,
  async write(page, text) {
    // The inline reply starts with the agent's own draft line above the signature: replace it.
    const body = page.locator('div[aria-label="Message Body"]').first();
    await body.click();
    await page.evaluate(() => {
      // Everything from the top of the body to the signature (which, with the quote, stays).
      const el = document.querySelector('div[aria-label="Message Body"]')!;
      const top = el.firstElementChild ?? el;
      const sel = getSelection()!;
      sel.removeAllRanges();
      const r = document.createRange();
      r.setStart(top, 0);
      r.setEndBefore(top.querySelector('br[clear="all"], .gmail_signature_prefix')!);
      sel.addRange(r);
    });
    await page.keyboard.type(text);
  },
  hostText: (page) => page.evaluate(() => (window as any).fixture.gmailDraftText(0) as string),
};

const zendesk: EditorCase = {
  name: 'zendesk (CKEditor 5)',
  url: () => zendeskUrl('upset'),
  async write(page, text) {
    await page.locator('.ck-editor__editable').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(text);
  },
  hostText: (page) =>
    page.evaluate(() => {
      const data: string = (window as any).fixture.editor.getData();
      return data
        .replace(/<\/p><p>/g, '\n')
        .replace(/<[^>]+>/g, '')
        .replace(/&nbsp;/g, ' ');
    }),
};

let browser: HostedBrowser;
const errors: string[] = [];

async function open(url: string): Promise<Page> {
  const page = await browser.open(url);
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${url}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${url}: ${e.message}`));
  await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
  return page;
}

const badgeLabel = badgeName;

/** Rectangles of the underline of exactly `phrase` (a finding's flagged words) and of the phrase's own text. */
async function underlineAndTextRects(page: Page, kind: string, phrase: string) {
  return inCoachWorld(
    page,
    ({ kind, phrase }) => {
      const box = (r: DOMRect) => ({ left: r.left, top: r.top, width: r.width, height: r.height });
      if (kind === 'textarea') {
        const ta = document.querySelector('textarea#message') as HTMLTextAreaElement;
        const mirror = (globalThis as any).__tactfulOverlayRoot.querySelector('.tactful-mirror')!;
        const span = [...mirror.querySelectorAll('.tactful-u')].find((s) => s.textContent === phrase);
        if (!span) return null;
        // The phrase's own place in the textarea: its padding box plus the measured text before it.
        const cs = getComputedStyle(ta);
        const ctx = document.createElement('canvas').getContext('2d')!;
        ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
        const before = ta.value.slice(0, ta.value.indexOf(phrase));
        const r = ta.getBoundingClientRect();
        const left =
          r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText(before).width;
        return {
          underline: box(span.getBoundingClientRect()),
          text: {
            left,
            width: ctx.measureText(phrase).width,
            top: r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop),
          },
        };
      }
      const ranges: Range[] = [];
      for (const name of ['tactful-error', 'tactful-warning', 'tactful-info']) {
        const h = (CSS as any).highlights.get(name);
        if (h) for (const r of h) ranges.push(r as Range);
      }
      const hit = ranges.find((r) => r.toString() === phrase);
      if (!hit) return null;
      // The phrase found independently in the editor's text nodes.
      const root = document.querySelector(
        kind === 'gmail' ? 'div[aria-label="Message Body"]' : '.ck-editor__editable',
      )!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
        const at = n.data.indexOf(phrase);
        if (at < 0) continue;
        const own = document.createRange();
        own.setStart(n, at);
        own.setEnd(n, at + phrase.length);
        return { underline: box(hit.getBoundingClientRect()), text: box(own.getBoundingClientRect()) };
      }
      return null;
    },
    { kind, phrase },
  );
}

beforeAll(async () => {
  browser = await launchWithHosts();
});
afterAll(async () => {
  await browser?.close();
});

describe.each([textarea, gmail, zendesk])('on $name', (ed) => {
  const kind = ed.name.startsWith('zendesk') ? 'ckeditor' : ed.name;

  it('underlines a blame-shifting phrase exactly over its text', async () => {
    const page = await open(ed.url());
    await ed.write(page, DRAFT);
    await expect.poll(() => underlineAndTextRects(page, kind, FLAGGED), { timeout: 10_000 }).not.toBeNull();
    const rects = (await underlineAndTextRects(page, kind, FLAGGED))!;
    // The underline starts and ends where the flagged words do, on their line.
    expect(Math.abs(rects.underline.top - rects.text.top)).toBeLessThan(3);
    expect(Math.abs(rects.underline.left - rects.text.left)).toBeLessThan(1.5);
    expect(Math.abs(rects.underline.width - rects.text.width)).toBeLessThan(2);
    await page.close();
  });

  it('opens the card by mouse and by keyboard, applies a fix the host sees, and Ctrl+Z restores the draft', async () => {
    const page = await open(ed.url());
    await ed.write(page, DRAFT);
    await expect.poll(() => underlineAndTextRects(page, kind, FLAGGED), { timeout: 10_000 }).not.toBeNull();
    const before = await ed.hostText(page);

    // Mouse: hovering the underlined words opens the card.
    const { underline } = (await underlineAndTextRects(page, kind, FLAGGED))!;
    await page.mouse.move(underline.left + 10, underline.top + underline.height / 2);
    const card = coach(page, '[role="dialog"]');
    await expect.poll(() => card.count(), { timeout: 5_000 }).toBe(1);
    expect(await card.textContent()).toContain('Own the problem');
    await page.keyboard.press('Escape');
    await page.mouse.move(0, 0);
    await expect.poll(() => card.count()).toBe(0);

    // Keyboard: the shortcut jumps to a finding; step to the blame one; Enter applies its first fix.
    await page.keyboard.press('Alt+Shift+N');
    await expect.poll(() => card.count()).toBe(1);
    for (let i = 0; i < 8 && !(await card.textContent())!.includes('Own the problem'); i++)
      await page.keyboard.press('Alt+Shift+N');
    expect(await card.textContent()).toContain('Own the problem');
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName === 'TACTFUL-COACH')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => ed.hostText(page), { timeout: 5_000 }).toContain(`${FIXED} your order`);
    expect(await ed.hostText(page)).toBe(before.replace(BLAME.split(' your')[0]!, FIXED));

    // One undo step restores the exact draft.
    await page.keyboard.press('Control+z');
    await expect.poll(() => ed.hostText(page)).toBe(before);
    await page.close();
  });

  it('inserts a missing closing line where it belongs (before the signature), as one undo step', async () => {
    const page = await open(ed.url());
    await ed.write(page, 'Hi Dana,');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Your new lamp ships today.');
    await coach(page, '.tf-badge').click({ timeout: 10_000 });
    const entry = coach(page, '.tf-panel button', { hasText: 'friendly closing' });
    await expect.poll(() => entry.count(), { timeout: 10_000 }).toBe(1);
    const before = await ed.hostText(page);
    await entry.click();
    await coach(page, '[role="dialog"] button', { hasText: 'Have a great day!' }).click();
    // On its own line where the editor allows it in one step (CKEditor: on the same line).
    await expect.poll(() => ed.hostText(page), { timeout: 5_000 }).toMatch(/ships today\.\s*Have a great day!\s*$/);
    if (ed === gmail) {
      // The signature stays last, after the inserted closing.
      const body = await page.evaluate(() => (window as any).fixture.gmailBodyText(0) as string);
      expect(body.indexOf('Have a great day!')).toBeLessThan(body.indexOf('Sam Patel'));
    }
    await page.keyboard.press('Control+z');
    await expect.poll(() => ed.hostText(page)).toBe(before);
    await page.close();
  });

  it('remembers a dismissal while the draft lives', async () => {
    const page = await open(ed.url());
    await ed.write(page, DRAFT);
    await expect.poll(() => underlineAndTextRects(page, kind, FLAGGED), { timeout: 10_000 }).not.toBeNull();
    const { underline } = (await underlineAndTextRects(page, kind, FLAGGED))!;
    await page.mouse.move(underline.left + 10, underline.top + underline.height / 2);
    await coach(page, '[role="dialog"] button', { hasText: 'Dismiss' }).click();
    await expect.poll(() => underlineAndTextRects(page, kind, FLAGGED)).toBeNull();
    // Typing elsewhere re-lints; the dismissed finding stays away.
    await page.keyboard.press('End');
    await page.keyboard.type(' Thanks.');
    await expect.poll(() => ed.hostText(page)).toContain('Thanks.');
    const label = await badgeLabel(page);
    expect(label).toMatch(/^Tactful:/);
    expect(await underlineAndTextRects(page, kind, FLAGGED)).toBeNull();
    await page.close();
  });
});

describe('context from the page', () => {
  const apologyCard = async (page: Page) => {
    await coach(page, '.tf-badge').click();
    await expect.poll(() => coach(page, '.tf-panel, [role="listbox"], ul').count()).toBeGreaterThan(0);
    return inCoachWorld(page, () => (globalThis as any).__tactfulOverlayRoot?.textContent ?? null);
  };

  it('asks for an apology when the Zendesk customer is upset, not when happy', async () => {
    for (const [mood, expected] of [
      ['upset', true],
      ['happy', false],
    ] as const) {
      const page = await open(zendeskUrl(mood));
      await zendesk.write(page, 'Hi Maria, your refund was sent today. Have a great day!');
      await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful: /);
      const text = await apologyCard(page);
      expect(/acknowledge it with a short apology/.test(text ?? '')).toBe(expected);
      await page.close();
    }
  });

  it('asks Gmail for an apology because the last customer message is upset', async () => {
    const page = await open(gmailUrl());
    await gmail.write(page, 'Hi Dana, a new lamp ships today. Have a great day!');
    await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful: /);
    expect(await apologyCard(page)).toMatch(/acknowledge it with a short apology/);
    await page.close();
  });

  it('coaches nothing in a Zendesk internal note, and no greeting on a messaging ticket', async () => {
    const page = await open(zendeskUrl('messaging'));
    await zendesk.write(page, DRAFT);
    await expect.poll(() => underlineAndTextRects(page, 'ckeditor', FLAGGED), { timeout: 10_000 }).not.toBeNull();
    const chat = await apologyCard(page);
    expect(chat).toMatch(/Own the problem/);
    expect(chat).not.toMatch(/Open with a greeting/);
    await page.keyboard.press('Escape');
    await page.evaluate(() => (window as any).fixture.setInternal(true));
    await page.locator('.ck-editor__editable').click();
    await page.keyboard.press('End');
    await page.keyboard.type(' Ok.');
    await expect.poll(() => underlineAndTextRects(page, 'ckeditor', FLAGGED)).toBeNull();
    await page.close();
  });
});

describe('sites and editors', () => {
  it('does nothing on a site that is off', async () => {
    const page = await open(textareaUrl('www.example.test'));
    await textarea.write(page, DRAFT);
    await expect.poll(() => page.evaluate(() => (window as any).fixture.ready)).toBe(true);
    // Give the coach the time it would need, by waiting for the same condition on a coached page.
    const other = await open(textareaUrl());
    await textarea.write(other, DRAFT);
    await expect.poll(() => badgeLabel(other), { timeout: 10_000 }).toMatch(/^Tactful:/);
    expect(await page.locator('tactful-coach').count()).toBe(0);
    await page.close();
    await other.close();
  });

  it("keeps a textarea's underlines on its text through scrolling inside it and the page, and resizing", async () => {
    const page = await open(textareaUrl());
    const ta = page.locator('#scroll-textarea');
    await ta.click();
    await page.keyboard.type(`${Array.from({ length: 10 }, (_, i) => `Line ${i + 1}.`).join('\n')}\n${DRAFT}`);
    const state = () =>
      inCoachWorld(page, () => {
        const ta = document.querySelector('#scroll-textarea') as HTMLTextAreaElement;
        const mirror = (globalThis as any).__tactfulOverlayRoot?.querySelector('.tactful-mirror') as HTMLElement | null;
        if (!mirror) return null;
        const a = ta.getBoundingClientRect();
        const b = mirror.getBoundingClientRect();
        return {
          box: Math.max(
            Math.abs(a.left - b.left),
            Math.abs(a.top - b.top),
            Math.abs(a.width - b.width),
            Math.abs(a.height - b.height),
          ),
          scroll: Math.abs(ta.scrollTop - mirror.scrollTop),
          textareaScroll: ta.scrollTop,
          flagged: [...mirror.querySelectorAll('.tactful-u')].some((s) => s.textContent === 'The warehouse messed up'),
        };
      });
    const aligned = async () => {
      await expect.poll(async () => (await state())?.flagged, { timeout: 10_000 }).toBe(true);
      await expect
        .poll(async () => {
          const s = await state();
          return s!.box < 0.5 && s!.scroll < 0.5;
        })
        .toBe(true);
    };
    await aligned();
    expect((await state())!.textareaScroll).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('#scroll-box')!.scrollBy(0, 40));
    await aligned();
    await page.evaluate(() => window.scrollBy(0, 25));
    await aligned();
    await page.evaluate(() => ((document.querySelector('#scroll-textarea') as HTMLTextAreaElement).scrollTop = 0));
    await aligned();
    await page.evaluate(
      () => ((document.querySelector('#scroll-textarea') as HTMLTextAreaElement).style.width = '320px'),
    );
    await aligned();
    await page.close();
  });

  it('skips search, password, read-only and opted-out fields', async () => {
    const page = await open(textareaUrl());
    const skipped: string[] = await page.evaluate(() => (window as any).fixture.expect.skip);
    for (const selector of skipped) {
      const field = page.locator(selector);
      if (!(await field.isEditable().catch(() => false))) continue;
      await field.click();
      await page.keyboard.type('I TOLD YOU the warehouse messed up!!!');
    }
    await textarea.write(page, 'Fine.');
    await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful:/);
    const underlined = await inCoachWorld(
      page,
      () => (globalThis as any).__tactfulOverlayRoot?.querySelectorAll('.tactful-mirror').length ?? 0,
    );
    expect(underlined).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('picks up editors that appear later and a second Gmail compose window', async () => {
    const page = await open(gmailUrl());
    await page.evaluate(() => (window as any).fixture.openCompose());
    const compose = page.locator('div[role="dialog"] div[aria-label="Message Body"]').last();
    await compose.click();
    await page.keyboard.type(DRAFT);
    await expect.poll(() => badgeName(page), { timeout: 10_000 }).toMatch(/tone score/);
    await page.close();

    const spa = await open(dynamicUrl());
    await spa.locator('#add-textarea').click();
    const added = spa.locator('textarea').last();
    await added.click();
    await spa.keyboard.type(DRAFT);
    await expect.poll(() => badgeLabel(spa), { timeout: 10_000 }).toMatch(/tone score/);
    await spa.close();
  });

  it('stops when the site is switched off or paused (as the popup does), and comes back', async () => {
    const page = await open(textareaUrl());
    await textarea.write(page, DRAFT);
    await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful:/);
    const worker = browser.context.serviceWorkers()[0]!;
    const setLocal = (items: Record<string, unknown>) =>
      worker.evaluate((items) => (globalThis as any).chrome.storage.local.set(items), items);
    const coached = () => page.locator('tactful-coach').count();

    await setLocal({ sites: { 'help.zendesk.com': false } });
    await expect.poll(coached).toBe(0);
    await setLocal({ sites: {} });
    await page.locator('textarea#message').click();
    await page.keyboard.type(' ');
    await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful:/);

    await setLocal({ pausedUntil: Date.now() + 60 * 60 * 1000 });
    await expect.poll(coached).toBe(0);
    await setLocal({ pausedUntil: null });
    await page.locator('textarea#message').click();
    await expect.poll(() => badgeLabel(page), { timeout: 10_000 }).toMatch(/^Tactful:/);
    await page.close();
  });

  it('logged no errors on any page', () => {
    expect(errors).toEqual([]);
  });
});
