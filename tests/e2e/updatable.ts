import { type Browser, type BrowserContext, type CDPSession, chromium } from '@playwright/test';
import { type ChildProcess, spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, closeInstallTab, EXTENSION_DIR } from './browser';
import { CHROMIUM_FLAGS } from './chromium-flags.mjs';
import { startFixtureServer } from './fixtures/server.mjs';
import { hostResolverRules, isLocalRequest } from './hosts';

// Chromium with the extension installed the way an update can follow: over the DevTools
// protocol (Extensions.loadUnpacked), not --load-extension. Loading the same folder again with a
// higher version is an update as the browser sees it: the old worker and every content script's
// extension context go away, runtime.onInstalled fires with reason "update", and open tabs are
// left with orphaned scripts (runtime.reload() cannot show this here: Chromium does not load a
// command-line extension again after it). Checked on Debian's Chromium 156.

export interface UpdatableBrowser {
  context: BrowserContext;
  /** Installs a copy of the built extension (its first install: the practice tab it opens is closed). */
  install(): Promise<string>;
  /** Installs it again with this version, as an update would. */
  update(version: string): Promise<void>;
  /** Closes everything; fails when a page, frame or worker asked for anything off the machine. */
  close(): Promise<void>;
}

/** Chromium without the extension yet, pages served by the fixture server under their real hosts. */
export async function launchUpdatable(): Promise<UpdatableBrowser> {
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'tactful-update-'));
  const extension = join(profile, 'extension');
  await cp(EXTENSION_DIR, extension, { recursive: true });
  let proc: ChildProcess | undefined;
  let browser: Browser | undefined;
  const offsite: string[] = [];
  const shutDown = async () => {
    await browser?.close().catch(() => undefined);
    if (proc && proc.exitCode === null && proc.signalCode === null) {
      const exited = new Promise((resolve) => proc!.once('exit', resolve));
      proc.kill();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await server.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const child = spawn(
      CHROMIUM,
      [
        '--headless',
        ...CHROMIUM_FLAGS,
        `--user-data-dir=${join(profile, 'user-data')}`,
        '--remote-debugging-port=0',
        '--enable-unsafe-extension-debugging',
        `--host-resolver-rules=${hostResolverRules(server.port)}`,
        '--ignore-certificate-errors',
        'about:blank',
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    proc = child;
    const endpoint = await new Promise<string>((resolve, reject) => {
      let seen = '';
      const timer = setTimeout(() => reject(new Error(`Chromium did not start:\n${seen}`)), 30_000);
      child.on('error', reject);
      child.stderr!.on('data', (chunk) => {
        seen += chunk;
        const m = /DevTools listening on (ws:\S+)/.exec(seen);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const b = await chromium.connectOverCDP(endpoint);
    browser = b;
    const cdp: CDPSession = await b.newBrowserCDPSession();
    const context = b.contexts()[0]!;
    context.on('request', (request) => {
      // A tab's top-level navigation is the test's own doing; anything else is the extension's or a page's.
      let typedByTest = false;
      try {
        typedByTest = request.isNavigationRequest() && request.frame().parentFrame() === null;
      } catch {
        // A service worker's request has no frame: never the test's.
      }
      if (!isLocalRequest(request.url()) && !typedByTest) offsite.push(request.url());
    });
    const load = async () => {
      const answer = await cdp.send('Extensions.loadUnpacked' as never, { path: extension } as never);
      return (answer as { id: string }).id;
    };
    return {
      context,
      async install() {
        const id = await load();
        await closeInstallTab(context, id);
        return id;
      },
      async update(version) {
        const manifestPath = join(extension, 'manifest.json');
        const manifest = JSON.parse(await readFile(manifestPath, 'utf8'));
        await writeFile(manifestPath, JSON.stringify({ ...manifest, version }));
        await load();
      },
      async close() {
        await shutDown();
        if (offsite.length > 0) throw new Error(`Requests left the machine:\n${offsite.join('\n')}`);
      },
    };
  } catch (error) {
    await shutDown();
    throw error;
  }
}
