import type { Page } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { underlined, writeGmail } from './gmail';
import { gmailUrl, launchWithHosts, type HostedBrowser } from './hosts';

// The options page's rule editor with the real extension: a change made there reaches an open
// Gmail tab (re-linted, no reload), and a bad import is refused and changes nothing.

let browser: HostedBrowser;
const errors: string[] = [];

function watchErrors(page: Page, name: string) {
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`${name}: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
}

beforeAll(async () => {
  browser = await launchWithHosts();
});
afterAll(async () => {
  await browser?.close();
});

async function openOptions(): Promise<Page> {
  const page = await browser.context.newPage();
  watchErrors(page, 'options');
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  await page.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).waitFor();
  return page;
}

const storedDocument = (options: Page) =>
  options.evaluate(
    async () => (await (globalThis as any).chrome.storage.local.get('teamDocument')).teamDocument ?? null,
  );

describe('options: the team rule editor in the browser', () => {
  it('re-lints an open Gmail tab when a rule is turned off or a phrase is added, without reload', async () => {
    const gmail = await browser.open(gmailUrl());
    watchErrors(gmail, 'gmail');
    await expect.poll(() => gmail.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
    await writeGmail(gmail, 'The warehouse messed up your order and it shipped late.');
    await expect.poll(() => underlined(gmail), { timeout: 10_000 }).toContain('The warehouse messed up');
    expect(await underlined(gmail)).not.toContain('shipped late');

    const options = await openOptions();
    await options.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).uncheck();
    await expect.poll(() => underlined(gmail), { timeout: 10_000 }).not.toContain('The warehouse messed up');

    const phrase = options.getByRole('textbox', { name: 'New phrase for Hiding behind policy: Phrases it looks for' });
    await options.locator('article[data-rule-id="no-policy-hiding"] details.lists summary').click();
    await phrase.fill('shipped late');
    await phrase.press('Enter');
    await expect.poll(() => underlined(gmail), { timeout: 10_000 }).toContain('shipped late');
    expect(await storedDocument(options)).toMatchObject({ text: expect.stringContaining('shipped late') });
    await options.close();
    await gmail.close();
  });

  it('refuses a bad import with its line and field, and the rules in force stay as they were', async () => {
    const options = await openOptions();
    const before = await storedDocument(options);
    await options.getByLabel('Import a rule set file').setInputFiles({
      name: 'broken.yml',
      mimeType: 'text/yaml',
      buffer: Buffer.from('tactful: 1\nrules:\n  no-shouting: off\n  require-greeting: loud\n'),
    });
    const refused = options.getByRole('alert', { name: 'Import refused' });
    await expect.poll(() => refused.textContent()).toMatch(/line 4, rules\.require-greeting: use off, on/);
    expect(await options.getByRole('button', { name: 'Apply import' }).count()).toBe(0);
    expect(await storedDocument(options)).toEqual(before);
    // The editor still shows the set in force (the earlier test's change).
    expect(await options.getByRole('checkbox', { name: 'Team set: Blame-shifting on' }).isChecked()).toBe(false);
    await options.close();
  });

  it('teach by example turns a missed reply into a finding in an open Gmail tab', async () => {
    // Reset to the pack first: the earlier tests left a team set.
    const options = await openOptions();
    await options.evaluate(() =>
      (globalThis as any).chrome.storage.local.remove(['teamDocument', 'previousTeamDocument']),
    );
    const gmail = await browser.open(gmailUrl());
    watchErrors(gmail, 'gmail');
    const missed = 'Hub B forgot the insert again.';
    await writeGmail(gmail, missed);
    // The shipped heads let this team's way of blaming a site through.
    await gmail.waitForTimeout(1500);
    expect((await underlined(gmail)).some((u) => u.includes('Hub B'))).toBe(false);

    await options.reload();
    const teach = options.locator('section.teach');
    await teach.waitFor();
    const examples: Array<[string, boolean]> = [
      ['Hi Dana, Zorbex sync hiccuped again overnight, so your order sat in limbo.', true],
      ['Hi Lee, the 3PL mislabelled the box before it reached us.', true],
      ['Hi Ana, Parcelo scanned it as delivered without ever turning up.', true],
      [`Hi Max, ${missed}`, true],
      ['Hi Kim, Nimbus rolled back the update and wiped your settings.', true],
      ['Hi Ben, our partner Quickship has been really slow lately.', true],
      ['Hi Dana, your order left the depot this morning and should arrive on Friday.', false],
      ['Hi Sam, I have refunded the charge, you will see it in three to five days.', false],
      ['Hi Lee, we mislabelled the box, and I have sent a new one by express.', false],
    ];
    for (const [reply, flag] of examples) {
      await teach.locator('textarea[name="reply"]').fill(reply);
      await teach.locator('select[name="rule"]').selectOption('no-blame-shifting');
      await teach
        .locator('input[name="mark"]')
        .nth(flag ? 0 : 1)
        .check();
      await teach.getByRole('button', { name: 'Add example' }).click();
    }
    await teach.getByRole('button', { name: 'Teach', exact: true }).click();
    await teach.getByRole('button', { name: 'Keep this model' }).click({ timeout: 30_000 });

    // The background rebuilt the engine with the team's heads and re-linted the open draft.
    await expect
      .poll(() => underlined(gmail), { timeout: 20_000 })
      .toEqual(expect.arrayContaining([expect.stringContaining('Hub B')]));
    const stored = await options.evaluate(() => (globalThis as any).chrome.storage.local.get('teamDocument'));
    expect(Object.keys((stored.teamDocument as { models: object }).models).sort()).toEqual(['blame', 'blame-reply']);
    await gmail.close();
    await options.close();
  }, 90_000);

  it('logged no errors', () => {
    expect(errors).toEqual([]);
  });
});
