import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coach, inCoachWorld } from './coach-world';
import { launchWithHosts, textareaUrl, type HostedBrowser } from './hosts';

// A coached site's own scripts are untrusted: they must not be able to drive the coach, change
// Tactful's settings, or stop it.

let browser: HostedBrowser;
beforeAll(async () => {
  browser = await launchWithHosts();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Rectangles of the textarea-mirror underline of exactly `phrase`, or null. */
const underlineOf = (page: Page, phrase: string) =>
  inCoachWorld(
    page,
    (p) => {
      const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot | undefined;
      const span = [...(root?.querySelectorAll('.tactful-u') ?? [])].find((s) => s.textContent === p);
      const r = span?.getBoundingClientRect();
      return r ? { x: r.left + 8, y: r.top + r.height / 2 } : null;
    },
    phrase,
  );

async function openWithDraft(text: string): Promise<Page> {
  const page = await browser.open(textareaUrl());
  await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
  await page.locator('textarea#message').click();
  await page.keyboard.type(text);
  return page;
}

const storedDisabledRules = async () => {
  const worker = browser.context.serviceWorkers()[0]!;
  return worker.evaluate(async () => {
    const got = await (globalThis as any).chrome.storage.local.get('disabledRules');
    return (got.disabledRules ?? []) as string[];
  });
};

describe('a hostile page', () => {
  it('cannot reach the coach: the shadow root is closed to page scripts', async () => {
    const page = await openWithDraft('The warehouse messed up your order.');
    await expect.poll(() => underlineOf(page, 'The warehouse messed up'), { timeout: 10_000 }).not.toBeNull();
    const seen = await page.evaluate(() => {
      const host = document.querySelector('tactful-coach') as HTMLElement & { shadowRoot: ShadowRoot | null };
      return { host: !!host, shadowRoot: host?.shadowRoot ?? null };
    });
    expect(seen).toEqual({ host: true, shadowRoot: null });
    await page.close();
  });

  it('cannot open the card with a synthetic shortcut, nor turn a rule off with synthetic clicks', async () => {
    const page = await openWithDraft('The warehouse messed up your order.');
    await expect.poll(() => underlineOf(page, 'The warehouse messed up'), { timeout: 10_000 }).not.toBeNull();
    // The coach answers its key by preventing the default; a script's key press is ignored.
    const handled = await page.evaluate(() => {
      const ta = document.querySelector('textarea#message')!;
      const init = { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true, cancelable: true };
      return !ta.dispatchEvent(new KeyboardEvent('keydown', init));
    });
    expect(handled).toBe(false);
    expect(await coach(page, '[role="dialog"]').count()).toBe(0);

    // A person opens the card; a script that somehow held its buttons clicks "Turn off".
    const at = (await underlineOf(page, 'The warehouse messed up'))!;
    await page.mouse.move(at.x, at.y);
    await expect.poll(() => coach(page, '[role="dialog"]').count(), { timeout: 5_000 }).toBe(1);
    const clicked = await inCoachWorld(page, () => {
      const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot;
      const turnOff = [...root.querySelectorAll('button')].find((b) => b.textContent?.includes('Turn off'));
      turnOff?.click();
      const confirm = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Turn off');
      confirm?.click();
      return { turnOff: !!turnOff, confirmShown: !!confirm };
    });
    expect(clicked).toEqual({ turnOff: true, confirmShown: false });
    expect(await storedDisabledRules()).toEqual([]);

    // The same buttons, clicked by a person, do turn the rule off: the guard is not a wall.
    await coach(page, '[role="dialog"] button', { hasText: 'Turn off' }).click();
    await coach(page, '.tf-confirm button', { hasText: 'Turn off' }).click();
    await expect.poll(storedDisabledRules).toEqual(['no-blame-shifting']);
    await browser.context
      .serviceWorkers()[0]!
      .evaluate(() => (globalThis as any).chrome.storage.local.remove('disabledRules'));
    await page.close();
  });

  it("cannot stop the coach by sending WXT's content-script-started event", async () => {
    const page = await openWithDraft('Thanks for writing.');
    await expect.poll(() => coach(page, '.tf-badge').count(), { timeout: 10_000 }).toBe(1);
    await page.evaluate((id) => {
      const name = `${id}:content:wxt:content-script-started`;
      const detail = { contentScriptName: 'content', messageId: 'from-the-page' };
      document.dispatchEvent(new CustomEvent(name, { detail }));
      window.postMessage({ type: name, ...detail }, '*');
    }, browser.extensionId);
    // Still coaching: new words are checked and underlined.
    await page.keyboard.type(' The courier lost your parcel.');
    await expect.poll(() => underlineOf(page, 'The courier lost'), { timeout: 10_000 }).not.toBeNull();
    await page.close();
  });
});
