import { DEFAULT_MATCHES } from '../../src/host/sites';
import { onMessage, sendMessage } from '../../src/messaging/protocol';
import { pausedUntil, siteEnabled, siteSettings } from '../../src/settings/sites';

/**
 * A service worker sleeps after ~30 s without events, and waking it costs the engine's start-up
 * again; while a coached page is in view, a ping this often keeps the one engine warm.
 */
const KEEP_WARM_MS = 20_000;

/** Where a reply could be written: the coach itself decides which of these it coaches. */
const MAY_BE_EDITOR = 'textarea, [contenteditable]:not([contenteditable="false"])';

declare global {
  // Set in the content script's own world: a second injection (popup + registered script) is a
  // no-op. After an update the background injects the new version's loader into open tabs; it
  // runs in a world of its own, and its start tells WXT to invalidate the orphan, which stops.
  var __tactfulStarted: boolean | undefined;
}

/**
 * What every page of a coached site gets: a few KB that watch for the agent approaching an editor
 * (pointer over it, or focus in it) and then ask the background to inject the coach
 * (entrypoints/coach/), keep the one engine warm while the page is in view, and answer the popup
 * and the shortcut command. A page where nobody writes never evaluates the coach.
 */
export default defineContentScript({
  // Sites coached by default (src/host/sites/); others are registered when the user turns them on.
  matches: [...DEFAULT_MATCHES],
  runAt: 'document_idle',
  async main(ctx) {
    if (globalThis.__tactfulStarted) return;
    globalThis.__tactfulStarted = true;
    const host = location.hostname;
    const listening = new AbortController();
    let running = false;
    let loading = false;
    let warmTimer: ReturnType<typeof setInterval> | undefined;

    let stopped = false;
    /** Everything this loader listens to and every timer, gone in one call. */
    const stop = () => {
      if (stopped) return;
      stopped = true;
      listening.abort();
      clearInterval(warmTimer);
      clearInterval(resumeCheck);
      globalThis.__tactfulStarted = false;
      // With the extension gone, removing a storage or message listener throws too: each step
      // on its own, and nothing thrown into the page.
      for (const step of [...unwatch, stopReports, stopCommands, () => globalThis.__tactfulCoach?.dispose()]) {
        try {
          step();
        } catch {
          // Already gone with the extension.
        }
      }
    };
    /**
     * The extension was reloaded, updated or removed under this open page: its context is
     * invalidated and every call into it throws. Checked before each use, so the orphan stops
     * quietly instead of throwing into the page (WXT's own invalidation signal is not reliable
     * here: no new script arrives in an open tab to trigger it).
     */
    const orphaned = () => {
      if (browser.runtime?.id) return false;
      stop();
      return true;
    };

    const loadCoach = () => {
      if (orphaned() || loading || globalThis.__tactfulCoach) return;
      loading = true;
      sendMessage('loadCoach', undefined).catch(() => {
        loading = false;
      });
    };
    const nearEditor = (e: Event) => {
      if (!running || globalThis.__tactfulCoach) return;
      const target = e.composedPath()[0];
      if (target instanceof Element && target.closest(MAY_BE_EDITOR)) loadCoach();
    };
    for (const type of ['pointerover', 'focusin']) {
      document.addEventListener(type, nearEditor, { capture: true, passive: true, signal: listening.signal });
    }

    const keepWarm = () => {
      clearInterval(warmTimer);
      warmTimer = undefined;
      if (orphaned() || !running || document.visibilityState !== 'visible') return;
      // Opening a coached page starts the engine, so it is ready before the first keystroke.
      const ping = () => void (orphaned() ? undefined : sendMessage('wakeEngine', undefined).catch(() => {}));
      ping();
      warmTimer = setInterval(ping, KEEP_WARM_MS);
    };
    document.addEventListener('visibilitychange', keepWarm, { signal: listening.signal });

    const update = async () => {
      if (orphaned()) return;
      const read = await Promise.all([siteSettings.getValue(), pausedUntil.getValue()]).catch(() => null);
      if (read === null) return void orphaned();
      const [sites, paused] = read;
      running = siteEnabled(host, sites) && !(paused !== null && paused > Date.now());
      keepWarm();
      // An editor already focused when Tactful starts (turned on from the popup, a draft restored).
      if (running && document.activeElement?.closest(MAY_BE_EDITOR)) loadCoach();
    };
    const unwatch = [siteSettings.watch(() => void update()), pausedUntil.watch(() => void update())];
    // A pause ends by the clock, not by a storage change.
    const resumeCheck = setInterval(() => void update(), 60_000);

    const stopReports = onMessage(
      'getTabReport',
      () => globalThis.__tactfulCoach?.report() ?? { host, editors: 0, score: null, findings: [] },
    );
    const stopCommands = onMessage('nextSuggestion', () => globalThis.__tactfulCoach?.nextSuggestion());

    // WXT invalidates on a "content script started" event, which a page can dispatch too.
    // While the extension itself is alive, that is not a reason to stop coaching.
    ctx.onInvalidated(() => void orphaned());
    await update();
  },
});
