import { sendMessage } from '../../src/messaging/protocol';
import { originPattern } from '../../src/settings/sites';
import { mountPopup } from './app';

mountPopup(document.getElementById('app')!, {
  async activeTab() {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    const url = tab?.url ? new URL(tab.url) : null;
    return { tabId: tab?.id ?? null, host: url && /^https?:$/.test(url.protocol) ? url.hostname : null };
  },
  // No content script in the tab (site off, browser page): no answer.
  tabReport: (tabId) => sendMessage('getTabReport', undefined, tabId).catch(() => null),
  requestHostPermission: (host) => browser.permissions.request({ origins: [originPattern(host)] }),
  setSiteEnabled: (host, enabled) => sendMessage('setSiteEnabled', { host, enabled }),
  openOptions: () => void browser.runtime.openOptionsPage(),
  openPractice: () => void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') }),
  openReview: () => void browser.tabs.create({ url: browser.runtime.getURL('/review.html') }),
  shortcut: () => sendMessage('getShortcut', undefined),
  now: () => Date.now(),
});
