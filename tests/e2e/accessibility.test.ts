// Every surface of Tactful checked by axe-core (WCAG 2.0 and 2.1, levels A and AA, and axe's best
// practices) in real Chromium with the built extension: the four extension pages in the states a
// person sees them in, and the coach drawn into a host page (badge, findings panel, card).
//
// The coach lives in a closed shadow root, which no checker can enter. The test opens it: before
// the coach loads, it makes attachShadow open in the content script's world (the coach's own code
// is unchanged; only the shadow root's mode differs), then runs axe in that world.
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coach, inCoachWorld } from './coach-world';
import { gmailUrl, type HostedBrowser, launchWithHosts, textareaUrl } from './hosts';
import { writeGmail } from './gmail';
import { seedHistory } from './history-seed';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
const DRAFT = "The warehouse messed up your order. That's not my department. As I already said, WAIT!!!";

let browser: HostedBrowser;

beforeAll(async () => {
  browser = await launchWithHosts();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

interface Violation {
  id: string;
  impact: string;
  help: string;
  nodes: Array<{ target: unknown[]; failureSummary?: string }>;
}

/** One line per violation: what, how serious, where (the first three places). */
const summary = (violations: Violation[]) =>
  violations.map(
    (v) =>
      `${v.id} [${v.impact}] ${v.help}: ${v.nodes
        .slice(0, 3)
        .map((n) => JSON.stringify(n.target))
        .join(' | ')}`,
  );

/** axe in the page's own world (an extension page: its CSP does not apply to DevTools evaluation). */
async function pageViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(
    (tags) => (window as any).axe.run(document, { runOnly: tags }).then((r: any) => r.violations),
    TAGS,
  );
  return summary(violations);
}

/** Each page in the state a person sees it in, ready to check. */
const PAGES: Array<[string, string, (page: Page) => Promise<unknown>]> = [
  [
    'practice page with a coached draft',
    'practice.html',
    async (page) => {
      await page.waitForFunction(() => /^\d+$/.test(document.querySelector('#score')?.textContent ?? ''));
      await page.getByLabel('Your reply', { exact: true }).fill(DRAFT);
      await expect.poll(() => page.locator('.finding-list > li').count(), { timeout: 10_000 }).toBeGreaterThan(2);
    },
  ],
  [
    'practice page, an exercise',
    'practice.html#exercise=no-shouting',
    (page) => page.getByLabel('Your rewrite').waitFor({ timeout: 10_000 }),
  ],
  [
    'options page',
    'options.html',
    (page) => page.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).waitFor(),
  ],
  [
    "options page: the form for a team's own rule",
    'options.html',
    async (page) => {
      await page.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).waitFor();
      await page.getByRole('button', { name: 'Add a rule of your own…' }).click();
      await page.getByRole('form', { name: 'Add a rule of your own' }).waitFor();
    },
  ],
  [
    'options page: the document as text, with a mistake in it',
    'options.html',
    async (page) => {
      await page.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).waitFor();
      await page.getByRole('tab', { name: 'Edit as text' }).click();
      await page
        .getByRole('textbox', { name: 'Team rule set document' })
        .fill('tactful: 1\nrules:\n  no-shouting: loud\n');
      await page.getByRole('alert').waitFor();
    },
  ],
  [
    'review page',
    'review.html',
    async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await page.waitForLoadState('networkidle');
    },
  ],
  [
    'review page with history (groups, charts)',
    'review.html',
    async (page) => {
      await page.getByRole('heading', { level: 1 }).waitFor();
      await seedHistory(page);
      await page.reload();
      await page.locator('.rv-group').first().waitFor();
      await page.waitForLoadState('networkidle');
    },
  ],
  ['popup (opened as a page)', 'popup.html', (page) => page.locator('.tp-title').waitFor()],
];

describe("Tactful's pages, light and dark", () => {
  for (const scheme of ['light', 'dark'] as const) {
    for (const [name, path, ready] of PAGES) {
      it(`${name} (${scheme})`, async () => {
        const page = await browser.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`chrome-extension://${browser.extensionId}/${path}`);
        await ready(page);
        expect(await pageViolations(page)).toEqual([]);
        await page.close();
      });
    }
  }
});

/** Opens the coach's shadow root for the checker, before the coach exists (see the top). */
async function openShadowRoots(page: Page): Promise<void> {
  await expect
    .poll(() =>
      inCoachWorld(page, () => {
        const attach = Element.prototype.attachShadow;
        Element.prototype.attachShadow = function (init: ShadowRootInit) {
          return attach.call(this, { ...init, mode: 'open' });
        };
        return (globalThis as any).__tactfulCoach === undefined;
      }).catch(() => false),
    )
    .toBe(true);
}

/** axe over the coach's element and everything in its (now open) shadow root. */
async function coachViolations(page: Page): Promise<string[]> {
  await inCoachWorld(
    page,
    (source: string) => {
      new Function(source)();
      return true;
    },
    AXE,
  );
  const violations = await inCoachWorld(
    page,
    (tags: string[]) =>
      (globalThis as any).axe
        .run({ include: [['tactful-coach']] }, { runOnly: tags })
        .then((r: any) => JSON.parse(JSON.stringify(r.violations))),
    TAGS,
  );
  return summary(violations as Violation[]);
}

describe('the coach in a host page', () => {
  for (const scheme of ['light', 'dark'] as const)
    it(`badge, findings panel and card on a textarea (${scheme})`, async () => {
      const page = await browser.context.newPage();
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(textareaUrl());
      await page.waitForFunction(() => (window as any).fixture?.ready === true);
      await openShadowRoots(page);
      await page.locator('textarea#message').click();
      await page.keyboard.type(DRAFT);
      const badge = coach(page, '.tf-badge');
      await expect.poll(() => coach(page, '.tf-count').count(), { timeout: 10_000 }).toBeGreaterThan(0);
      expect(await coachViolations(page)).toEqual([]);
      await badge.click();
      await coach(page, '.tf-panel').getAttribute('role');
      expect(await coachViolations(page)).toEqual([]);
      await coach(page, '.tf-finding-button').click();
      await coach(page, '[role="dialog"]').getAttribute('role');
      expect(await coachViolations(page)).toEqual([]);
      await page.close();
    });

  it('badge and card in Gmail', async () => {
    const page = await browser.open(gmailUrl());
    await page.waitForFunction(() => (window as any).fixture?.ready === true);
    await openShadowRoots(page);
    await writeGmail(page, DRAFT);
    await expect.poll(() => coach(page, '.tf-count').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.keyboard.press('Alt+Shift+N');
    await coach(page, '[role="dialog"]').getAttribute('role', { timeout: 10_000 });
    expect(await coachViolations(page)).toEqual([]);
    await page.close();
  });
});
