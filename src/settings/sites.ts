import { storage } from 'wxt/utils/storage';
import { siteFor } from '../host/sites';

/** Whether `host` is one of the sites coached without asking (Gmail, any Zendesk subdomain). */
export function isDefaultSite(host: string): boolean {
  return siteFor(host).byDefault;
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
