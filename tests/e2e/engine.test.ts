import type { Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser';
import { gmailDraft, underlined, writeGmail } from './gmail';
import { gmailUrl, launchWithHosts, type HostedBrowser } from './hosts';

// The engine lives once per browser, in the background service worker; pages only send drafts.

/** Budgets (issue #9): the loader ships to every Gmail and Zendesk page load, the coach to every page where the agent writes. */
const CONTENT_SCRIPT_BUDGET_GZIP = 10 * 1024;
const COACH_SCRIPT_BUDGET_GZIP = 40 * 1024;

let browser: HostedBrowser;
beforeAll(async () => {
  browser = await launchWithHosts();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

const worker = (): Worker => browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId))!;
const engineStats = () =>
  worker().evaluate(
    () => ({ ...(globalThis as any).tactfulEngine.stats }) as { loads: number; openPorts: number; lints: number },
  );

describe('one engine for the browser', () => {
  it('keeps the scripts that run in pages within their budgets, with no engine inside', () => {
    const loader = readFileSync(join(EXTENSION_DIR, 'content-scripts/content.js'));
    const coachScript = readFileSync(join(EXTENSION_DIR, 'coach.js'));
    expect(gzipSync(loader).length).toBeLessThanOrEqual(CONTENT_SCRIPT_BUDGET_GZIP);
    expect(gzipSync(coachScript).length).toBeLessThanOrEqual(COACH_SCRIPT_BUDGET_GZIP);
    // The rule pack's messages would be there if the engine were.
    for (const script of [loader, coachScript]) expect(script.toString()).not.toContain('Own the problem');
  });

  it('serves two tabs from one engine, loaded once, each with its own draft', async () => {
    const a = await browser.open(gmailUrl());
    const b = await browser.open(gmailUrl());
    await writeGmail(a, 'The courier messed up your order.');
    await writeGmail(b, 'That is not my department.');
    await expect.poll(() => underlined(a), { timeout: 15_000 }).toContain('The courier messed up');
    await expect.poll(() => underlined(b), { timeout: 15_000 }).toContain('not my department');
    expect(await underlined(a)).not.toContain('not my department');
    const stats = await engineStats();
    expect(stats.loads).toBe(1);
    expect(stats.openPorts).toBeGreaterThanOrEqual(2);
    await a.close();
    await b.close();
  });

  it('loses no finding and no draft when the browser stops the service worker', async () => {
    const page = await browser.open(gmailUrl());
    await writeGmail(page, 'The courier messed up your order.');
    await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('The courier messed up');
    await worker().evaluate(() => {
      (globalThis as any).beforeStop = true;
    });

    // What Chromium does to an idle worker, done now.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');

    await page.keyboard.type(' That is not my department.');
    await expect.poll(() => underlined(page), { timeout: 20_000 }).toContain('not my department');
    expect(await underlined(page)).toContain('The courier messed up');
    expect(await gmailDraft(page)).toContain('The courier messed up your order. That is not my department.');
    // A new worker (and engine) answered: the old one's globals are gone.
    expect(await worker().evaluate(() => (globalThis as any).beforeStop ?? false)).toBe(false);
    await page.close();
  });
});
