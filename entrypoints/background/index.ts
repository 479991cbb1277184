import { onMessage, sendMessage } from '../../src/messaging/protocol';
import { defaultRules, headsNamedBy } from '../../src/ruleset/default-rules';
import { isDefaultSite, originPattern, siteSettings } from '../../src/settings/sites';
import { fromExtensionPage, fromTab, isHostName } from './senders';

/** The built content script, as WXT names it. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
const scriptId = (host: string) => `tactful-site-${host}`;
const NEXT_SUGGESTION = 'next-suggestion';
const DEFAULT_NEXT_SUGGESTION_KEY = 'Alt+Shift+N';
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

  onMessage('setSiteEnabled', async ({ data, sender }) => {
    // Only Tactful's own pages (the popup) change where it runs, and only with a real host name.
    if (!fromExtensionPage(sender, browser.runtime.id, browser.runtime.getURL('/'))) return;
    const { host, enabled } = data ?? {};
    if (!isHostName(host) || typeof enabled !== 'boolean') return;
    const sites = await siteSettings.getValue();
    await siteSettings.setValue({ ...sites, [host]: enabled });
    if (isDefaultSite(host)) return; // the manifest's content script already runs there
    if (enabled) await registerSite(host);
    else await unregisterSite(host);
  });

  onMessage('setBadge', async ({ data, sender }) => {
    const tabId = fromTab(sender, browser.runtime.id);
    const { count, worst } = data ?? {};
    if (tabId === null || !Number.isInteger(count) || count < 0) return;
    if (worst !== null && !(typeof worst === 'string' && worst in BADGE_COLORS)) return;
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (worst) await browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLORS[worst] });
  });

  onMessage('openPage', async ({ data, sender }) => {
    if (sender.id !== browser.runtime.id || (data !== 'options' && data !== 'practice')) return;
    await browser.tabs.create({ url: browser.runtime.getURL(data === 'options' ? '/options.html' : '/practice.html') });
  });

  onMessage('getModels', async ({ sender }) => {
    if (sender.id !== browser.runtime.id) return [];
    return Promise.all(
      headsNamedBy(defaultRules).map((head) =>
        fetch(browser.runtime.getURL(`/models/${head}.json` as '/models/blame.json')).then((r) => r.json()),
      ),
    );
  });

  onMessage('getShortcut', async () => {
    const commands = await browser.commands.getAll();
    // Chromium leaves the suggested key unassigned for some installs (e.g. loaded unpacked from
    // the command line); the content script then answers the default key in the page itself.
    return commands.find((c) => c.name === NEXT_SUGGESTION)?.shortcut || DEFAULT_NEXT_SUGGESTION_KEY;
  });

  // The browser takes the key itself and tells us; the page's content script opens the card.
  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== NEXT_SUGGESTION || tab?.id === undefined) return;
    void sendMessage('nextSuggestion', undefined, tab.id).catch(() => {});
  });
});
