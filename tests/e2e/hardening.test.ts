import type { Page, Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeName, coach, inCoachWorld } from './coach-world';
import { underlined as underlinedIn, writeGmail } from './gmail';
import { openWatched as openWatchedIn } from './watched';
import { gmailUrl, type HostedBrowser, isLocalRequest, launchWithHosts, textareaUrl, zendeskUrl } from './hosts';

// Never lose a draft, never break a page (issue #12, items 11 and 12): faults injected into a
// real Chromium with the built extension — editors removed mid-lint, the extension reloaded
// under an open tab, 50 editors, 1,000 keystrokes at full speed, garbage in every stored
// setting — and, over the whole session, not one request that leaves the machine.

let browser: HostedBrowser;
beforeAll(async () => {
  browser = await launchWithHosts();
}, 60_000);
afterAll(async () => {
  // close() itself fails the file if any request of the session left the machine (hosts.ts).
  await browser?.close();
});

const extensionWorker = (): Worker | undefined =>
  browser.context.serviceWorkers().find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));

/** A fixture page of this browser, its errors watched (./watched.ts). */
const openWatched = (url: string) => openWatchedIn(browser.context, url);

/** Words underlined in the page, or none while the coach's world is not there. */
const underlined = (page: Page) => underlinedIn(page).catch(() => [] as string[]);

const coachReport = (page: Page) =>
  inCoachWorld(page, () => (globalThis as any).__tactfulCoach?.report() ?? null) as Promise<{
    editors: number;
    findings: { ruleId: string; actual: string }[];
  } | null>;

/** Stops the extension's service worker, as Chromium does to an idle one: the next report is late. */
async function stopWorker(page: Page) {
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

const setStorage = async (items: Record<string, unknown>) =>
  (await waitForWorker()).evaluate((it) => (globalThis as any).chrome.storage.local.set(it), items);
const clearStorage = async () =>
  (await waitForWorker()).evaluate(() => (globalThis as any).chrome.storage.local.clear());

async function waitForWorker(): Promise<Worker> {
  await expect.poll(() => extensionWorker() !== undefined, { timeout: 10_000 }).toBe(true);
  return extensionWorker()!;
}

const textareaValue = (page: Page, selector: string) =>
  page.evaluate((s) => (document.querySelector(s) as HTMLTextAreaElement).value, selector);

describe('faults in the page (issue #12, item 11)', () => {
  it('drops the report of an editor removed mid-lint, and keeps coaching the others', async () => {
    const { page, allErrors } = await openWatched(textareaUrl());
    await page.locator('textarea#message').click();
    await page.keyboard.type('Hello.');
    await expect.poll(() => coachReport(page).then((r) => r?.editors ?? 0), { timeout: 10_000 }).toBe(1);
    // The engine's answer is made late on purpose: the worker is stopped, so the report waits
    // for a new worker and engine while the editor goes away.
    await stopWorker(page);
    await page.keyboard.type(' The warehouse messed up your order.');
    await page.evaluate(() => document.querySelector('textarea#message')!.remove());

    // Another editor on the page is coached as before.
    await page.locator('textarea#scroll-textarea').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' The courier lost your parcel.');
    await expect.poll(() => underlined(page), { timeout: 20_000 }).toContain('The courier lost');
    // The removed editor's late report painted nothing.
    expect(await underlined(page)).not.toContain('The warehouse messed up');
    expect((await textareaValue(page, 'textarea#scroll-textarea')).endsWith(' The courier lost your parcel.')).toBe(
      true,
    );
    expect(await allErrors()).toEqual([]);
    await page.close();
  });

  it('keeps the draft of an editor taken out and put back mid-lint (an app moving it), and coaches it again', async () => {
    const { page, allErrors } = await openWatched(textareaUrl());
    await page.locator('textarea#message').click();
    await page.keyboard.type('The warehouse messed up your order.');
    await page.evaluate(() => {
      const ta = document.querySelector('textarea#message')!;
      const [parent, next] = [ta.parentNode!, ta.nextSibling];
      ta.remove();
      // Put back a task later, so the coach's observer sees it gone first.
      setTimeout(() => parent.insertBefore(ta, next), 0);
    });
    await expect.poll(() => page.evaluate(() => document.querySelector('textarea#message')?.isConnected)).toBe(true);
    await page.locator('textarea#message').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' That is not my department.');
    expect(await textareaValue(page, 'textarea#message')).toBe(
      'The warehouse messed up your order. That is not my department.',
    );
    await expect.poll(() => underlined(page), { timeout: 10_000 }).toContain('not my department');
    expect(await underlined(page)).toContain('The warehouse messed up');
    expect(await allErrors()).toEqual([]);
    await page.close();
  });

  it('coaches each of 50 editors on one page', async () => {
    const { page, allErrors } = await openWatched('https://help.zendesk.com/fixtures/many-editors.html');
    const n = await page.locator('#editors textarea, #editors [contenteditable]').count();
    expect(n).toBe(50);
    for (let i = 0; i < n; i++) {
      await page.locator(`#reply-${i}`).click();
      const text = `Reply ${i}: the warehouse messed up your order.`;
      await page.keyboard.type(text);
      // The coach follows focus: this editor's own report, with its own finding.
      await expect
        .poll(
          () =>
            coachReport(page).then(
              (r) => !!r?.findings.some((f) => f.ruleId === 'no-blame-shifting') && r?.editors === i + 1,
            ),
          { timeout: 10_000 },
        )
        .toBe(true);
      expect((await page.evaluate((k) => (window as any).fixture.replyText(k) as string, i)).trim()).toBe(text);
    }
    // Every editor keeps its own underline at once.
    const editorsUnderlined = () =>
      inCoachWorld(page, () => {
        const ids = new Set<string>();
        for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>)
          if (name.startsWith('tactful-'))
            for (const r of h) {
              const at = r.startContainer instanceof Element ? r.startContainer : r.startContainer.parentElement;
              const id = at?.closest('[id^="reply-"]')?.id;
              if (id && r.toString().includes('warehouse messed up')) ids.add(id);
            }
        // Textarea mirrors follow their textareas in order; count those showing the phrase.
        const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot;
        let mirrors = 0;
        for (const m of root.querySelectorAll('.tactful-mirror'))
          if ([...m.querySelectorAll('.tactful-u')].some((u) => u.textContent?.includes('warehouse messed up')))
            mirrors++;
        return ids.size + mirrors;
      });
    await expect.poll(editorsUnderlined).toBe(50);
    expect(await allErrors()).toEqual([]);
    await page.close();
  });

  // 1,000 characters of flagged sentences, typed without delay (29 whole ones and a cut one).
  const FAST = 'The courier messed up your order. '.repeat(30).slice(0, 1000);
  const FLAGGED = FAST.split('The courier messed up').length - 1;

  it('takes 1,000 keystrokes at full speed in Gmail: the draft is exactly what was typed, and the coach catches up', async () => {
    const { page, allErrors } = await openWatched(gmailUrl());
    await writeGmail(page, FAST);
    const draft = () =>
      page.evaluate(() => ((window as any).fixture.gmailDraftText(0) as string).replace(/\u00a0/g, ' '));
    expect(await draft()).toBe(FAST);
    await expect
      .poll(() => underlined(page).then((u) => u.filter((t) => t === 'The courier messed up').length), {
        timeout: 20_000,
      })
      .toBe(FLAGGED);
    expect(await draft()).toBe(FAST);
    expect(await allErrors()).toEqual([]);
    await page.close();
  });

  it('takes 1,000 keystrokes at full speed in CKEditor 5: getData() is exactly what was typed, and the coach catches up', async () => {
    const { page, allErrors } = await openWatched(zendeskUrl({ draft: '' }));
    await page.locator('.ck-editor__editable').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await page.keyboard.type(FAST);
    const data = () =>
      page.evaluate(() =>
        ((window as any).fixture.editor.getData() as string).replace(/<[^>]+>/g, '').replace(/&nbsp;/g, ' '),
      );
    expect(await data()).toBe(FAST);
    await expect
      .poll(() => underlined(page).then((u) => u.filter((t) => t === 'The courier messed up').length), {
        timeout: 20_000,
      })
      .toBe(FLAGGED);
    expect(await data()).toBe(FAST);
    expect(await allErrors()).toEqual([]);
    await page.close();
  });
});

describe('stored settings that are not what this version wrote (issue #12, item 12)', () => {
  /** The keys Tactful reads from chrome.storage.local (src/settings/*.ts). */
  const KEYS = [
    'sites',
    'pausedUntil',
    'disabledRules',
    'teamDocument',
    'previousTeamDocument',
    'historySettings',
    'ignoredPhrases',
    'exercises',
    'practice',
  ];

  // Each case starts from empty storage, whatever the one before left.
  beforeEach(clearStorage);

  /** Opens each of Tactful's pages and the coach; returns what each shows. */
  async function visitAll() {
    const errors: string[] = [];
    const openPage = async (path: string) => {
      const page = await browser.context.newPage();
      page.on('pageerror', (e) => errors.push(`${path}: ${e.message}`));
      page.on('console', (m) => {
        // The popup opened as a tab asks the active tab (itself) for its report, which no content
        // script answers: Chrome notes that whatever is stored. Anything else counts.
        if (m.type() === 'error' && !(path === 'popup.html' && m.text().includes('Receiving end does not exist')))
          errors.push(`${path}: ${m.text()}`);
      });
      await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
      return page;
    };

    const popup = await openPage('popup.html');
    await popup.locator('.tp-host, main, body > *').first().waitFor();
    await popup.close();

    const options = await openPage('options.html');
    await options.locator('li.rule[data-rule-id] input[type="checkbox"]').first().waitFor();
    const rulesOff = await options
      .locator('li.rule[data-rule-id]')
      .evaluateAll((lis) =>
        lis
          .filter((li) => !(li.querySelector('input[type="checkbox"]') as HTMLInputElement).checked)
          .map((li) => li.getAttribute('data-rule-id')),
      );
    await options.close();

    const practice = await openPage('practice.html');
    await practice.locator('textarea#draft').waitFor();
    const draft = await practice.locator('textarea#draft').inputValue();
    await expect.poll(() => practice.locator('#score').count(), { timeout: 15_000 }).toBe(draft.trim() ? 1 : 0);
    await practice.close();

    const review = await openPage('review.html');
    await review.locator('#rv-retention').waitFor();
    const retention = await review.locator('#rv-retention').inputValue();
    const keep = await review.getByRole('switch', { name: 'Keep history' }).getAttribute('aria-checked');
    await review.close();

    const { page, allErrors } = await openWatched(textareaUrl());
    await page.locator('textarea#message').click();
    await page.keyboard.type('The warehouse messed up your order. STOP DOING THIS!!!');
    await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('The warehouse messed up');
    const coached = ((await coachReport(page))?.findings ?? []).map((f) => f.ruleId);
    errors.push(...(await allErrors()));
    await page.close();

    return { errors, rulesOff, draft, retention, keep, coached };
  }

  it('reads values of the wrong type as the defaults, and every page still works', async () => {
    const garbage = {
      sites: 'everywhere',
      pausedUntil: 'tomorrow',
      disabledRules: 42,
      teamDocument: 42,
      previousTeamDocument: [1, 2],
      historySettings: 'on',
      ignoredPhrases: { a: 1 },
      exercises: 'lots',
      practice: 17,
    };
    // Every key Tactful reads gets its garbage.
    expect(Object.keys(garbage).sort()).toEqual([...KEYS].sort());
    await setStorage(garbage);
    const seen = await visitAll();
    expect(seen.errors).toEqual([]);
    // The fallbacks: every rule on, the practice example, history kept for 90 days, coaching on.
    expect(seen.rulesOff).toEqual([]);
    expect(seen.draft.length).toBeGreaterThan(0);
    expect({ retention: seen.retention, keep: seen.keep }).toEqual({ retention: '90', keep: 'true' });
    expect(seen.coached).toContain('no-shouting');
    await clearStorage();
  });

  it('keeps what is usable inside damaged values (the user loses no rule, site or draft)', async () => {
    const garbage = {
      sites: { 'help.zendesk.com': 'yes', 'www.example.test': true },
      pausedUntil: { until: 'later' },
      disabledRules: [null, 7, 'no-shouting', { id: 'x' }],
      teamDocument: { text: 5 },
      previousTeamDocument: { models: [] },
      historySettings: { enabled: 'no', retentionDays: -3 },
      ignoredPhrases: [null, { ruleId: 1 }, { ruleId: 'no-condescension', phrase: 'obviously' }],
      exercises: { rules: { 'no-shouting': { streak: 'a' } }, cursors: [] },
      practice: { draft: 'My saved draft about the refund.', channel: 'fax', customerName: 9 },
    };
    // Every key Tactful reads gets its garbage.
    expect(Object.keys(garbage).sort()).toEqual([...KEYS].sort());
    await setStorage(garbage);
    const seen = await visitAll();
    expect(seen.errors).toEqual([]);
    expect(seen.rulesOff).toEqual(['no-shouting']);
    expect(seen.draft).toBe('My saved draft about the refund.');
    expect({ retention: seen.retention, keep: seen.keep }).toEqual({ retention: '90', keep: 'true' });
    expect(seen.coached).toContain('no-blame-shifting');
    expect(seen.coached).not.toContain('no-shouting');
    await clearStorage();
  });

  it('reads a value stored by an older version (v0 metadata, an older shape) without losing it', async () => {
    // WXT keeps an item's version in `<key>$`; these are shapes an older build could have left.
    await setStorage({
      disabledRules: { 'no-shouting': true, 'no-condescension': false },
      disabledRules$: { v: 0 },
      practice: 'A draft kept by an older version.',
      practice$: { v: 0 },
      sites: ['www.example.test'],
      sites$: { v: 0 },
    });
    const seen = await visitAll();
    expect(seen.errors).toEqual([]);
    expect(seen.rulesOff).toEqual(['no-shouting']);
    expect(seen.draft).toBe('A draft kept by an older version.');
    await clearStorage();
  });

  it('keeps coaching when storage is full: a rule turned off from a card that cannot be saved stays on, quietly', async () => {
    // chrome.storage.local holds 10 MB without the unlimitedStorage permission: fill it.
    const filled = await (await waitForWorker()).evaluate(async () => {
      const local = (globalThis as any).chrome.storage.local;
      let i = 0;
      for (let size = 1_000_000; size >= 16; ) {
        try {
          await local.set({ [`filler${i}`]: 'x'.repeat(size) });
          i++;
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return i;
    });
    expect(filled).toBeGreaterThan(5);
    const { page, allErrors } = await openWatched(textareaUrl());
    await page.locator('textarea#message').click();
    await page.keyboard.type('The warehouse messed up your order.');
    await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('The warehouse messed up');
    // A person opens the card and turns the rule off; the write fails for want of room.
    const at = await inCoachWorld(page, () => {
      const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot;
      const span = [...root.querySelectorAll('.tactful-u')].find((u) => u.textContent === 'The warehouse messed up');
      const r = span!.getBoundingClientRect();
      return { x: r.left + 8, y: r.top + r.height / 2 };
    });
    await page.mouse.move(at.x, at.y);
    await coach(page, '[role="dialog"] button', { hasText: 'Turn off' }).click();
    await coach(page, '.tf-confirm button', { hasText: 'Turn off' }).click();
    await expect.poll(() => coach(page, '.tf-confirm').count()).toBe(0);
    expect(
      await (await waitForWorker()).evaluate(async () =>
        Object.keys(await (globalThis as any).chrome.storage.local.get('disabledRules')),
      ),
    ).toEqual([]);
    // The rule stays on (storage is the truth), the coach goes on, nothing reached the page.
    await page.locator('textarea#message').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' That is not my department.');
    await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('not my department');
    expect(await underlined(page)).toContain('The warehouse messed up');
    expect(await textareaValue(page, 'textarea#message')).toBe(
      'The warehouse messed up your order. That is not my department.',
    );
    expect(await allErrors()).toEqual([]);
    await page.close();
    await clearStorage();
  });
});

describe('a slow team regex on a long paste (issue #12, item 6: the time budget)', () => {
  // A custom rule that passes the safety check but is cubic on a long run of "a"; the engine
  // reads the long sentence in windows and stops at its time budget (2 s).
  const team = readFileSync(
    fileURLToPath(new URL('../unit/fixtures/cli/team-slow-regex.yml', import.meta.url)),
    'utf8',
  );

  it('says the draft was checked in part, keeps what it found, and the page keeps every keystroke', async () => {
    await setStorage({ teamDocument: { text: team } });
    const { page, allErrors } = await openWatched(textareaUrl());
    const textarea = page.locator('textarea#message');
    await textarea.click();
    const opening = 'The warehouse messed up your order. ';
    await textarea.fill(`${opening}${'a'.repeat(200_000)}`);
    await expect.poll(() => badgeName(page), { timeout: 30_000 }).toMatch(/draft only partly checked$/);
    await expect.poll(() => underlined(page), { timeout: 10_000 }).toContain('The warehouse messed up');
    await coach(page, '.tf-badge').click();
    expect(await coach(page, '.tf-panel-partial').textContent()).toMatch(/Only part of this draft was checked/);
    // The worker is busy with the budget, never the page: keystrokes land as typed.
    await textarea.press('End');
    await page.keyboard.type(' Thanks!');
    expect(await textarea.inputValue()).toBe(`${opening}${'a'.repeat(200_000)} Thanks!`);
    expect(await allErrors()).toEqual([]);
    await page.close();
    await clearStorage();
  }, 90_000);
});

describe('no request leaves the machine (issue #12, item 12)', () => {
  it('sees the service worker’s requests (the recorder works), and none of the session went elsewhere', async () => {
    // A request the worker makes on purpose, to a fixture host: the recorder must see it.
    const probe = 'https://help.zendesk.com/fixtures/common.js?from=worker';
    expect(await (await waitForWorker()).evaluate((u) => fetch(u).then((r) => r.status), probe)).toBe(200);
    await expect.poll(() => browser.requests.includes(probe)).toBe(true);
    // The worker's own record of what it fetched agrees: the extension's files and that probe.
    const resources = await extensionWorker()!.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    expect(resources.filter((u) => !isLocalRequest(u))).toEqual([]);
    expect(browser.requests.length).toBeGreaterThan(20);
    // Strict for this session: not even a navigation went elsewhere.
    expect(browser.requests.filter((u) => !isLocalRequest(u))).toEqual([]);
    expect(browser.offsiteRequests()).toEqual([]);
  });
});

// Last: it reloads the extension, which this browser's later tests would not survive.
describe('the extension reloaded under an open tab (issue #12, item 11)', () => {
  it('does not throw into the page nor change a keystroke when the extension is reloaded under it', async () => {
    await clearStorage();
    const { page, allErrors } = await openWatched(textareaUrl());
    await page.locator('textarea#message').click();
    await page.keyboard.type('The warehouse messed up your order.');
    await expect.poll(() => underlined(page), { timeout: 10_000 }).toContain('The warehouse messed up');

    // An update or a reload from chrome://extensions: this page's content script is orphaned
    // (its extension context is invalidated) and no new one is injected into the open tab.
    await (await waitForWorker()).evaluate(() => (globalThis as any).chrome.runtime.reload()).catch(() => undefined);
    // This page's content script is an orphan now. (Chromium does not load a command-line
    // unpacked extension again after runtime.reload(), so here the reload is also a removal:
    // the same invalidated context either way.)
    await expect
      .poll(() => inCoachWorld(page, () => (globalThis as any).chrome.runtime?.id ?? null), { timeout: 15_000 })
      .toBeNull();
    await page.locator('textarea#message').click();
    await page.keyboard.press('Control+End');
    const more = ' That is not my department. I have no idea, call them yourself.';
    await page.keyboard.type(more);
    await page.locator('textarea#scroll-textarea').click();
    await page.locator('textarea#message').click();
    await page.keyboard.type(' Bye.');
    expect(await textareaValue(page, 'textarea#message')).toBe(`The warehouse messed up your order.${more} Bye.`);
    // The orphaned coach stops quietly: its underlines and badge go, since it can no longer
    // check what is typed (stale marks on a changing draft would mislead).
    await expect
      .poll(
        () =>
          inCoachWorld(page, () => {
            const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot | undefined;
            const marks = [...((CSS as any).highlights as Map<string, unknown>).keys()].filter((n) =>
              n.startsWith('tactful-'),
            );
            return {
              coach: (globalThis as any).__tactfulCoach !== undefined,
              overlay: !!root?.host.isConnected,
              marks: marks.length,
            };
          }),
        { timeout: 10_000 },
      )
      .toEqual({ coach: false, overlay: false, marks: 0 });
    expect(await allErrors()).toEqual([]);

    // The page itself goes on as if Tactful had never been there.
    await page.reload();
    await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
    await page.locator('textarea#message').click();
    await page.keyboard.type('The courier lost your parcel.');
    expect(await textareaValue(page, 'textarea#message')).toBe('The courier lost your parcel.');
    expect(await allErrors()).toEqual([]);
    await page.close();
  });
});
