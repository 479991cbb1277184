import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithHosts, textareaUrl, type HostedBrowser } from './hosts';

// The toolbar popup as Chrome itself opens it (chrome.action.openPopup), not popup.html in a tab:
// Chrome sizes a popup to its content, which a tab never does, and the popup's "this page" is the
// tab under it. The popup has no Playwright page of its own; an extension page in another tab
// reaches its window through chrome.extension.getViews({ type: 'popup' }).

/** A draft with several findings on the support form of a default-on site. */
const DRAFT =
  "The warehouse messed up your order. That's not my department, per our policy. As I already said, WAIT!!!";
const HOST = 'help.zendesk.com';
/** The popup's fixed width in CSS pixels (src/ui/popup/popup.css). */
const POPUP_WIDTH = 360;

let browser: HostedBrowser;
let tab: Page;
/** An extension page in a background tab: it opens the popup and reads it. */
let probe: Page;
const errors: string[] = [];

const watchErrors = (page: Page, name: string) => {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
};

beforeAll(async () => {
  browser = await launchWithHosts();
  tab = await browser.open(textareaUrl());
  watchErrors(tab, 'host page');
  await tab.waitForFunction(() => (window as any).fixture?.ready === true);
  await tab.locator('textarea#message').click();
  await tab.keyboard.type(DRAFT);
  probe = await browser.open(`chrome-extension://${browser.extensionId}/options.html`);
  watchErrors(probe, 'probe');
});

afterAll(async () => {
  await browser?.close();
});

/** The count on the toolbar icon for the active tab ("" when none). */
function toolbarCount(): Promise<string> {
  return probe.evaluate(async () => {
    const chrome = (globalThis as any).chrome;
    const [active] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return chrome.action.getBadgeText({ tabId: active.id });
  });
}

/** Opens the toolbar popup over the host page's tab once the draft is coached there. */
async function openPopup(): Promise<void> {
  await tab.bringToFront();
  // The content script has linted the draft once the toolbar icon counts its findings.
  await expect.poll(toolbarCount, { timeout: 10_000 }).toMatch(/^([3-9]|\d\d)$/);
  await probe.evaluate(() => (globalThis as any).chrome.action.openPopup());
  await expect.poll(() => inPopup((doc) => doc.querySelector('.tp-host')?.textContent ?? null)).toBe(HOST);
}

/** Runs `read` on the open popup's window and document; null while there is no popup. */
function inPopup<T>(read: (doc: Document, win: Window) => T): Promise<T | null> {
  return probe.evaluate((source) => {
    const view: Window | undefined = (globalThis as any).chrome.extension.getViews({ type: 'popup' })[0];
    if (!view?.document.querySelector('.tactful-popup')) return null;
    // Rebuilt here: functions do not cross into the page, their source does.
    return new Function(`return (${source})`)()(view.document, view);
  }, read.toString()) as Promise<T | null>;
}

/** How the popup lays out in the window Chrome gave it. */
function layout(doc: Document, win: Window) {
  const root = doc.querySelector('.tactful-popup')!;
  const scrollers = [doc.scrollingElement!, ...Array.from(doc.querySelectorAll('*'))].filter((el) => {
    const { overflowX, overflowY } = win.getComputedStyle(el);
    const scrollsY = el === doc.scrollingElement || /auto|scroll/.test(overflowY);
    const scrollsX = el === doc.scrollingElement || /auto|scroll/.test(overflowX);
    return (scrollsY && el.scrollHeight > el.clientHeight) || (scrollsX && el.scrollWidth > el.clientWidth);
  });
  // Content that spills visibly out of its box sideways (boxes that clip on purpose, like an
  // ellipsis or the screen-reader-only text, have overflow hidden).
  const overflowing = [root, ...Array.from(root.querySelectorAll('*'))]
    .filter((el) => win.getComputedStyle(el).overflowX === 'visible' && el.scrollWidth > el.clientWidth + 1)
    .map((el) => el.className);
  const host = doc.querySelector('.tp-host')!;
  const hostLines = new Set(Array.from(host.getClientRects()).map((r) => Math.round(r.top))).size;
  const hostCut = host.scrollWidth > host.clientWidth;
  return {
    windowWidth: win.innerWidth,
    rootWidth: root.getBoundingClientRect().width,
    documentWidth: doc.documentElement.scrollWidth,
    documentScrolls: doc.documentElement.scrollHeight > win.innerHeight,
    scrollers: scrollers.map((el) => el.tagName.toLowerCase() + (el.className ? `.${el.className}` : '')),
    overflowing,
    hostLines,
    hostCut,
    findings: doc.querySelectorAll('.tp-finding').length,
  };
}

describe('toolbar popup in Chromium', () => {
  it('opens at a fixed comfortable width, fits it, and keeps the host name on one line', async () => {
    await openPopup();
    // Chrome grows the popup window to the document's width after the first layout: wait for it.
    await expect.poll(() => inPopup((_doc, win) => win.innerWidth), { timeout: 5_000 }).toBe(POPUP_WIDTH);
    await expect.poll(() => inPopup((doc) => doc.querySelectorAll('.tp-finding').length)).toBeGreaterThan(2);

    const measured = (await inPopup(layout))!;
    expect(measured.rootWidth).toBe(POPUP_WIDTH);
    expect(measured.documentWidth).toBe(POPUP_WIDTH);
    // The popup itself fits; only the list of findings may scroll, so scrollbars never nest.
    expect(measured.documentScrolls).toBe(false);
    expect(measured.scrollers.filter((s) => s !== 'ul.tp-findings')).toEqual([]);
    expect(measured.overflowing).toEqual([]);
    expect(measured.hostLines).toBe(1);
    expect(measured.hostCut).toBe(false);
  });

  it('shows the paused state instead of the old findings, and the findings again on resume', async () => {
    await openPopup();
    await expect.poll(() => inPopup((doc) => doc.querySelectorAll('.tp-finding').length)).toBeGreaterThan(0);

    await inPopup((doc) =>
      Array.from(doc.querySelectorAll('button'))
        .find((b) => b.textContent === 'Pause for an hour')!
        .click(),
    );
    await expect
      .poll(() => inPopup((doc) => doc.querySelector('.tp-paused-label')?.textContent ?? null))
      .toMatch(/^Paused until \d\d:\d\d$/);
    const paused = (await inPopup((doc) => ({
      findings: doc.querySelectorAll('.tp-finding').length,
      score: doc.querySelector('.tp-score-value')?.textContent ?? null,
      page: doc.querySelector('[aria-labelledby="tp-tab-heading"]')?.textContent ?? '',
    })))!;
    expect(paused).toEqual({ findings: 0, score: null, page: expect.stringMatching(/paused/i) });

    await inPopup((doc) =>
      Array.from(doc.querySelectorAll('button'))
        .find((b) => b.textContent === 'Resume')!
        .click(),
    );
    await expect.poll(() => inPopup((doc) => doc.querySelectorAll('.tp-finding').length)).toBeGreaterThan(0);
    expect(await inPopup((doc) => doc.querySelector('.tp-score-value')?.textContent ?? null)).toMatch(/^\d+$/);
  });

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
