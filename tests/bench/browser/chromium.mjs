// Chromium for the browser benchmark: Debian's headless Chromium in a fresh profile, with or
// without the built extension, resolving the fixture hosts (mail.google.com, *.zendesk.com) to
// the local fixture server. The same flags as tests/e2e/browser.ts and tests/e2e/hosts.ts (plain
// JS here so that node runs this without a build step).
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIXTURE_HOSTS } from '../../e2e/fixtures/server.mjs';
import { CHROMIUM_FLAGS } from '../../e2e/chromium-flags.mjs';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The built manifest, or null when there is no build. */
export function readManifest() {
  const file = join(EXTENSION_DIR, 'manifest.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
}

/** `MAP host 127.0.0.1:port` also rewrites the port, so page URLs are the real ones. */
const hostResolverRules = (port) =>
  [...FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');

/**
 * Launches Chromium (headless, temporary profile). With the extension, waits for its service
 * worker and closes the practice tab it opens on install.
 * @returns {Promise<{ context: import('@playwright/test').BrowserContext, extensionId: string, close(): Promise<void> }>}
 */
export async function launch({ chromium, port, extension }) {
  const profile = await mkdtemp(join(tmpdir(), 'tactful-bench-'));
  let context;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1280, height: 800 },
      ...(extension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      args: [
        ...CHROMIUM_FLAGS,
        `--host-resolver-rules=${hostResolverRules(port)}`,
        '--ignore-certificate-errors',
        ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ],
    });
    const ctx = context;
    let extensionId = '';
    if (extension) {
      const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker', { timeout: 15_000 }));
      extensionId = new URL(worker.url()).host;
      // The background opens practice.html on install; it would share the CPU with the runs.
      const isInstallTab = (p) => p.url().startsWith(`chrome-extension://${extensionId}/`);
      const tab =
        ctx.pages().find(isInstallTab) ??
        (await ctx.waitForEvent('page', { predicate: isInstallTab, timeout: 5_000 }).catch(() => null));
      await tab?.close();
    }
    return {
      context: ctx,
      extensionId,
      async close() {
        await ctx.close().catch(() => undefined);
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}
