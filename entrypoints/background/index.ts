import { createLinter } from '../../src/engine';
import { DEFAULT_RETENTION, historyRecorder, isHistoryEntry, isReplyScore } from '../../src/history';
import { ENGINE_PORT } from '../../src/messaging/engine-port';
import { EngineService } from '../../src/messaging/engine-service';
import { onMessage, sendMessage } from '../../src/messaging/protocol';
import { defaultRules, headsNamedBy } from '../../src/ruleset/default-rules';
import { ruleSetInForce } from '../../src/ruleset/in-force';
import { loadModels } from '../../src/ruleset/models';
import { historySettings } from '../../src/settings/history';
import { policyModels, policyRuleSet, readPolicyDocument, teamDocument } from '../../src/settings/team';
import { LEVEL_COLOR } from '../../src/ui/levels';
import { isDefaultSite, originPattern, siteSettings } from '../../src/settings/sites';
import { fromExtensionPage, fromTab, isHostName } from './senders';

/** More entries than an editor could show at once is not a batch from the coach. */
const MAX_HISTORY_BATCH = 500;
/** The built content script (the loader every page gets), as WXT names it. */
const CONTENT_SCRIPT = '/content-scripts/content.js';
/** The coach, injected by the loader's request when the agent first goes near an editor. */
const COACH_SCRIPT = '/coach.js';
const scriptId = (host: string) => `tactful-site-${host}`;
const NEXT_SUGGESTION = 'next-suggestion';
const DEFAULT_NEXT_SUGGESTION_KEY = 'Alt+Shift+N';

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
  await injectLoader([originPattern(host)]);
}

/**
 * Injects the loader into the open tabs at these match patterns. A tab that already has a live
 * loader keeps it (the loader checks); one whose loader was orphaned by an update gets a new one.
 */
async function injectLoader(matches: string[]) {
  if (matches.length === 0) return;
  const tabs = await browser.tabs.query({ url: matches }).catch(() => []);
  await Promise.all(
    tabs.map((tab) =>
      tab.id === undefined
        ? undefined
        : browser.scripting.executeScript({ target: { tabId: tab.id }, files: [CONTENT_SCRIPT] }).catch(() => {}),
    ),
  );
}

/**
 * After an install or an update, the open tabs of coached sites: Chromium injects content scripts
 * only into pages loaded from then on, so without this an agent's open Gmail would go uncoached
 * (and, after an update, keep an orphaned coach) until reloaded.
 */
async function injectIntoOpenTabs() {
  const manifestMatches = (browser.runtime.getManifest().content_scripts ?? []).flatMap((cs) => cs.matches ?? []);
  const registered = await browser.scripting.getRegisteredContentScripts().catch(() => []);
  await injectLoader([...new Set([...manifestMatches, ...registered.flatMap((cs) => cs.matches ?? [])])]);
}

async function unregisterSite(host: string) {
  await browser.scripting.unregisterContentScripts({ ids: [scriptId(host)] }).catch(() => {});
}

/** The learned heads the default rules name, read from the extension's own files. */
async function readModels(): Promise<unknown[]> {
  return Promise.all(
    headsNamedBy(defaultRules).map((head) =>
      fetch(browser.runtime.getURL(`/models/${head}.json` as '/models/blame.json')).then((r) => r.json()),
    ),
  );
}

/**
 * The engine for the rules in force: the organisation's policy set, else the team's document,
 * else the pack (src/ruleset/in-force.ts). A document that does not check is not used; it stays
 * stored as it was, and the options page shows why.
 */
async function loadEngine() {
  const [team, policy, packHeads] = await Promise.all([teamDocument.getValue(), readPolicyDocument(), readModels()]);
  const inForce = ruleSetInForce(defaultRules, team, policy);
  if (inForce.problem) console.warn('[Tactful] rule set not used:', inForce.problem);
  const teamHeads = Object.values(inForce.models);
  return createLinter({ rules: inForce.rules, models: loadModels([...packHeads, ...teamHeads]) });
}

export default defineBackground(() => {
  // The one engine of the browser, started as soon as the background starts (browser start, a
  // coached page opening its port, a wake-up): compromise and the heads load before anyone types.
  const engine = new EngineService(loadEngine);
  // A lead's change in the options page, or a new policy, reaches every open tab at once.
  teamDocument.watch(() => void engine.reload(loadEngine));
  policyRuleSet.watch(() => void engine.reload(loadEngine));
  policyModels.watch(() => void engine.reload(loadEngine));
  // A startup listener is what makes the browser start this worker with itself.
  browser.runtime.onStartup.addListener(() => {});
  // Readable from the worker's console (and the browser tests): how many tabs, lints, loads.
  (globalThis as { tactfulEngine?: EngineService }).tactfulEngine = engine;
  browser.runtime.onConnect.addListener((port) => {
    // Only our own content scripts and pages open this port.
    if (port.name !== ENGINE_PORT || port.sender?.id !== browser.runtime.id) return;
    const connection = engine.connection((response) => {
      try {
        port.postMessage(response);
      } catch {
        // The tab went away while the lint ran.
      }
    });
    port.onMessage.addListener((message) => connection.receive(message));
    port.onDisconnect.addListener(() => connection.close());
  });

  // First install: open the practice page so a new user sees Tactful coach a draft right away.
  browser.runtime.onInstalled.addListener((details) => {
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/practice.html') });
    if (details.reason === 'install' || details.reason === 'update') void injectIntoOpenTabs();
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
    if (worst !== null && !(typeof worst === 'string' && worst in LEVEL_COLOR)) return;
    await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
    if (worst)
      await browser.action.setBadgeBackgroundColor({
        tabId,
        color: LEVEL_COLOR[worst as keyof typeof LEVEL_COLOR].light,
      });
  });

  onMessage('loadCoach', async ({ sender }) => {
    const tabId = fromTab(sender, browser.runtime.id);
    if (tabId === null) return;
    // Into the frame that asked, in the content scripts' world (the loader's, which it shares).
    await browser.scripting.executeScript({
      target: { tabId, frameIds: [sender.frameId ?? 0] },
      files: [COACH_SCRIPT],
    });
  });

  // Any event keeps the worker (and the engine in it) alive; nothing else to do.
  onMessage('wakeEngine', () => {});

  // The trainee's history lives in the extension's own IndexedDB; only the coach in a tab writes.
  const history = historyRecorder();
  onMessage('recordHistory', async ({ data, sender }) => {
    if (fromTab(sender, browser.runtime.id) === null || !Array.isArray(data?.entries)) return;
    const settings = await historySettings.getValue();
    if (!settings.enabled) return;
    const entries = data.entries.filter(isHistoryEntry).slice(0, MAX_HISTORY_BATCH);
    const reply = isReplyScore(data.reply) ? data.reply : undefined;
    if (entries.length === 0 && !reply) return;
    await history.record(entries, { ...DEFAULT_RETENTION, days: settings.retentionDays }, Date.now(), reply);
  });

  onMessage('openPage', async ({ data, sender }) => {
    const pages = { options: '/options.html', practice: '/practice.html', review: '/review.html' } as const;
    if (sender.id !== browser.runtime.id || (data !== 'options' && data !== 'practice' && data !== 'review')) return;
    await browser.tabs.create({ url: browser.runtime.getURL(pages[data]) });
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
