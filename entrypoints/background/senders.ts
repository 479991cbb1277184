import type { Browser } from 'wxt/browser';

type Sender = Browser.runtime.MessageSender;

/**
 * Who sent a message. Content scripts run inside pages whose own scripts are untrusted, so
 * anything that changes settings must come from one of Tactful's own pages.
 */

/** The message came from one of this extension's pages (popup, options), not a content script. */
export function fromExtensionPage(sender: Sender, extensionId: string, extensionOrigin: string): boolean {
  return sender.id === extensionId && typeof sender.url === 'string' && sender.url.startsWith(extensionOrigin);
}

/** The tab id of a content script of this extension, or null. */
export function fromTab(sender: Sender, extensionId: string): number | null {
  return sender.id === extensionId && typeof sender.tab?.id === 'number' ? sender.tab.id : null;
}

// A DNS host name (letters, digits, hyphens, dots; labels of 1-63), or an IPv4 address.
const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/i;

/** Whether `host` is a plain host name, never a pattern ("*", "<all_urls>") or a URL. */
export function isHostName(host: unknown): host is string {
  return typeof host === 'string' && HOST.test(host);
}
