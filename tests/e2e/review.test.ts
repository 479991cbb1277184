import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchWithExtension } from './browser';
import { seedHistory as seed } from './history-seed';

// The review page (review.html) in real Chromium with the built extension. The history is seeded
// in the page's own IndexedDB: the review page is an extension page, the same origin as the
// background that writes the history, so this is the database the coach's findings land in.
// (A finding made in the Gmail fixture reaching this page is the coach's end-to-end test.)

let browser: ExtensionBrowser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  browser = await launchWithExtension();
  page = await browser.openExtensionPage('review.html');
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.getByRole('heading', { level: 1, name: 'Your Tactful review' }).waitFor();
  await seed(page);
  await page.reload();
  await page.locator('.rv-group').first().waitFor();
});

afterAll(async () => {
  await browser?.close();
});

const groups = () => page.locator('.rv-group').evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.ruleId));

describe('review page', () => {
  it('groups the findings by rule, with the flagged words marked and the rewrite beside them', async () => {
    expect(await groups()).toEqual(['no-blame-shifting', 'no-policy-hiding']);
    await expect.poll(() => page.getByRole('status').first().textContent()).toBe('3 findings in 2 rules.');
    const blame = page.locator('.rv-group[data-rule-id="no-blame-shifting"]');
    expect(await blame.getByRole('heading', { level: 3 }).textContent()).toBe('Blame-shifting 2 findings');
    expect(await blame.locator('mark').allTextContents()).toEqual([
      'The courier messed up',
      "the warehouse team's fault",
    ]);
    expect(await blame.locator('.rv-suggestion').first().textContent()).toBe('We messed up your order.');
    expect(await blame.getByRole('link', { name: /Practise this/ }).getAttribute('href')).toBe(
      '/practice.html#exercise=no-blame-shifting',
    );
  });

  it('draws the progress charts with uPlot', async () => {
    await expect.poll(() => page.locator('#rv-progress .rv-chart canvas').count()).toBe(3);
    expect(await page.locator('#rv-progress .rv-chart .u-legend').first().textContent()).toContain('Blame-shifting');
  });

  it('filters by site and searches', async () => {
    await page.getByLabel('Site').selectOption('acme.zendesk.com');
    await expect.poll(() => page.locator('.rv-entry').count()).toBe(1);
    expect(await groups()).toEqual(['no-blame-shifting']);
    await page.getByLabel('Site').selectOption('');
    await page.getByRole('searchbox', { name: 'Search' }).fill('refunds');
    await expect.poll(groups).toEqual(['no-policy-hiding']);
    await page.getByRole('button', { name: 'Reset filters' }).first().click();
    await expect.poll(() => page.locator('.rv-entry').count()).toBe(3);
  });

  it('exports the findings as tactful-history.csv', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('tactful-history.csv');
    const csv = await readFile((await download.path())!, 'utf8');
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,rule,level,outcome,site,sentence,flagged,suggestion');
    expect(lines).toHaveLength(4);
    expect(csv).toContain(
      'no-blame-shifting,warning,fixed,mail.google.com,The courier messed up your order.,The courier messed up,We messed up your order.',
    );
    // Quotes and commas survive (RFC 4180).
    expect(csv).toContain('"Per our policy, ""refunds"" take 30 days."');
  });

  it('clears the history after a confirmation', async () => {
    await page.getByRole('button', { name: 'Clear history' }).click();
    await page.getByRole('button', { name: 'Yes, clear history' }).click();
    await page.getByText(/Nothing flagged yet/).waitFor();
    expect(await page.locator('.rv-entry').count()).toBe(0);
    // Gone from the database, not only from the page.
    await page.reload();
    await page.getByText(/Nothing flagged yet/).waitFor();
    expect(await page.locator('#rv-progress .rv-chart').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
