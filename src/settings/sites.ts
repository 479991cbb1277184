import { storage } from 'wxt/utils/storage';

/** Hosts coached without asking: the manifest's content script matches them. */
export const DEFAULT_SITES = ['mail.google.com', '*.zendesk.com'] as const;

/** Whether `host` is one of the default sites (Gmail, any Zendesk subdomain). */
export function isDefaultSite(host: string): boolean {
  return host === 'mail.google.com' || host === 'zendesk.com' || host.endsWith('.zendesk.com');
}

/**
 * Per-site switch, keyed by host. A default site is on unless switched off; any other site is off
 * until the user turns it on from the popup (which also asks for its host permission).
 */
export const siteSettings = storage.defineItem<Record<string, boolean>>('local:sites', {
  fallback: {},
  version: 1,
});

/** Coaching is paused everywhere until this time (ms since epoch), or null. */
export const pausedUntil = storage.defineItem<number | null>('local:pausedUntil', {
  fallback: null,
  version: 1,
});

/** Rules the user turned off from a card ("Turn off this rule"), by rule id. */
export const disabledRules = storage.defineItem<string[]>('local:disabledRules', {
  fallback: [],
  version: 1,
});

/** Whether Tactful coaches on `host`, given the stored switches. */
export function siteEnabled(host: string, sites: Record<string, boolean>): boolean {
  const stored = sites[host];
  return stored ?? isDefaultSite(host);
}

/** The match pattern for a host, for permissions and dynamic content scripts. */
export const originPattern = (host: string) => `*://${host}/*`;
