// Install and update under an open tab (issue #12, item 11). Chromium injects content scripts only
// into pages loaded afterwards, so the background injects the loader into the open tabs of coached
// sites: an agent who installs Tactful with a ticket open is coached at once, and after an update
// the orphaned coach gives way to the new one — one coach, not two, the draft exactly as typed,
// nothing thrown into the page, no reload. Install and update are real: the extension is loaded
// over the DevTools protocol, then loaded again with a higher version (tests/e2e/updatable.ts).
import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inCoachWorld } from './coach-world';
import { underlined } from './gmail';
import { textareaUrl } from './hosts';
import { launchUpdatable, type UpdatableBrowser } from './updatable';
import { openWatched } from './watched';

let browser: UpdatableBrowser;

beforeAll(async () => {
  browser = await launchUpdatable();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** What of Tactful is in the page: coach objects, shadow hosts, badges. */
const coachState = (page: Page) =>
  page
    .evaluate(() => document.querySelectorAll('tactful-coach').length)
    .then(async (hosts) => ({
      hosts,
      ...(await inCoachWorld(page, () => ({
        alive: !!(globalThis as any).chrome?.runtime?.id,
        coach: (globalThis as any).__tactfulCoach !== undefined,
        badges: (globalThis as any).__tactfulOverlayRoot?.querySelectorAll('.tf-badge').length ?? 0,
      }))),
    }));

describe('install and update under an open tab', () => {
  it('coaches a tab that was open before the install, without a reload', async () => {
    const { page, allErrors } = await openWatched(browser.context, textareaUrl());
    const textarea = page.locator('textarea#message');
    await textarea.click();
    await page.keyboard.type('The warehouse messed up your order.');
    await browser.install();
    await textarea.click();
    await page.keyboard.type(' Sorry.');
    await expect.poll(() => underlined(page).catch(() => []), { timeout: 15_000 }).toContain('The warehouse messed up');
    expect(await textarea.inputValue()).toBe('The warehouse messed up your order. Sorry.');
    expect(await allErrors()).toEqual([]);
    await page.close();
  }, 60_000);

  it('coaches the open tab again with the new version, once, without a reload', async () => {
    const { page, allErrors } = await openWatched(browser.context, textareaUrl());
    const textarea = page.locator('textarea#message');
    await textarea.click();
    await page.keyboard.type('The warehouse messed up your order.');
    await expect.poll(() => underlined(page).catch(() => []), { timeout: 15_000 }).toContain('The warehouse messed up');

    await browser.update('0.1.1');
    // The new background injected a loader into this open tab; it is alive (its context is the
    // new extension's), and the orphaned one stopped.
    await expect
      .poll(() => inCoachWorld(page, () => !!(globalThis as any).chrome?.runtime?.id), { timeout: 15_000 })
      .toBe(true);

    // The agent goes on typing: the new coach checks the whole draft, old sentence and new.
    await textarea.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' That is not my department.');
    await expect
      .poll(() => underlined(page), { timeout: 20_000 })
      .toEqual(expect.arrayContaining(['The warehouse messed up', 'not my department']));
    expect(await page.locator('textarea#message').inputValue()).toBe(
      'The warehouse messed up your order. That is not my department.',
    );
    // One coach: one shadow host, one badge, each phrase underlined once.
    expect(await coachState(page)).toEqual({ hosts: 1, alive: true, coach: true, badges: 1 });
    const marks = await underlined(page);
    expect(marks.filter((m) => m === 'not my department')).toHaveLength(1);
    expect(await allErrors()).toEqual([]);
    await page.close();
  }, 90_000);
});
