import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { launchWithExtension } from './browser';
import { coach, inCoachWorld } from './coach-world';
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
      await expect
        .poll(() => inCoachWorld(page, () => (globalThis as any).__tactfulCoach?.report().findings.length ?? 0), {
          timeout: 10_000,
        })
        .toBeGreaterThanOrEqual(4);
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

// The review page with twelve weeks of made-up history, in the light and the dark theme.
it('takes the review page screenshots', async () => {
  await mkdir(out, { recursive: true });
  const browser = await launchWithExtension();
  try {
    const page = await browser.openExtensionPage('review.html');
    await page.getByRole('heading', { level: 1, name: 'Your Tactful review' }).waitFor();
    await page.evaluate(seedReviewHistory, Date.now());
    await page.reload();
    await page.locator('#rv-progress .rv-chart canvas').first().waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.setViewportSize({ width: 1200, height: 900 });
      // The charts read their colours again when the theme changes.
      await expect.poll(() => page.locator('#rv-progress .rv-chart canvas').count()).toBe(3);
      await page.screenshot({ path: `${out}review-${scheme}.png` });
      await page.locator('#rv-progress').scrollIntoViewIfNeeded();
      await page.locator('#rv-progress').screenshot({ path: `${out}review-progress-${scheme}.png` });
      await page.evaluate(() => window.scrollTo(0, 0));
    }
  } finally {
    await browser.close();
  }
}, 120_000);

/** Runs in the review page: twelve weeks of findings that get better, and the replies' scores. */
async function seedReviewHistory(now: number) {
  const DAY = 24 * 60 * 60 * 1000;
  const samples = [
    ['no-blame-shifting', 'The courier messed up your order.', 'The courier messed up', 'We messed up your order.'],
    ['no-policy-hiding', 'Per our policy we cannot refund opened items.', 'Per our policy', undefined],
    [
      'no-condescension',
      'As I already said, the link is in the email.',
      'As I already said',
      'The link is in the email.',
    ],
    ['no-deflection', "That's not my department, sorry.", "That's not my department", undefined],
    ['no-shouting', 'Please read the instructions CAREFULLY.', 'CAREFULLY', 'Please read the instructions carefully.'],
  ] as const;
  const sites = ['mail.google.com', 'acme.zendesk.com'];
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('tactful-history');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tx = db.transaction(['findings', 'replies'], 'readwrite');
  let seed = 7;
  const random = () => {
    seed = (seed * 16807) % 2147483647;
    return seed / 2147483647;
  };
  for (let week = 11; week >= 0; week--) {
    samples.forEach(([ruleId, sentence, flagged, suggestion], r) => {
      // Blame and condescension fade; shouting stays; the others wander.
      const base = r === 0 || r === 2 ? Math.max(0, week - 3) : r === 4 ? 3 : 2;
      const count = Math.round(base * (0.6 + random() * 0.8));
      for (let i = 0; i < count; i++) {
        const start = sentence.indexOf(flagged);
        const fixedChance = 0.35 + (11 - week) * 0.05;
        tx.objectStore('findings').add({
          ruleId,
          level: r === 4 ? 'info' : 'warning',
          sentence,
          start,
          end: start + flagged.length,
          suggestion,
          site: sites[i % 2],
          at: now - week * 7 * DAY - Math.floor(random() * 6 * DAY) - 60_000,
          outcome: random() < fixedChance ? 'fixed' : random() < 0.5 ? 'dismissed' : 'left',
        });
      }
    });
    for (let i = 0; i < 4; i++)
      tx.objectStore('replies').add({
        at: now - week * 7 * DAY - i * DAY - 60_000,
        site: sites[i % 2],
        score: Math.min(100, Math.round(58 + (11 - week) * 3 + random() * 10)),
      });
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve;
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}
