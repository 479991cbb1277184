import { DEFAULT_MATCHES } from '../../src/host/sites';
import { EngineClient } from '../../src/messaging/engine-client';
import { ENGINE_PORT } from '../../src/messaging/engine-port';
import { onMessage, sendMessage } from '../../src/messaging/protocol';
import { disabledRules, pausedUntil, siteEnabled, siteSettings } from '../../src/settings/sites';
import { PageCoach } from './controller';
import { guard } from './guard';

/**
 * A service worker sleeps after ~30 s without events, and waking it costs the engine's start-up
 * again; while a coached page is in view, a ping this often keeps the one engine warm.
 */
const KEEP_WARM_MS = 20_000;

declare global {
  // Set in the content script's own world: a second injection (popup + registered script) is a no-op.
  var __tactfulStarted: boolean | undefined;
}

export default defineContentScript({
  // Sites coached by default (src/host/sites/); others are registered when the user turns them on.
  matches: [...DEFAULT_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    if (globalThis.__tactfulStarted) return;
    globalThis.__tactfulStarted = true;
    const host = location.hostname;
    let off = new Set(await disabledRules.getValue());
    // The engine lives in the background, one for every tab: this page only sends its drafts.
    const engine = new EngineClient(() => browser.runtime.connect({ name: ENGINE_PORT }));
    const coach = new PageCoach({
      host,
      engine,
      disabledRules: () => off,
      disableRule: (id) => void disabledRules.setValue([...new Set([...off, id])]),
      onReport: (summary) => void sendMessage('setBadge', summary).catch(() => {}),
    });

    let running = false;
    let resumeTimer: ReturnType<typeof setTimeout> | undefined;
    let warmTimer: ReturnType<typeof setInterval> | undefined;
    const keepWarm = () => {
      clearInterval(warmTimer);
      warmTimer = undefined;
      if (!running || document.visibilityState !== 'visible') return;
      // Opening a coached page starts the engine, so it is ready before the first keystroke.
      engine.ping();
      warmTimer = setInterval(() => engine.ping(), KEEP_WARM_MS);
    };
    document.addEventListener('visibilitychange', keepWarm);
    const update = async () => {
      const [sites, paused] = await Promise.all([siteSettings.getValue(), pausedUntil.getValue()]);
      const isPaused = paused !== null && paused > Date.now();
      const shouldRun = siteEnabled(host, sites) && !isPaused;
      clearTimeout(resumeTimer);
      if (isPaused) resumeTimer = setTimeout(() => void update(), paused! - Date.now() + 50);
      if (shouldRun && !running) guard(() => coach.start());
      if (!shouldRun && running) guard(() => coach.stop());
      running = shouldRun;
      keepWarm();
    };
    await update();

    // The key for "next suggestion" lives in the browser's shortcut settings, where it can change.
    const readShortcut = () =>
      sendMessage('getShortcut', undefined)
        .then((shortcut) => coach.store.setState({ shortcut }))
        .catch(() => {});
    void readShortcut();
    addEventListener('focus', () => void readShortcut());
    const stopCommands = onMessage('nextSuggestion', () => {
      if (running) guard(() => coach.nextFinding());
    });

    const unwatch = [
      siteSettings.watch(() => void update()),
      pausedUntil.watch(() => void update()),
      disabledRules.watch((v) => {
        off = new Set(v);
        coach.refresh();
      }),
    ];
    const stopReports = onMessage('getTabReport', () => {
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
      };
    });
    ctx.onInvalidated(() => {
      // WXT invalidates on a "content script started" event, which a page can dispatch too.
      // While the extension itself is alive, that is not a reason to stop coaching.
      if (browser.runtime?.id) return;
      for (const u of unwatch) u();
      stopReports();
      stopCommands();
      clearTimeout(resumeTimer);
      clearInterval(warmTimer);
      document.removeEventListener('visibilitychange', keepWarm);
      guard(() => coach.stop());
      engine.dispose();
      globalThis.__tactfulStarted = false;
    });
  },
});
