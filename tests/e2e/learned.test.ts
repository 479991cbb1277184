import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coach, inCoachWorld } from './coach-world';
import { launchWithHosts, textareaUrl, type HostedBrowser } from './hosts';

// The learned heads' weights are not in the content script: the page asks the background for
// them on first focus. This checks they arrive and coach what no phrase pattern names.
let browser: HostedBrowser;
beforeAll(async () => {
  browser = await launchWithHosts();
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

describe('learned checks in the page', () => {
  it('flags blame-shifting that no pattern names, and shows the words that weighed most', async () => {
    const page = await browser.open(textareaUrl());
    await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
    await page.locator('textarea#message').click();
    const sentence = 'Our courier partner was short of drivers that day.';
    await page.keyboard.type(sentence);
    const at = () =>
      inCoachWorld(
        page,
        (s) => {
          const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot | undefined;
          const span = [...(root?.querySelectorAll('.tactful-u.tactful-warning') ?? [])].find(
            (e) => e.textContent === s,
          );
          const r = span?.getBoundingClientRect();
          return r ? { x: r.left + 10, y: r.top + r.height / 2 } : null;
        },
        sentence,
      );
    await expect.poll(at, { timeout: 15_000 }).not.toBeNull();
    const p = (await at())!;
    await page.mouse.move(p.x, p.y);
    const card = coach(page, '[role="dialog"]');
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('Own the problem');
    expect(await card.textContent()).toContain('Words that weighed most');
    await page.close();
  });
});
