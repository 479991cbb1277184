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
  const server = await startFixtureServer();
  try {
    const { context, extensionId, close } = await launchChromium({
      extension,
      extraArgs: [`--host-resolver-rules=${hostResolverRules(server.port)}`, '--ignore-certificate-errors'],
    });
    return {
      context,
      extensionId,
      port: server.port,
      async open(url) {
        const page = await context.newPage();
        await page.goto(url);
        return page;
      },
      async close() {
        await close();
        await server.close();
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
