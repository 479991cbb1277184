import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from '@playwright/test';
import { dynamicUrl, gmailUrl, launchWithHosts, textareaUrl, zendeskUrl, type HostedBrowser } from './hosts';

// Checks the fixture pages and their plumbing, not Tactful: each page loads under its real host
// name through the resolver rules, works as the site it imitates, and reports no errors of its
// own. The content-script tests build on these pages.

/** What the fixture pages put on `window.fixture` (only what these tests touch). */
interface CkEditor {
  state: string;
  getData(): string;
  ui: { view: { editable: { element: HTMLElement } } };
}
interface Fixture {
  ready: boolean;
  errors: string[];
  gmailBodies(): HTMLElement[];
  gmailBodyText(i: number): string | null;
  gmailDraftText(i: number): string | null;
  composeWindows(): HTMLElement[];
  editor: CkEditor | null;
  editorGeneration: number;
  isInternal(): boolean;
  lastEndUserComment(): string | null;
  expect: { coach: string[]; skip: string[] };
  editorIds(): string[];
  route(): string;
}
declare const fixture: Fixture;

let browser: HostedBrowser;
/** Uncaught exceptions per page, as Playwright sees them (the page's own list is fixture.errors). */
const pageErrors = new Map<Page, string[]>();

beforeAll(async () => {
  browser = await launchWithHosts();
});

afterAll(async () => {
  await browser?.close();
});

/** Opens a fixture page in a new tab and waits until its script has set it up. */
async function openFixture(url: string): Promise<Page> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  pageErrors.set(page, errors);
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url);
  // Stop at the first error too, so a broken fixture fails with its message, not a timeout.
  await page.waitForFunction(() => window.fixture?.ready === true || (window.fixture?.errors.length ?? 0) > 0);
  await expectNoErrors(page);
  return page;
}

/** Neither the page's own collector nor Playwright saw an error. */
async function expectNoErrors(page: Page): Promise<void> {
  expect(await page.evaluate(() => fixture.errors)).toEqual([]);
  expect(pageErrors.get(page)).toEqual([]);
}

describe('host mapping', () => {
  test('serves every fixture host over HTTPS at its real name, without a port', async () => {
    const page = await browser.context.newPage();
    for (const url of [gmailUrl(), zendeskUrl('email'), textareaUrl(), dynamicUrl()]) {
      const response = await page.goto(url);
      expect(response?.status()).toBe(200);
      const expected = new URL(url);
      expect(await page.evaluate(() => [location.protocol, location.host])).toEqual(['https:', expected.host]);
    }
    // Any other name fails to resolve: nothing leaves the machine.
    await expect(page.goto('https://www.google.com/')).rejects.toThrow(/ERR_NAME_NOT_RESOLVED/);
    await page.close();
  });
});

describe('Gmail fixture', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(gmailUrl());
  });
  afterAll(async () => {
    await page.close();
  });

  test('shows the thread with Gmail-like messages, the last one from the upset customer', async () => {
    const senders = page.locator('div.adn .gs span.gD[email][name]');
    expect(await senders.evaluateAll((els) => els.map((e) => e.getAttribute('email')))).toEqual([
      'dana@example.com',
      'sam@acme-shop.example',
      'dana@example.com',
    ]);
    await expect.poll(() => page.locator('div.adn').last().locator('div.a3s').innerText()).toContain('arrived broken');
    await expect.poll(() => page.locator('input[aria-label="Search mail"]').count()).toBe(1);
  });

  test('has an inline reply with a draft, a signature and the quoted message', async () => {
    const reply = page.locator(
      'div[contenteditable="true"][role="textbox"][aria-label="Message Body"][g_editable="true"].Am.Al.editable',
    );
    expect(await reply.count()).toBe(1);
    expect(await reply.locator('div.gmail_signature').count()).toBe(1);
    expect(await reply.locator('div.gmail_quote blockquote').innerText()).toContain('smashed to pieces');
    const body = await page.evaluate(() => fixture.gmailBodyText(0));
    expect(body).toContain('Calm down, these things happen.');
    expect(body).toContain('Customer Care, Acme Shop');
    const draft = await page.evaluate(() => fixture.gmailDraftText(0));
    expect(draft).toMatch(/^Hi Dana,\n\nCalm down, these things happen\./);
    expect(draft).not.toContain('Customer Care');
    expect(draft).not.toContain('smashed');
  });

  test('Compose opens a second, empty body editor later in the DOM that takes typing', async () => {
    await page.getByRole('button', { name: 'Compose' }).click();
    await page.waitForFunction(() => fixture.gmailBodies().length === 2);
    const { later, empty } = await page.evaluate(() => {
      const [reply, compose] = fixture.gmailBodies();
      return {
        later: Boolean(reply!.compareDocumentPosition(compose!) & Node.DOCUMENT_POSITION_FOLLOWING),
        empty: fixture.gmailBodyText(1)!.trim() === '',
      };
    });
    expect(later).toBe(true);
    expect(empty).toBe(true);

    const dialog = page.locator('div[role="dialog"]');
    await expect.poll(() => dialog.locator('input[aria-label="To recipients"]').count()).toBe(1);
    await dialog.locator('input[aria-label="Subject"]').fill('Your replacement lamp');
    await dialog.locator('div[aria-label="Message Body"]').click();
    await page.keyboard.type('Hi Dana, a new lamp is on its way.');
    await expect
      .poll(() => page.evaluate(() => fixture.gmailBodyText(1)))
      .toContain('Hi Dana, a new lamp is on its way.');

    // Send closes the window again.
    await dialog.getByRole('button', { name: /^Send/ }).click();
    await page.waitForFunction(() => fixture.composeWindows().length === 0);
    await expectNoErrors(page);
  });
});

describe('Zendesk fixture', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openFixture(zendeskUrl('upset'));
  });
  afterAll(async () => {
    await page.close();
  });

  const composer = () => page.locator('[data-test-id="omnicomposer"]');
  const editable = () =>
    page.locator('[data-test-id="omnicomposer-rich-text-ckeditor"] .ck-editor__editable[contenteditable="true"]');
  const getData = () => page.evaluate(() => fixture.editor!.getData());

  test('has a log of end-user and agent comments, the last one upset', async () => {
    const roles = await page
      .locator('[data-test-id="omni-log-comment-item"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-author-role')));
    expect(roles).toEqual(['end-user', 'agent', 'agent', 'end-user']);
    expect(await page.locator('[data-test-id="omni-log-item-sender"]').first().innerText()).toBe('Maya Chen');
    expect(await page.evaluate(() => fixture.lastEndUserComment())).toBe(
      "My refund still hasn't arrived and nobody answers, this is ridiculous",
    );
  });

  test('the composer is the real CKEditor 5: typed text reaches getData() and Ctrl+Z undoes it', async () => {
    expect(
      await page.evaluate(() => [(window as { CKEDITOR_VERSION?: string }).CKEDITOR_VERSION, fixture.editor?.state]),
    ).toEqual(['48.5.2', 'ready']);
    await editable().click();
    // CKEditor makes one undo step per 20 typed characters (typing.undoStep): stay below that.
    await page.keyboard.type('Hello Maya.');
    await expect.poll(getData).toBe('<p>Hello Maya.</p>');
    await page.keyboard.press('Control+z');
    await expect.poll(getData).toBe('');
    await page.keyboard.press('Control+y');
    await expect.poll(getData).toBe('<p>Hello Maya.</p>');
  });

  test('switches between public reply and internal note', async () => {
    await page.locator('[data-test-id="omnichannel-channel-switcher"]').click();
    await page.getByRole('menuitemradio', { name: 'Internal note' }).click();
    await expect.poll(() => composer().getAttribute('data-mode')).toBe('internal');
    expect(await composer().evaluate((el) => el.classList.contains('omnicomposer--internal'))).toBe(true);
    expect(await page.evaluate(() => fixture.isInternal())).toBe(true);

    await page.locator('[data-test-id="omnichannel-channel-switcher"]').click();
    await page.getByRole('menuitemradio', { name: 'Public reply' }).click();
    await expect.poll(() => composer().getAttribute('data-mode')).toBe('public');
  });

  test('another ticket tab destroys the editor and mounts a new one; the draft comes back', async () => {
    const before = await page.evaluate(() => fixture.editorGeneration);
    await editable().evaluate((el) => el.setAttribute('data-probe', 'old'));
    await page.getByRole('tab', { name: /#4907/ }).click();
    await page.waitForFunction((g) => fixture.editorGeneration === g + 1 && fixture.editor?.state === 'ready', before);
    expect(await page.locator('[data-probe="old"]').count()).toBe(0); // old editable left the DOM
    expect(await getData()).toBe('');
    expect(await page.evaluate(() => fixture.lastEndUserComment())).toContain('reset link');

    await page.getByRole('tab', { name: /#4821/ }).click();
    await page.waitForFunction((g) => fixture.editorGeneration === g + 2 && fixture.editor?.state === 'ready', before);
    expect(await getData()).toBe('<p>Hello Maya.</p>');
    await expectNoErrors(page);
  });

  test('?channel, ?customer and ?draft set the channel, the last comment and the composer text', async () => {
    await page.goto(zendeskUrl({ channel: 'messaging', customer: 'happy', draft: 'Hi Maya,\nGlad to hear it.' }));
    await page.waitForFunction(() => fixture.ready === true);
    expect(await page.locator('[data-test-id="omnicomposer-channel-label"]').innerText()).toBe('Messaging');
    expect(await page.evaluate(() => fixture.lastEndUserComment())).toBe('Thanks so much, it all works now!');
    expect(await getData()).toBe('<p>Hi Maya,</p><p>Glad to hear it.</p>');
    await expectNoErrors(page);
  });
});

describe('textarea fixture', () => {
  test('has the support textarea, the fields to skip and a scrollable textarea', async () => {
    const page = await openFixture(textareaUrl());
    const { coach, skip } = await page.evaluate(() => fixture.expect);
    for (const selector of [...coach, ...skip]) expect(await page.locator(selector).count(), selector).toBe(1);

    await page.locator('#message').click();
    await page.keyboard.type('Hello,\nmy order is late.');
    expect(await page.locator('#message').inputValue()).toBe('Hello,\nmy order is late.');

    const overflows = await page.evaluate(() =>
      ['#scroll-box', '#scroll-textarea'].map((s) => {
        const el = document.querySelector(s)!;
        return el.scrollHeight > el.clientHeight;
      }),
    );
    expect(overflows).toEqual([true, true]);
    await expectNoErrors(page);
    await page.close();
  });
});

describe('dynamic fixture', () => {
  test('adds, removes and re-renders editors, and a route change replaces the content', async () => {
    const page = await openFixture(dynamicUrl());
    const ids = () => page.evaluate(() => fixture.editorIds());

    await page.getByRole('button', { name: 'Add textarea', exact: true }).click();
    await page.getByRole('button', { name: 'Add rich editor' }).click();
    await page.getByRole('button', { name: 'Add shadow-root textarea' }).click();
    await page.getByRole('button', { name: 'Add textarea later' }).click();
    await expect.poll(ids).toEqual(['dyn-1', 'dyn-2', 'dyn-3', 'dyn-4']);
    // Locators pierce the open shadow root.
    await page.locator('#dyn-3 textarea').fill('In the shadow');

    await page.getByRole('button', { name: 'Remove last' }).click();
    await expect.poll(ids).toEqual(['dyn-1', 'dyn-2', 'dyn-3']);

    await page.locator('#dyn-1').evaluate((el) => el.setAttribute('data-probe', 'old'));
    await page.getByRole('button', { name: 'Re-render' }).click();
    await expect.poll(() => page.locator('[data-probe="old"]').count()).toBe(0);
    expect(await ids()).toEqual(['dyn-1', 'dyn-2', 'dyn-3']);
    expect(await page.locator('#dyn-3 textarea').inputValue()).toBe('In the shadow');

    await page.getByRole('link', { name: 'Settings' }).click();
    await expect
      .poll(() => page.evaluate(() => [location.pathname, fixture.route()]))
      .toEqual(['/app/settings', '/app/settings']);
    expect(await page.locator('#auto-reply').count()).toBe(1);
    expect(await ids()).toEqual([]);
    await page.goBack();
    await expect.poll(() => page.evaluate(() => fixture.route())).toBe('/app/inbox');
    await expectNoErrors(page);
    await page.close();
  });
});

declare global {
  interface Window {
    fixture?: Fixture;
  }
}
