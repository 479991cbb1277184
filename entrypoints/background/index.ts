import { onMessage } from '../src/messaging/protocol';
import { isDefaultSite, originPattern, siteSettings } from '../src/settings/sites';

/** The built content script, as WXT names it. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
const scriptId = (host: string) => `tactful-site-${host}`;
const BADGE_COLORS = { error: '#d93025', warning: '#e37400', info: '#1a73e8' } as const;

/** Runs Tactful on a site the user turned on (its host permission was granted in the popup). */
async function registerSite(host: string) {
  const id = scriptId(host);
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] });
  if (existing.length === 0) {
    await browser.scripting.registerContentScripts([
      { id, matches: [originPattern(host)], js: [CONTENT_SCRIPT], runAt: 'document_idle', persistAcrossSessions: true },
    ]);
  }
  // Tabs already open on the site get it now, without a reload.
  const tabs = await browser.tabs.query({ url: originPattern(host) });
  for (const tab of tabs) {
    if (tab.id !== undefined) {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] }).catch(() => {});
    }
  }
}

async function unregisterSite(host: string) {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(host)] }).catch(() => {});
}

export default defineBackground(() => {
  // First install: open the practice page so a new user sees Tactful coach a draft right away.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') });
  });

  onMessage('setSiteEnabled', async ({ data: { host, enabled } }) => {
    const sites = await siteSettings.getValue();
    await siteSettings.setValue({ ...sites, [host]: enabled });
    if (isDefaultSite(host)) return; // the manifest's content script already runs there
    if (enabled) await registerSite(host);
    else await unregisterSite(host);
  });

  onMessage('setBadge', async ({ data: { count, worst }, sender }) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return;
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (worst) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[worst] });
  });

  onMessage('openPage', async ({ data }) => {
    await browser.tabs.create({ url: browser.runtime.getURL(data === 'options' ? '/options.html' : '/practice.html') });
  });
});
