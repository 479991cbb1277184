import type { BrowserContext, Page } from '@playwright/test';
import { launchChromium } from './browser';
import { FIXTURE_HOSTS, startFixtureServer } from './fixtures/server.mjs';

// Real Chromium with the built extension, where https://mail.google.com/…,
// https://acme.zendesk.com/… and https://www.example.test/… are the local fixture server.
//
// How: --host-resolver-rules maps each host name to 127.0.0.1 *and* the server's port (checked
// on Debian's Chromium 156: `MAP host 127.0.0.1:PORT` rewrites the port too, so page URLs carry
// no port and location.host is exactly the real host), and every other name fails to resolve so
// nothing leaves the machine. The server's certificate is self-signed, hence
// --ignore-certificate-errors (mail.google.com is HSTS-preloaded; the flag covers that as well).

export interface HostedBrowser {
  context: BrowserContext;
  extensionId: string;
  /** Port of the fixture server on 127.0.0.1 (page URLs do not need it). */
  port: number;
  /** A new tab at `url`, loaded. */
  open(url: string): Promise<Page>;
  /** Every URL requested so far by any page, frame or worker of the browser (the extension's too). */
  requests: string[];
  /**
   * Requests that would have left the machine (anything but the fixture server, the extension and
   * the browser's own `chrome://` pages), except a tab's own top-level navigations: those are what
   * a test types in the address bar (fixtures.test.ts proves other names do not resolve).
   * `close()` fails the session when there is any.
   */
  offsiteRequests(): string[];
  /** Closes the browser, its temporary profile and the fixture server. */
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Load the built extension (default true). False gives the bare pages, e.g. to compare. */
  extension?: boolean;
}

/**
 * Whether a request stays on the machine: the fixture server's pages under their host names, the
 * extension's own files, and in-memory URLs. Nothing the agent types may leave the browser, so
 * every browser session of the e2e suite ends by asserting that nothing else was asked for.
 */
export function isLocalRequest(url: string): boolean {
  const u = new URL(url);
  // chrome: is the browser's own UI (e.g. chrome://policy), served from inside the browser.
  if (['chrome-extension:', 'chrome:', 'data:', 'blob:', 'about:'].includes(u.protocol)) return true;
  return u.protocol === 'https:' && FIXTURE_HOSTS.includes(u.hostname) && u.port === '';
}

export function hostResolverRules(port: number): string {
  return [...FIXTURE_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
}

/** Starts the fixture server and Chromium (with the built extension) resolving the hosts to it. */
export async function launchWithHosts({ extension = true }: LaunchOptions = {}): Promise<HostedBrowser> {
  const server = await startFixtureServer();
  try {
    const { context, extensionId, close } = await launchChromium({
      extension,
      extraArgs: [`--host-resolver-rules=${hostResolverRules(server.port)}`, '--ignore-certificate-errors'],
    });
    // Pages, frames and (Chromium, Playwright ≥ 1.45) service workers all report here.
    const requests: string[] = [];
    const offsite: string[] = [];
    context.on('request', (request) => {
      const url = request.url();
      requests.push(url);
      // A tab's top-level navigation is the test's own doing; anything else is the extension's or a page's.
      let typedByTest = false;
      try {
        typedByTest = request.isNavigationRequest() && request.frame().parentFrame() === null;
      } catch {
        // A service worker's request has no frame: never the test's.
      }
      if (!isLocalRequest(url) && !typedByTest) offsite.push(url);
    });
    const offsiteRequests = () => [...offsite];
    return {
      context,
      extensionId,
      port: server.port,
      requests,
      offsiteRequests,
      async open(url) {
        const page = await context.newPage();
        await page.goto(url);
        return page;
      },
      async close() {
        await close();
        await server.close();
        if (offsite.length > 0) throw new Error(`Requests left the machine:\n${offsite.join('\n')}`);
      },
    };
  } catch (error) {
    await server.close();
    throw error;
  }
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
    typeof kind === 'string'
      ? kind === 'email' || kind === 'messaging'
        ? { channel: kind }
        : { customer: kind }
      : kind;
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
