import type { EditorKind, HostContext, WatchedEditor } from '../types';

/**
 * One site Tactful knows: where it runs, what in its editors is not the agent's writing, which
 * editor it uses and how to read the conversation a reply belongs to. Adding a site (Outlook on
 * the web, Front, Intercom) is one file like gmail.ts, one entry in `SITES`, one fixture page.
 */
export interface Site {
  /** Stable id, e.g. 'gmail'. */
  id: string;
  /** What a person calls it, e.g. 'Gmail'. */
  name: string;
  /**
   * Host names it covers: exact ('mail.google.com') or every subdomain ('*.zendesk.com', which
   * also covers the bare domain). Empty for the generic site, which covers the rest.
   */
  hosts: readonly string[];
  /** Coached without asking (the manifest's content script runs there); others are opt-in. */
  byDefault: boolean;
  /** CSS selectors of what is not the agent's own writing: quoted history, signatures. */
  skip: readonly string[];
  /** The editor kind of an editable root here, when the site knows better than the generic rules. */
  editorKind?(el: Element): EditorKind | null;
  /** What the page says about the conversation the editor replies in. */
  context(editor: WatchedEditor, doc: Document, read: ReadText): HostContext;
}

/** The agent's or customer's own words in an element: no quoted history or signature, trimmed. */
export type ReadText = (el: Element) => string;

/** Whether `host` is one of `site`'s hosts. */
export function coversHost(site: Site, host: string): boolean {
  const h = host.toLowerCase();
  return site.hosts.some((pattern) =>
    pattern.startsWith('*.') ? h === pattern.slice(2) || h.endsWith(pattern.slice(1)) : h === pattern,
  );
}

/** The manifest match patterns of a site's hosts. */
export const matchPatternsOf = (site: Site): string[] => site.hosts.map((h) => `*://${h}/*`);
