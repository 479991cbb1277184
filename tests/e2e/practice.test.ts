import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Locator, Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// The practice page in real Chromium with the built extension: underlines in the draft, score,
// findings, and a fix applied through the editing pipeline (one undo step).

let browser: ExtensionBrowser;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`chrome-extension://${browser.extensionId}/practice.html`);
  // The coach has loaded once the prefilled example has a score.
  await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#score')?.textContent ?? ''));
});

afterAll(async () => {
  await browser?.close();
});

const draft = () => page.getByLabel('Your reply', { exact: true });
const customer = () => page.getByLabel("Customer's message", { exact: true });

/** Replaces the draft by pasting from the clipboard: one edit, linted without the typing pause. */
async function pasteDraft(text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await draft().focus();
  await page.keyboard.press('Control+a');
  await page.keyboard.press('Control+v');
  await expect.poll(() => draft().inputValue()).toBe(text);
}

async function markedTexts(ruleId: string): Promise<string[]> {
  return page.locator(`.draft-mirror mark[data-rule-id="${ruleId}"]`).allTextContents();
}

describe('practice page', () => {
  test('underlines a shouted phrase exactly where it is in the draft', async () => {
    await customer().fill('My parcel is two weeks late and nobody answers my emails.');
    const text = 'Hi Dana,\nI TOLD YOU it shipped!!! It will arrive on Monday.';
    await pasteDraft(text);

    // Each mark covers exactly the text of one no-shouting finding in the list, and together
    // they cover the shouted words and the exclamation marks.
    const flagged = page.locator('.finding-list > li[data-rule-id="no-shouting"] .finding-actual');
    await expect.poll(() => flagged.count()).toBeGreaterThan(0);
    const marks = await markedTexts('no-shouting');
    expect([...marks].sort()).toEqual([...(await flagged.allTextContents())].sort());
    expect(marks.join(' ')).toContain('TOLD YOU');
    expect(marks).toContain('!!!');
    // The mirror repeats the draft character for character (plus the trailing-line spacer).
    expect(await page.locator('.draft-mirror').textContent()).toBe(`${text} `);

    // Where the textarea itself draws the first marked word ("TOLD", or "TOLD YOU"): line 2,
    // after "I ", measured with a canvas in the textarea's own font, independently of the mirror.
    const first = marks[0]!;
    expect(first.startsWith('TOLD')).toBe(true);
    const expected = await draft().evaluate((ta: HTMLTextAreaElement, word: string) => {
      const cs = getComputedStyle(ta);
      const ctx = document.createElement('canvas').getContext('2d')!;
      ctx.font = `${cs.fontStyle} ${cs.fontWeight} ${cs.fontSize} ${cs.fontFamily}`;
      const box = ta.getBoundingClientRect();
      const lineHeight = parseFloat(cs.lineHeight);
      return {
        left: box.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft) + ctx.measureText('I ').width,
        width: ctx.measureText(word).width,
        lineTop: box.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) + lineHeight - ta.scrollTop,
        lineHeight,
      };
    }, first);
    const mark = page.locator('.draft-mirror mark[data-rule-id="no-shouting"]').first();
    const box = (await mark.boundingBox())!;
    expect(Math.abs(box.x - expected.left)).toBeLessThan(2);
    expect(Math.abs(box.width - expected.width)).toBeLessThan(2);
    const middle = box.y + box.height / 2;
    expect(middle).toBeGreaterThan(expected.lineTop);
    expect(middle).toBeLessThan(expected.lineTop + expected.lineHeight);

    // The score and the finding with its message and reason.
    const score = Number(await page.locator('#score').textContent());
    expect(score).toBeGreaterThanOrEqual(0);
    expect(score).toBeLessThan(100);
    const item = page.locator('.finding-list > li[data-rule-id="no-shouting"]').first();
    await expect.poll(() => item.locator('.finding-name').textContent()).toBe('Shouting');
    expect((await item.locator('.finding-message').textContent())?.trim()).not.toBe('');
    expect((await item.locator('.finding-why').textContent())?.trim()).not.toBe('');
    expect(await page.locator('.findings').getAttribute('aria-live')).toBe('polite');

    expect(consoleErrors).toEqual([]);
  });

  test('keeps the underlines on the text when the draft scrolls', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `Line ${i + 1} of the reply.`);
    const text = `${lines.join('\n')}\nI TOLD YOU it shipped.`;
    await pasteDraft(text);
    const mark = page.locator('.draft-mirror mark[data-rule-id="no-shouting"]').first();
    await expect.poll(() => mark.textContent()).toMatch(/^TOLD/);

    await draft().evaluate((ta: HTMLTextAreaElement) => {
      ta.scrollTop = ta.scrollHeight;
    });
    // The last line (index 40) is visible at the bottom; its mark must sit on it.
    const offset = async () => {
      const line = await draft().evaluate((ta: HTMLTextAreaElement) => {
        const cs = getComputedStyle(ta);
        const lineHeight = parseFloat(cs.lineHeight);
        const top = ta.getBoundingClientRect().top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop);
        return { top: top + 40 * lineHeight - ta.scrollTop, lineHeight };
      });
      const box = (await mark.boundingBox())!;
      const middle = box.y + box.height / 2 - line.top;
      return middle > 0 && middle < line.lineHeight;
    };
    await expect.poll(offset).toBe(true);
    expect(await draft().evaluate((ta: HTMLTextAreaElement) => ta.scrollTop)).toBeGreaterThan(0);

    expect(consoleErrors).toEqual([]);
  });

  test('applies a fix in one step that Ctrl+Z takes back', async () => {
    const text = 'Hi Dana,\nAs I already said, per our policy refunds take five days to reach your card.';
    await pasteDraft(text);

    // no-policy-hiding and no-condescension offer replacements for these phrases.
    const fixButtons = page.locator('.finding-list .fix-button');
    await expect.poll(() => fixButtons.count()).toBeGreaterThan(0);
    const fixes = await fixButtons.evaluateAll((buttons) =>
      buttons.map((b) => ({
        start: Number((b as HTMLElement).dataset.fixStart),
        end: Number((b as HTMLElement).dataset.fixEnd),
        text: (b as HTMLElement).dataset.fixText ?? '',
      })),
    );
    // Prefer a replacement over an insertion: it exercises replacing a selected span.
    const index = Math.max(
      0,
      fixes.findIndex((f) => f.start < f.end),
    );
    const fix = fixes[index]!;
    const button: Locator = fixButtons.nth(index);
    const before = await draft().inputValue();
    expect(before).toBe(text);
    const after = before.slice(0, fix.start) + fix.text + before.slice(fix.end);

    await button.click();
    await expect.poll(() => draft().inputValue()).toBe(after);
    // The page keeps up: the mirror shows the fixed text.
    await expect.poll(() => page.locator('.draft-mirror').textContent()).toBe(`${after} `);

    await draft().focus();
    await page.keyboard.press('Control+z');
    await expect.poll(() => draft().inputValue()).toBe(before);
    await expect.poll(() => page.locator('.draft-mirror').textContent()).toBe(`${before} `);

    expect(consoleErrors).toEqual([]);
  });
});
