import { siteFor } from '../host/sites';
import { defineSetting, finite, isRecord, safeKey, stringList } from './stored';

/** Whether `host` is one of the sites coached without asking (Gmail, any Zendesk subdomain). */
export function isDefaultSite(host: string): boolean {
  return siteFor(host).byDefault;
}

/**
 * Per-site switch, keyed by host. A default site is on unless switched off; any other site is off
 * until the user turns it on from the popup (which also asks for its host permission).
 */
export const siteSettings = defineSetting<Record<string, boolean>>('local:sites', {
  fallback: {},
  version: 1,
  read: readSites,
});

/**
 * The switches as stored: only `host: boolean` pairs count (a stray value leaves that host at its
 * default). A list of host names (an older shape) means those hosts are on.
 */
export function readSites(stored: unknown): Record<string, boolean> | undefined {
  const sites: Record<string, boolean> = {};
  if (Array.isArray(stored)) {
    for (const host of stored) if (typeof host === 'string' && host !== '' && safeKey(host)) sites[host] = true;
    return sites;
  }
  if (!isRecord(stored)) return undefined;
  for (const [host, on] of Object.entries(stored)) if (typeof on === 'boolean' && safeKey(host)) sites[host] = on;
  return sites;
}

/** Coaching is paused everywhere until this time (ms since epoch), or null. */
export const pausedUntil = defineSetting<number | null>('local:pausedUntil', {
  fallback: null,
  version: 1,
  // Anything but a time (a string, NaN, an object) is "not paused": coaching never stops by accident.
  read: finite,
});

/** Rules the user turned off from a card ("Turn off this rule"), by rule id. */
export const disabledRules = defineSetting<string[]>('local:disabledRules', {
  fallback: [],
  version: 1,
  // Rule ids; an older `{ id: true }` map keeps the rules it turned off.
  read: stringList,
});

/** Whether Tactful coaches on `host`, given the stored switches. */
export function siteEnabled(host: string, sites: Record<string, boolean>): boolean {
  const stored = Object.hasOwn(sites, host) ? sites[host] : undefined;
  return typeof stored === 'boolean' ? stored : isDefaultSite(host);
}

/** The match pattern for a host, for permissions and dynamic content scripts. */
export const originPattern = (host: string) => `*://${host}/*`;
