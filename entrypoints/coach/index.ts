import { guard } from '../../src/host/guard';
import { EngineClient } from '../../src/messaging/engine-client';
import { ENGINE_PORT } from '../../src/messaging/engine-port';
import { sendMessage } from '../../src/messaging/protocol';
import type { PageCoachHandle } from '../../src/messaging/page-coach';
import { ignoredPhrases, phraseKey } from '../../src/settings/history';
import { disabledRules, pausedUntil, siteEnabled, siteSettings } from '../../src/settings/sites';
import { PageCoach } from './controller';

declare global {
  // Set in the content script's world, which this script shares: the loader reaches the coach here.
  var __tactfulCoach: PageCoachHandle | undefined;
}

/**
 * The coach itself: injected by the background into a page's content-script world the first time
 * the agent goes near an editor (see entrypoints/content/index.ts, the loader every page gets).
 * Watches editors, asks the one engine for findings, paints underlines and the card, applies fixes.
 */
export default defineUnlistedScript(async () => {
  if (globalThis.__tactfulCoach) return;
  const host = location.hostname;
  // The engine lives in the background, one for every tab: this page only sends its drafts.
  const engine = new EngineClient(
    () => browser.runtime.connect({ name: ENGINE_PORT }),
    // A new rule set (options page, policy): the engine re-linted this page's drafts.
    (id, report, text) => coach.pushed(id, report, text),
  );
  let off = new Set<string>();
  let ignored = new Set<string>();
  /**
   * The extension was reloaded, updated or removed while this page stayed open: this script is an
   * orphan (its context is invalidated) and can no longer check what is typed. It goes quietly —
   * underlines, badge and listeners with it — rather than leave marks on a draft that changes.
   */
  const orphaned = () => {
    if (browser.runtime?.id) return false;
    globalThis.__tactfulCoach?.dispose();
    return true;
  };
  // A setting that cannot be written (storage full, the extension gone) leaves things as they
  // were; storage is the truth, so the rule or phrase simply stays as it is.
  const quietly = (write: Promise<unknown>) =>
    void write.catch((e) => {
      if (!orphaned()) console.debug('[Tactful] could not save', e);
    });
  const coach = new PageCoach({
    host,
    engine: {
      lint: (id, text, options) =>
        engine.lint(id, text, options).then((report) => (report === null && orphaned() ? null : report)),
      close: (id) => engine.close(id),
    },
    disabledRules: () => off,
    disableRule: (id) => quietly(disabledRules.setValue([...new Set([...off, id])])),
    ignoredPhrases: () => ignored,
    ignorePhrase: (ruleId, phrase) =>
      quietly(
        ignoredPhrases.getValue().then((list) => {
          if (list.some((p) => phraseKey(p.ruleId, p.phrase) === phraseKey(ruleId, phrase))) return;
          return ignoredPhrases.setValue([...list, { ruleId, phrase: phrase.trim(), at: Date.now() }]);
        }),
      ),
    // The background keeps it, in the extension's own IndexedDB (never this page's).
    record: (entries, reply) => void sendMessage('recordHistory', { entries, reply }).catch(() => {}),
    onReport: (summary) => void sendMessage('setBadge', summary).catch(() => {}),
  });

  let running = false;
  let resumeTimer: ReturnType<typeof setTimeout> | undefined;
  const update = async () => {
    if (orphaned()) return;
    const [sites, paused] = await Promise.all([siteSettings.getValue(), pausedUntil.getValue()]).catch(
      () => [null, null] as const,
    );
    if (sites === null) return; // storage unreadable (the extension went away meanwhile)
    const isPaused = paused !== null && paused > Date.now();
    const shouldRun = siteEnabled(host, sites) && !isPaused;
    clearTimeout(resumeTimer);
    if (isPaused) resumeTimer = setTimeout(() => void update(), paused! - Date.now() + 50);
    if (shouldRun && !running) guard(() => coach.start());
    if (!shouldRun && running) guard(() => coach.stop());
    running = shouldRun;
  };

  // The key for "next suggestion" lives in the browser's shortcut settings, where it can change.
  const readShortcut = () =>
    sendMessage('getShortcut', undefined)
      .then((shortcut) => coach.store.setState({ shortcut }))
      .catch(() => {});
  const onWindowFocus = () => void readShortcut();
  const unwatch = [
    siteSettings.watch(() => void update()),
    pausedUntil.watch(() => void update()),
    disabledRules.watch((v) => {
      off = new Set(v);
      coach.refresh();
    }),
    ignoredPhrases.watch((list) => {
      ignored = new Set(list.map((p) => phraseKey(p.ruleId, p.phrase)));
      coach.refresh();
    }),
  ];

  globalThis.__tactfulCoach = {
    report() {
      const { editors, report } = coach.summary();
      return {
        host,
        editors: running ? editors : 0,
        score: running ? (report?.score ?? null) : null,
        findings: running
          ? (report?.findings ?? []).map((f) => ({
              ruleId: f.ruleId,
              level: f.level,
              message: f.message,
              actual: f.actual,
            }))
          : [],
        ...(running && report?.incomplete ? { partlyChecked: true } : {}),
      };
    },
    nextSuggestion() {
      if (running) guard(() => void coach.nextFinding());
    },
    dispose() {
      if (globalThis.__tactfulCoach !== this) return;
      globalThis.__tactfulCoach = undefined;
      // Each step on its own: with the extension gone, removing a storage listener throws.
      for (const u of unwatch) guard(u);
      removeEventListener('focus', onWindowFocus);
      clearTimeout(resumeTimer);
      guard(() => coach.stop());
      guard(() => engine.dispose());
    },
  };

  const [offNow, ignoredNow] = await Promise.all([disabledRules.getValue(), ignoredPhrases.getValue()]).catch(
    () => [[], []] as const,
  );
  off = new Set(offNow);
  ignored = new Set(ignoredNow.map((p) => phraseKey(p.ruleId, p.phrase)));
  void readShortcut();
  addEventListener('focus', onWindowFocus);
  await update();
});
