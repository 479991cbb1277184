import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coach } from './coach-world';
import { pointAt, writeGmail } from './gmail';
import { gmailUrl, launchWithHosts, type HostedBrowser } from './hosts';

// The trainee's history from end to end: a finding in the Gmail fixture, fixed from its card,
// reaches the review page with its outcome (the background writes the extension's IndexedDB),
// the CSV export holds it, "never flag this for me" takes the words out of every tab, and
// "Clear history" empties it.

let browser: HostedBrowser;
const errors: string[] = [];
beforeAll(async () => {
  browser = await launchWithHosts();
});
afterAll(async () => {
  await browser?.close();
});

function watch(page: Page, name: string) {
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
}

async function openReview(): Promise<Page> {
  const page = await browser.context.newPage();
  watch(page, 'review');
  await page.goto(`chrome-extension://${browser.extensionId}/review.html`);
  await page.getByRole('heading', { level: 1, name: 'Your Tactful review' }).waitFor();
  return page;
}

describe('history of what was flagged', () => {
  it('a fix in Gmail reaches the review page with its outcome, the CSV export and never-flag', async () => {
    const gmail = await browser.open(gmailUrl());
    watch(gmail, 'gmail');
    const phrase = 'The courier messed up';
    await writeGmail(gmail, `${phrase} your order.`);
    await expect.poll(() => pointAt(gmail, phrase), { timeout: 15_000 }).not.toBeNull();

    // Fix it from its card.
    const at = (await pointAt(gmail, phrase))!;
    await gmail.mouse.move(at.x, at.y);
    const fix = coach(gmail, '[role="dialog"] button', { hasText: 'We messed up' });
    await fix.click({ timeout: 5_000 });
    await expect
      .poll(() => gmail.evaluate(() => (window as any).fixture.gmailDraftText(0) as string))
      .toContain('We messed up your order.');

    const review = await openReview();
    const blame = review.locator('.rv-group[data-rule-id="no-blame-shifting"]');
    await expect.poll(() => blame.count(), { timeout: 10_000 }).toBe(1);
    const entry = blame.locator('.rv-entry').first();
    expect(await entry.locator('mark').textContent()).toBe(phrase);
    expect(await entry.textContent()).toMatch(/fixed/i);
    expect(await entry.textContent()).toContain('mail.google.com');
    // Only the sentence was kept, never the reply around it.
    expect(await entry.textContent()).not.toContain('Best');

    const [download] = await Promise.all([
      review.waitForEvent('download'),
      review.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const csv = await readFile((await download.path())!, 'utf8');
    expect(csv).toContain('no-blame-shifting,warning,fixed,mail.google.com,The courier messed up your order.');

    // "Never flag this for me" on another finding: gone from the page, listed on the review page.
    await writeGmail(gmail, 'That is not my department.');
    const words = 'not my department';
    await expect.poll(() => pointAt(gmail, words), { timeout: 15_000 }).not.toBeNull();
    const there = (await pointAt(gmail, words))!;
    await gmail.mouse.move(there.x, there.y);
    await coach(gmail, '[role="dialog"] button', { hasText: 'Never flag this for me' }).click({ timeout: 5_000 });
    await expect.poll(() => pointAt(gmail, words), { timeout: 10_000 }).toBeNull();
    await review.reload();
    await review.getByRole('heading', { level: 1, name: 'Your Tactful review' }).waitFor();
    await expect.poll(() => review.getByText(words, { exact: false }).count()).toBeGreaterThan(0);

    // Clear empties it.
    await review.getByRole('button', { name: 'Clear history' }).click();
    await review.getByRole('button', { name: 'Yes, clear history' }).click();
    await review.getByText(/Nothing flagged yet/).waitFor();
    expect(await review.locator('.rv-entry').count()).toBe(0);
    await gmail.close();
    await review.close();
  }, 90_000);

  it('logged no errors', () => {
    expect(errors.filter((e) => !e.includes('favicon'))).toEqual([]);
  });
});
