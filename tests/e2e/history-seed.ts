import type { Page } from '@playwright/test';

// Three findings (two rules, two sites, every outcome) and a reply's tone score, written into the
// extension's history database from one of its own pages (the same origin as the background that
// writes the history), for the review page's tests.

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

/** Adds findings and reply scores to the extension's history database, from inside `page`. */
export async function seedHistory(target: Page) {
  const now = Date.now();
  await target.evaluate(
    async ({ now, HOUR, DAY }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        // No version: the page has already created and upgraded it.
        const open = indexedDB.open('tactful-history');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      const tx = db.transaction(['findings', 'replies'], 'readwrite');
      const findings = tx.objectStore('findings');
      const base = { level: 'warning', site: 'mail.google.com' };
      findings.add({
        ...base,
        ruleId: 'no-blame-shifting',
        sentence: 'The courier messed up your order.',
        start: 0,
        end: 21,
        suggestion: 'We messed up your order.',
        at: now - HOUR,
        outcome: 'fixed',
      });
      findings.add({
        ...base,
        ruleId: 'no-blame-shifting',
        sentence: "That was the warehouse team's fault, sadly.",
        start: 9,
        end: 35,
        site: 'acme.zendesk.com',
        at: now - 9 * DAY,
        outcome: 'left',
      });
      findings.add({
        ...base,
        ruleId: 'no-policy-hiding',
        sentence: 'Per our policy, "refunds" take 30 days.',
        start: 0,
        end: 14,
        at: now - 2 * DAY,
        outcome: 'dismissed',
      });
      tx.objectStore('replies').add({ at: now - HOUR, site: 'mail.google.com', score: 72 });
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { now, HOUR, DAY },
  );
}
