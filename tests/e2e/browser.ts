import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';

/** The built extension (`npm run build`). */
export const EXTENSION_DIR = resolve(fileURLToPath(new URL('../..', import.meta.url)), '.output/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Opens one of the extension's pages, e.g. `practice.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

export interface LaunchedChromium {
  context: BrowserContext;
  /** Empty when launched without the extension. */
  extensionId: string;
  /** Closes the browser and removes its temporary profile. */
  close(): Promise<void>;
}

/**
 * Launches Debian's Chromium headless in a fresh temporary profile, with the built extension
 * unless `extension` is false, and the flags TOOLCHAIN.md lists (no background networking: this
 * machine refuses it). The install-time practice tab the background opens is closed, so tests
 * start from a clean slate.
 */
export async function launchChromium({ extension = true, extraArgs = [] as string[] } = {}): Promise<LaunchedChromium> {
  if (extension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const profile = await mkdtemp(join(tmpdir(), 'tactful-e2e-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ...(extension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      args: [
        ...CHROMIUM_FLAGS,
        ...extraArgs,
        ...(extension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      ],
    });
    const ctx = context;
    let extensionId = '';
    if (extension) {
      const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
      extensionId = new URL(worker.url()).host;
      await closeInstallTab(ctx, extensionId);
    }
    return {
      context: ctx,
      extensionId,
      async close() {
        await ctx.close();
        await rm(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    throw error;
  }
}

/** Chromium with the built extension, and a way to open its pages. */
export async function launchWithExtension(): Promise<ExtensionBrowser> {
  const { context, extensionId, close } = await launchChromium();
  return {
    context,
    extensionId,
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path.replace(/^\//, '')}`);
      return page;
    },
    close,
  };
}

/** The background opens practice.html on install; wait for that tab and close it. */
export async function closeInstallTab(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/practice.html`;
  const isInstallTab = (p: Page) => p.url() === url;
  const tab =
    context.pages().find(isInstallTab) ??
    (await context.waitForEvent('page', { predicate: isInstallTab, timeout: 10_000 }).catch(() => {
      throw new Error(`The background did not open ${url} on install.`);
    }));
  await tab.close();
}
