import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from '@playwright/test';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// An exercise in real Chromium with the built extension, opened by the review page's deep link
// and completed by clicking the coach's fix.

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
});

afterAll(async () => {
  await browser?.close();
});

describe('exercises on the practice page', () => {
  test('#exercise=no-shouting opens a shouting exercise, and the coach’s fix completes it', async () => {
    await page.goto(`chrome-extension://${browser.extensionId}/practice.html#exercise=no-shouting`);
    await expect
      .poll(() => page.locator('.exercise-task').getAttribute('data-rule-id'), { timeout: 10_000 })
      .toBe('no-shouting');
    expect(await page.getByRole('tab', { name: 'Exercises' }).getAttribute('aria-selected')).toBe('true');
    const fixes = page.locator('.finding[data-rule-id="no-shouting"] .fix-button');
    const status = page.locator('.exercise-status');
    // A reply may shout twice ("WAIT … !!!"): click the rule's fix until the exercise is done.
    for (let i = 0; i < 5; i++) {
      // The engine loads after the page has painted (a few seconds the first time).
      await expect
        .poll(async () => (await status.textContent())?.includes('Done') || (await fixes.count()) > 0, {
          timeout: 20_000,
        })
        .toBe(true);
      if ((await status.textContent())?.includes('Done')) break;
      const before = await page.getByLabel('Your rewrite').inputValue();
      await fixes.first().click();
      await expect.poll(() => page.getByLabel('Your rewrite').inputValue()).not.toBe(before);
    }
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toMatch(/Done/);
    expect(await page.locator('.exercise-score').textContent()).toBe('100');
    expect(await page.locator('.exercise-streak').textContent()).toBe('1');
    expect(consoleErrors).toEqual([]);
  });

  test("a team's own rule becomes exercises from its bad examples, completed by the rule's fix", async () => {
    const team = readFileSync(
      fileURLToPath(new URL('../unit/fixtures/cli/team-custom-jargon.yml', import.meta.url)),
      'utf8',
    );
    const options = await browser.openExtensionPage('options.html');
    await options.evaluate((text) => (globalThis as any).chrome.storage.local.set({ teamDocument: { text } }), team);
    await options.close();
    // A new page: the exercises are read once per page, with the rules in force then.
    await page.close();
    page = await browser.context.newPage();
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    await page.goto(`chrome-extension://${browser.extensionId}/practice.html#exercise=no-internal-jargon`);
    await expect
      .poll(() => page.locator('.exercise-task').getAttribute('data-rule-id'), { timeout: 20_000 })
      .toBe('no-internal-jargon');
    expect(await page.getByLabel('Your rewrite').inputValue()).toBe('I have moved your case to the L2 queue.');
    const fix = page.locator('.finding[data-rule-id="no-internal-jargon"] .fix-button');
    await fix.first().click({ timeout: 20_000 });
    await expect.poll(() => page.locator('.exercise-status').textContent(), { timeout: 10_000 }).toMatch(/Done/);
    expect(await page.getByLabel('Your rewrite').inputValue()).toBe('I have moved your case to our specialist team.');
    expect(consoleErrors).toEqual([]);
  });
});
