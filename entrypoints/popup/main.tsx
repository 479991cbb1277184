import { render } from 'preact';
import type { Finding } from '../../src/engine';
import { sendMessage, type TabReport } from '../../src/messaging/protocol';
import { isDefaultSite, originPattern, pausedUntil, siteEnabled, siteSettings } from '../../src/settings/sites';
import { Popup } from '../../src/ui/popup/Popup';

const HOUR_MS = 60 * 60 * 1000;
const app = document.getElementById('app')!;

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url ? new URL(tab.url) : null;
  const host = url && /^https?:$/.test(url.protocol) ? url.hostname : null;
  return { tabId: tab?.id, host };
}

async function tabReport(tabId: number | undefined): Promise<TabReport | null> {
  if (tabId === undefined) return null;
  // No content script in the tab (site off, browser page): no answer.
  return sendMessage('getTabReport', undefined, tabId).catch(() => null);
}

async function draw() {
  const { tabId, host } = await activeTab();
  const [sites, paused, report] = await Promise.all([
    siteSettings.getValue(),
    pausedUntil.getValue(),
    tabReport(tabId),
  ]);
  const enabled = host ? siteEnabled(host, sites) : false;
  render(
    <Popup
      host={host}
      siteEnabled={enabled}
      pausedUntil={paused}
      now={Date.now()}
      tabReport={
        report && report.editors > 0 && report.score !== null
          ? { score: report.score, findings: report.findings as Finding[] }
          : null
      }
      onToggleSite={async (on) => {
        if (!host) return;
        // A site beyond the defaults needs its host permission, asked while the click counts.
        if (on && !isDefaultSite(host)) {
          const granted = await browser.permissions.request({ origins: [originPattern(host)] });
          if (!granted) return;
        }
        await sendMessage('setSiteEnabled', { host, enabled: on });
        await draw();
      }}
      onPause={async () => {
        await pausedUntil.setValue(Date.now() + HOUR_MS);
        await draw();
      }}
      onResume={async () => {
        await pausedUntil.setValue(null);
        await draw();
      }}
      onOpenOptions={() => void browser.runtime.openOptionsPage()}
      onOpenPractice={() => void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') })}
    />,
    app,
  );
}

void draw();
