import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { coach } from './coach-world';
import { gmailUrl, launchWithHosts, zendeskUrl } from './hosts';

// Not a test: `npm run screenshots` refreshes the README's pictures of the card on the Gmail and
// Zendesk fixtures (assets/screenshots/).
const out = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));

it('takes the README screenshots', async () => {
  await mkdir(out, { recursive: true });
  const browser = await launchWithHosts();
  try {
    for (const [name, url, editor] of [
      ['gmail-card.png', gmailUrl(), 'div[aria-label="Message Body"]'],
      ['zendesk-card.png', zendeskUrl({ channel: 'email', customer: 'upset' }), '.ck-editor__editable'],
    ] as const) {
      const page = await browser.open(url);
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
      await page.locator(editor).first().click();
      if (name.startsWith('zendesk'))
        await page.keyboard.type('Hi Maria, the warehouse messed up your order. Per our policy we cannot refund it.');
      // Wait for the draft's own findings, not the first lint of the empty composer.
      const badge = coach(page, '.tf-badge');
      await expect
        .poll(() => badge.getAttribute('aria-label'), { timeout: 10_000 })
        .toMatch(/[4-9] issues|\d\d issues/);
      const card = coach(page, '[role="dialog"]');
      const cardText = async () => ((await card.count()) ? ((await card.textContent()) ?? '') : '');
      for (let i = 0; i < 10 && !/Own the problem|talking down/.test(await cardText()); i++) {
        await page.keyboard.press('Alt+Shift+N');
        await expect.poll(() => card.count()).toBe(1);
      }
      await page.screenshot({ path: `${out}${name}` });
      await page.close();
    }
  } finally {
    await browser.close();
  }
}, 120_000);
