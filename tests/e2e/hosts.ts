import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, EXTENSION_DIR } from './browser';
import { FIXTURE_HOSTS, startFixtureServer } from './fixtures/server.mjs';

// Real Chromium with the built extension, where https://mail.google.com/…,
// https://acme.zendesk.com/… and https://www.example.test/… are the local fixture server.
//
// How: --host-resolver-rules maps each host name to 127.0.0.1 *and* the server's port (checked
// on Debian's Chromium 156: `MAP host 127.0.0.1:PORT` rewrites the port too, so page URLs carry
// no port and location.host is exactly the real host), and every other name fails to resolve so
// nothing leaves the machine. The server's certificate is self-signed, hence
// --ignore-certificate-errors (mail.google.com is HSTS-preloaded; the flag covers that as well).
// browser.ts's launcher takes no extra arguments, so this one repeats its TOOLCHAIN flags.

export interface HostedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Port of the fixture server on 127.0.0.1 (page URLs do not need it). */
  port: number;
  /** A new tab at `url`, loaded. */
  open(url: string): Promise<Page>;
  /** Closes the browser, its temporary profile and the fixture server. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (default true). False gives the bare pages, e.g. to compare. */
  extension?: boolean;
}

export function hostResolverRules(port: number): string {
  return [...FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

/** Starts the fixture server and Chromium (with the built extension) resolving the hosts to it. */
export async function launchWithHosts({ extension = true }: LaunchOptions = {}): Promise<HostedBrowser> {
  if (extension && !existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const server = await startFixtureServer();
  const profile = await mkdtemp(join(tmpdir(), 'tactful-e2e-hosts-'));
  let context: BrowserContext | undefined;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      ...(extension ? { ignoreDefaultArgs: ['--disable-extensions'] } : {}),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        `--host-resolver-rules=${hostResolverRules(server.port)}`,
        '--ignore-certificate-errors',
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
      port: server.port,
      async open(url) {
        const page = await ctx.newPage();
        await page.goto(url);
        return page;
      },
      async close() {
        await ctx.close();
        await rm(profile, { recursive: true, force: true });
        await server.close();
      },
    };
  } catch (error) {
    await context?.close().catch(() => undefined);
    await rm(profile, { recursive: true, force: true });
    await server.close();
    throw error;
  }
}

/** The background opens practice.html on install (as in browser.ts): wait for it and close it. */
async function closeInstallTab(context: BrowserContext, extensionId: string): Promise<void> {
  const url = `chrome-extension://${extensionId}/practice.html`;
  const isInstallTab = (p: Page) => p.url() === url;
  const tab =
    context.pages().find(isInstallTab) ??
    (await context.waitForEvent('page', { predicate: isInstallTab, timeout: 10_000 }).catch(() => {
      throw new Error(`The background did not open ${url} on install.`);
    }));
  await tab.close();
}

// Page URLs under the real host names (no port: the resolver rules carry it).

/** The Gmail-like thread (#inbox/<thread id>, as Gmail's own URLs). */
export function gmailUrl(): string {
  return 'https://mail.google.com/mail/u/0/#inbox/FMfcgzQZTMxDpHtkqWnCRbLtjvbhXHzq';
}

export interface ZendeskOptions {
  channel?: 'email' | 'messaging';
  customer?: 'upset' | 'happy';
  /** Initial composer text (one paragraph per line). */
  draft?: string;
}

/**
 * The Zendesk-like ticket #4821. `kind` picks the channel (`'email'`, `'messaging'`) or the
 * customer's mood (`'upset'`, `'happy'`); the options object sets any of them.
 */
export function zendeskUrl(kind: 'email' | 'messaging' | 'upset' | 'happy' | ZendeskOptions = {}): string {
  const options: ZendeskOptions =
    typeof kind === 'string' ? (kind === 'email' || kind === 'messaging' ? { channel: kind } : { customer: kind }) : kind;
  const query = new URLSearchParams();
  query.set('channel', options.channel ?? 'email');
  query.set('customer', options.customer ?? 'upset');
  if (options.draft !== undefined) query.set('draft', options.draft);
  return `https://acme.zendesk.com/agent/tickets/4821?${query}`;
}

/**
 * The support form with a textarea and the fields to skip. On help.zendesk.com (default) Tactful
 * is on; on www.example.test it is off until the user turns it on.
 */
export function textareaUrl(host: 'help.zendesk.com' | 'www.example.test' = 'help.zendesk.com'): string {
  return `https://${host}/support/contact`;
}

/** The SPA whose editors come and go (starts on its inbox route), on a default-on site. */
export function dynamicUrl(host: 'help.zendesk.com' | 'www.example.test' = 'help.zendesk.com'): string {
  return `https://${host}/app/inbox`;
}
