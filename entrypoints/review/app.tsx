import { render } from 'preact';
import {
  clearHistory,
  DEFAULT_RETENTION,
  type HistoryDb,
  historyCsv,
  prune,
  queryHistory,
  replyScores,
} from '../../src/history';
import { CHART_WEEKS, WEEK_MS } from '../../src/review/progress';
import { defaultRulesWithExamples } from '../../src/ruleset/default-rules';
import { WHOLE_REPLY } from '../../src/ruleset/schema';
import { historySettings, type IgnoredPhrase, ignoredPhrases, phraseKey } from '../../src/settings/history';
import { createReviewStore, NO_FILTERS, type ReviewState, type ReviewStore, toQuery } from '../../src/state/review';
import { useStore } from '../../src/state/use-store';
import { ruleName } from '../../src/ui/rule-names';
import { type ReviewIntents, ReviewPage, type RuleInfo } from '../../src/ui/review/ReviewPage';

export const CSV_FILE = 'tactful-history.csv';

/** What the review page needs from the browser, so that its wiring runs in tests too. */
export interface ReviewDeps {
  /** The extension's history database (the page is an extension page: same origin as the background). */
  openHistory(): Promise<HistoryDb>;
  /** Offers `text` as a file to save. */
  download(fileName: string, text: string, type: string): void;
  now(): number;
}

/** The exercise for a rule on the practice page (`any` for any rule). */
export const practiceHref = (ruleId: string) => `/practice.html#exercise=${encodeURIComponent(ruleId)}`;

/** Name, why and a better phrasing (the first bad example with a fix of a span) of each rule of the pack. */
export function packRuleInfo(): Map<string, RuleInfo> {
  return new Map(
    defaultRulesWithExamples.map((r) => {
      const bad = r.examples?.bad.find((b) => b.flag !== WHOLE_REPLY && b.output[0]) ?? r.examples?.bad[0];
      const after = bad?.output[0];
      return [
        r.id,
        { name: ruleName(r.id), why: r.why, example: bad && after ? { before: bad.text, after } : undefined },
      ];
    }),
  );
}

/** Reads the history and settings into the store, and keeps them current while the page is open. */
export function connectReview(store: ReviewStore, deps: ReviewDeps, db: Promise<HistoryDb>) {
  // Every read bumps this; an answer that comes back after a newer read began is dropped.
  let latest = 0;
  const fail = (error: unknown) =>
    store.setState({ ready: true, error: `Tactful could not read your history (${String(error)}). Reload the page.` });
  const refresh = async () => {
    const mine = ++latest;
    try {
      const now = deps.now();
      const d = await db;
      const [all, shown, scores, settings, ignored] = await Promise.all([
        queryHistory(d),
        queryHistory(d, toQuery(store.getState().filters)),
        replyScores(d, now - CHART_WEEKS * WEEK_MS),
        historySettings.getValue(),
        ignoredPhrases.getValue(),
      ]);
      if (mine === latest) store.setState({ ready: true, all, shown, scores, settings, ignored, now, error: null });
    } catch (error) {
      if (mine === latest) fail(error);
    }
  };
  /** Only the filtered list (a filter changed): the rest is as it was. */
  const refilter = async () => {
    const mine = ++latest;
    try {
      const shown = await queryHistory(await db, toQuery(store.getState().filters));
      if (mine === latest) store.setState({ shown });
    } catch (error) {
      if (mine === latest) fail(error);
    }
  };
  // A newer extension version upgrading the database must not wait for this page: let go of it.
  void db.then((d) => d.addEventListener('versionchange', () => d.close())).catch(fail);
  const unwatch = [
    historySettings.watch((settings) => store.setState({ settings })),
    ignoredPhrases.watch((ignored) => store.setState({ ignored: ignored ?? [] })),
  ];
  // The coach writes while the agent works in another tab: read again when the page is looked at.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void refresh();
  };
  document.addEventListener('visibilitychange', onVisible);
  void refresh();
  return {
    refresh,
    refilter,
    stop() {
      for (const stop of unwatch) stop();
      document.removeEventListener('visibilitychange', onVisible);
    },
  };
}

/** The page's intents, turned into database and storage writes; the store is then read again. */
export function reviewIntents(
  store: ReviewStore,
  deps: ReviewDeps,
  db: Promise<HistoryDb>,
  { refresh, refilter }: { refresh(): Promise<void>; refilter(): Promise<void> },
): ReviewIntents {
  // A write that fails (storage, a database closed under the page) says so instead of going unseen.
  const run = (task: () => Promise<unknown>) =>
    void task().catch((error) =>
      store.setState({ error: `Tactful could not save that (${String(error)}). Reload the page and try again.` }),
    );
  return {
    setFilters(filters) {
      store.setState({ filters: { ...store.getState().filters, ...filters } });
      void refilter();
    },
    resetFilters() {
      store.setState({ filters: NO_FILTERS });
      void refilter();
    },
    setEnabled(enabled) {
      run(async () => historySettings.setValue({ ...(await historySettings.getValue()), enabled }));
    },
    setRetention(days) {
      run(async () => {
        await historySettings.setValue({ ...(await historySettings.getValue()), retentionDays: days });
        // Applied now, as the background does on its next write.
        await prune(await db, { ...DEFAULT_RETENTION, days }, deps.now());
        await refresh();
      });
    },
    clear() {
      run(async () => {
        await clearHistory(await db);
        await refresh();
      });
    },
    exportCsv() {
      deps.download(CSV_FILE, historyCsv(store.getState().shown), 'text/csv;charset=utf-8');
    },
    removeIgnored(phrase: IgnoredPhrase) {
      const key = phraseKey(phrase.ruleId, phrase.phrase);
      run(async () =>
        ignoredPhrases.setValue((await ignoredPhrases.getValue()).filter((p) => phraseKey(p.ruleId, p.phrase) !== key)),
      );
    },
  };
}

function ReviewApp({ store, intents }: { store: ReviewStore; intents: ReviewIntents }) {
  const state = useStore(store, (s: ReviewState) => s);
  // Nothing until the first read: an empty state that flashes before the history arrives would be wrong.
  if (!state.ready) return null;
  return <ReviewPage state={state} rule={ruleInfo} practiceHref={practiceHref} intents={intents} />;
}

const pack = packRuleInfo();
/** A rule of the pack, or a team's own rule by its id (no why or example here). */
const ruleInfo = (ruleId: string): RuleInfo => pack.get(ruleId) ?? { name: ruleName(ruleId) };

/** Renders the review page into `container` and keeps it current; returns a function that stops it. */
export function mountReview(container: Element, deps: ReviewDeps): { stop(): void; refresh(): Promise<void> } {
  const store = createReviewStore(deps.now());
  const db = deps.openHistory();
  const connection = connectReview(store, deps, db);
  const intents = reviewIntents(store, deps, db, connection);
  render(<ReviewApp store={store} intents={intents} />, container);
  return {
    refresh: connection.refresh,
    stop() {
      connection.stop();
      render(null, container);
      void db.then((d) => d.close()).catch(() => {});
    },
  };
}
