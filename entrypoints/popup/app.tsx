import { render } from 'preact';
import type { TabReport } from '../../src/messaging/protocol';
import { isDefaultSite, pausedUntil, siteSettings } from '../../src/settings/sites';
import { policyRuleSet, teamDocument } from '../../src/settings/team';
import { createPopupStore, isSiteEnabled, type PopupState, type PopupStore } from '../../src/state/popup';
import { useStore } from '../../src/state/use-store';
import { Popup } from '../../src/ui/popup/Popup';

export const PAUSE_MS = 60 * 60 * 1000;
/**
 * How often the popup asks the tab again while it is open. A content script that has just been
 * resumed or turned on needs a moment to lint its editor; it has no way to tell the popup.
 */
export const REFRESH_MS = 500;

/** What the popup needs from the browser, so that its wiring runs in tests too. */
export interface PopupDeps {
  /** The tab under the popup. Its host is null when the URL is hidden or not a web page. */
  activeTab(): Promise<{ tabId: number | null; host: string | null }>;
  /** The tab's content script's answer; null when there is none (site off, browser page). */
  tabReport(tabId: number): Promise<TabReport | null>;
  /** Asks for a host permission; must be the first thing a click does, while it still counts. */
  requestHostPermission(host: string): Promise<boolean>;
  setSiteEnabled(host: string, enabled: boolean): Promise<void>;
  openOptions(): void;
  openPractice(): void;
  /** Opens the review page (history and progress). */
  openReview?(): void;
  /** The browser's key for "next suggestion" (the background reads the extension's commands). */
  shortcut(): Promise<string | null>;
  now(): number;
}

/** Fills the store from storage and the tab, then keeps it current while the popup is open. */
export function connectPopup(store: PopupStore, deps: PopupDeps, refreshMs = REFRESH_MS): () => void {
  const tab = deps.activeTab();
  let started = 0;
  let applied = 0;
  const refresh = async () => {
    const mine = ++started;
    const [{ tabId, host }, sites, paused, team, policy] = await Promise.all([
      tab,
      siteSettings.getValue(),
      pausedUntil.getValue(),
      teamDocument.getValue(),
      policyRuleSet.getValue().catch(() => null),
    ]);
    const report = tabId === null ? null : await deps.tabReport(tabId).catch(() => null);
    // Answers can come back out of order: never let an older one overwrite a newer one.
    if (mine < applied) return;
    applied = mine;
    store.setState({
      ready: true,
      tabId,
      // Without the activeTab grant (popup opened by script) the URL is hidden; the content script knows its host.
      host: host ?? report?.host ?? null,
      sites,
      pausedUntil: paused,
      tabReport:
        report && report.editors > 0 && report.score !== null
          ? { score: report.score, findings: report.findings, partlyChecked: report.partlyChecked === true }
          : null,
      // Which document is set, not whether it checks: the options page says that, with where.
      ruleSource: policy ? 'policy' : team ? 'team' : 'pack',
      now: deps.now(),
    });
  };
  const unwatch = [
    siteSettings.watch(() => void refresh()),
    pausedUntil.watch(() => void refresh()),
    teamDocument.watch(() => void refresh()),
  ];
  const timer = setInterval(() => void refresh(), refreshMs);
  void refresh();
  void deps
    .shortcut()
    .then((shortcut) => store.setState({ shortcut }))
    .catch(() => {});
  return () => {
    clearInterval(timer);
    for (const stop of unwatch) stop();
  };
}

/** The intents the popup sends, turned into storage writes and browser calls; storage changes redraw it. */
export function popupIntents(store: PopupStore, deps: PopupDeps) {
  return {
    async toggleSite(on: boolean) {
      const { host } = store.getState();
      if (!host) return;
      // A site beyond the defaults needs its host permission, asked while the click counts.
      if (on && !isDefaultSite(host) && !(await deps.requestHostPermission(host))) return;
      // The background stores the switch; the popup redraws when storage says so.
      await deps.setSiteEnabled(host, on);
    },
    pause: () => pausedUntil.setValue(deps.now() + PAUSE_MS),
    resume: () => pausedUntil.setValue(null),
  };
}

function PopupApp({ store, deps }: { store: PopupStore; deps: PopupDeps }) {
  const state = useStore(store, (s: PopupState) => s);
  const intents = popupIntents(store, deps);
  // Nothing until the first read: a flash of "Off" before the settings arrive would be wrong.
  if (!state.ready) return null;
  return (
    <Popup
      host={state.host}
      siteEnabled={isSiteEnabled(state)}
      pausedUntil={state.pausedUntil}
      now={state.now}
      tabReport={state.tabReport}
      onToggleSite={(on) => void intents.toggleSite(on)}
      onPause={() => void intents.pause()}
      onResume={() => void intents.resume()}
      onOpenOptions={deps.openOptions}
      onOpenPractice={deps.openPractice}
      onOpenReview={deps.openReview}
      shortcut={state.shortcut}
      ruleSource={state.ruleSource}
    />
  );
}

/** Renders the popup into `container` and keeps it current; returns a function that stops it. */
export function mountPopup(container: Element, deps: PopupDeps, refreshMs = REFRESH_MS): () => void {
  const store = createPopupStore(deps.now());
  const disconnect = connectPopup(store, deps, refreshMs);
  render(<PopupApp store={store} deps={deps} />, container);
  return () => {
    disconnect();
    render(null, container);
  };
}
