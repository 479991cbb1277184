import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from './browser';

// The practice page with the extension's real storage: the draft survives a reload, and rules
// turned off on the options page (another tab) are not coached here either.

let browser: ExtensionBrowser;
const errors: string[] = [];

function watchErrors(page: Page, name: string) {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
}

async function openPractice(): Promise<Page> {
  const page = await browser.openExtensionPage('practice.html');
  watchErrors(page, 'practice');
  await coached(page);
  return page;
}

/** The coach has run on what the page shows: a score, or the invitation for a blank draft. */
async function coached(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      /^\d+$/.test(document.querySelector('#score')?.textContent ?? '') ||
      document.querySelector('.findings-invite') !== null,
  );
}

const draft = (page: Page) => page.getByLabel('Your reply', { exact: true });
const rulesShown = (page: Page) =>
  page.locator('.finding-list > li').evaluateAll((items) => items.map((li) => li.getAttribute('data-rule-id')));

beforeAll(async () => {
  browser = await launchWithExtension();
});

afterAll(async () => {
  await browser?.close();
});

describe('practice page and settings', () => {
  test('keeps what was typed across a reload made right after typing', async () => {
    const page = await openPractice();
    await draft(page).click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('Hi Dana, your parcel is on its way. Typed just now');
    // No wait for the typing pause: the page saves as it is left.
    await page.reload();
    await coached(page);
    expect(await draft(page).inputValue()).toBe('Hi Dana, your parcel is on its way. Typed just now');

    await page.getByRole('button', { name: 'Restore example' }).click();
    await expect.poll(() => draft(page).inputValue()).toMatch(/^Hi Dana,\nPer our policy/);
    await page.close();
  });

  test('shows no score for a blank draft, only an invitation', async () => {
    const page = await openPractice();
    await draft(page).fill('   ');
    await page.locator('.findings-invite').waitFor();
    expect(await page.locator('#score').count()).toBe(0);
    expect(await rulesShown(page)).toEqual([]);
    await page.close();
  });

  test('leaves out a rule turned off on the options page, and brings it back when turned on', async () => {
    const practice = await openPractice();
    await practice.getByRole('button', { name: 'Restore example' }).click();
    await expect.poll(() => rulesShown(practice)).toContain('no-shouting');

    const options = await browser.openExtensionPage('options.html');
    watchErrors(options, 'options');
    const shouting = options.getByRole('checkbox', { name: /^Shouting/ });
    await shouting.uncheck();
    await expect.poll(() => rulesShown(practice)).not.toContain('no-shouting');
    expect(await rulesShown(practice)).toContain('no-condescension');

    await shouting.check();
    await expect.poll(() => rulesShown(practice)).toContain('no-shouting');
    await options.close();
    await practice.close();
  });

  test('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
