import { generic } from './generic';
import { gmail } from './gmail';
import { coversHost, matchPatternsOf, type Site } from './types';
import { zendesk } from './zendesk';

export type { ReadText, Site } from './types';
export { coversHost } from './types';

/**
 * Every site Tactful knows, in one list: the manifest's content script, the default-on switches,
 * text reading and the customer's context all come from here. The generic site covers the rest.
 */
export const SITES: readonly Site[] = [gmail, zendesk];

/** The site `host` belongs to (the generic one when none claims it). */
export function siteFor(host: string): Site {
  return SITES.find((s) => coversHost(s, host)) ?? generic;
}

/** Match patterns of the sites coached without asking: the manifest's content script runs there. */
export const DEFAULT_MATCHES: readonly string[] = SITES.filter((s) => s.byDefault).flatMap(matchPatternsOf);

/** What is not the agent's writing on any known site (quoted history, signatures). */
export const SITE_SKIP: readonly string[] = SITES.flatMap((s) => s.skip);
