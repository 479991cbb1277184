import type { Worker } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './browser';
import { ExtensionPolicyFile, extensionIdOfKey, policyDirProblem } from './chromium-policy';
import { underlined, writeGmail } from './gmail';
import { gmailUrl, launchWithHosts, type HostedBrowser } from './hosts';

// A team rule set delivered the way an organisation delivers it: a policy file in Chromium's
// real policy directory (`3rdparty.extensions.<id>`, the id fixed by the manifest's `key`), read
// by the browser into the extension's storage.managed. One browser for the whole file.

/** The id wxt.config.ts's `key` gives (its comment says so; the README's admin examples use it). */
const EXTENSION_ID = 'mpeapjgceonjcnjohfmigfeffiomklcj';

/**
 * The organisation's set: blame-shifting turned off, and a rule of its own. Its custom rule
 * carries examples as the pack's rules do, so the document stays valid if they become required.
 */
const POLICY_RULE_SET = `tactful: 1
name: Acme support (policy)
rules:
  no-blame-shifting: off
custom:
  - id: no-internal-jargon
    level: warning
    description: Disallow internal ticket jargon in replies.
    message: The customer doesn't know our internal terms.
    why: Internal words make the customer feel outside the conversation and hide what happens next.
    check: { kind: phrase, patterns: ["L2 queue"] }
    examples:
      bad:
        - { text: "I moved it to the L2 queue.", flag: "L2 queue", output: [] }
        - { text: "It sits in the L2 queue now.", flag: "L2 queue", output: [] }
        - { text: "The L2 queue will pick it up.", flag: "L2 queue", output: [] }
        - { text: "Your ticket went to the L2 queue today.", flag: "L2 queue", output: [] }
        - { text: "Once the L2 queue clears we'll call.", flag: "L2 queue", output: [] }
      good:
        - { text: "I passed it to our specialist team." }
        - { text: "A specialist will look at it today." }
        - { text: "Our second-line team has it now." }
        - { text: "I've asked an expert to take over." }
        - { text: "Someone who knows this well will reply." }
`;

const policyFile = new ExtensionPolicyFile('tactful-test.json');
const cannotWrite = policyDirProblem();
if (cannotWrite) console.warn(`[policy.test] skipped: ${cannotWrite}`);

let browser: HostedBrowser;

beforeAll(async () => {
  if (cannotWrite) return;
  policyFile.remove(); // a file left by a run that was killed
  policyFile.write(EXTENSION_ID, { teamRuleSet: POLICY_RULE_SET });
  try {
    browser = await launchWithHosts();
  } catch (error) {
    policyFile.remove();
    throw error;
  }
}, 60_000);

afterAll(async () => {
  try {
    await browser?.close();
  } finally {
    policyFile.remove();
  }
});

const worker = (): Worker => browser.context.serviceWorkers().find((w) => w.url().includes(browser.extensionId))!;
const engineLoads = () => worker().evaluate(() => (globalThis as any).tactfulEngine.stats.loads as number);

describe.skipIf(cannotWrite !== null)("a rule set from the organisation's policy", () => {
  it('has the stable id the manifest key gives', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.storage).toEqual({ managed_schema: 'managed-schema.json' });
    expect(extensionIdOfKey(manifest.key)).toBe(EXTENSION_ID);
    expect(browser.extensionId).toBe(EXTENSION_ID);
  });

  it('reaches the extension as storage.managed, read-only', async () => {
    await expect
      .poll(() => worker().evaluate(() => (globalThis as any).chrome.storage.managed.get()), { timeout: 10_000 })
      .toEqual({ teamRuleSet: POLICY_RULE_SET });
    const setError = await worker().evaluate(() =>
      (globalThis as any).chrome.storage.managed.set({ teamRuleSet: 'tactful: 1\n' }).then(
        () => null,
        (e: Error) => e.message,
      ),
    );
    expect(setError).toMatch(/read-only/i);
  });

  it('is applied on the page and wins over the team document the agent could change', async () => {
    const page = await browser.open(gmailUrl());
    await writeGmail(page, 'The courier messed up your order. I moved it to the L2 queue.');
    // The policy's own rule underlines; the pack's blame-shifting rule (off by policy) does not.
    await expect.poll(() => underlined(page), { timeout: 15_000 }).toContain('L2 queue');
    expect(await underlined(page)).not.toContain('The courier messed up');

    // The team's own document (what the options page saves) changes; the engine reloads, and the
    // policy's set is still the one in force.
    const loads = await engineLoads();
    await worker().evaluate(() =>
      (globalThis as any).chrome.storage.local.set({ teamDocument: { text: 'tactful: 1\n', models: {} } }),
    );
    await expect.poll(engineLoads, { timeout: 10_000 }).toBeGreaterThan(loads);
    await worker().evaluate(() => (globalThis as any).tactfulEngine.whenReady());
    await page.keyboard.type(' Back from the L2 queue, the warehouse lost it.');
    await expect
      .poll(async () => (await underlined(page)).filter((t) => t === 'L2 queue').length, { timeout: 15_000 })
      .toBe(2);
    const after = await underlined(page);
    expect(after).not.toContain('The courier messed up');
    expect(after.join(' ')).not.toMatch(/warehouse/);
    await page.close();
  });

  it("is listed on chrome://policy under the extension's name, valid for its schema", async () => {
    const page = await browser.context.newPage();
    await page.goto('chrome://policy');
    // One table per extension with policies, named by the extension and its id.
    const table = page.locator('policy-table').filter({ hasText: 'Tactful' }).filter({ hasText: EXTENSION_ID });
    const row = table.locator('policy-row').filter({ hasText: 'teamRuleSet' });
    await expect.poll(() => row.getByText('OK', { exact: true }).count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.close();
  });
});
