import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { HistoryEntry, Outcome } from '../../history/types';
import { groupByRule, type RuleGroup } from '../../review/progress';
import type { IgnoredPhrase } from '../../settings/history';
import { isFiltered, type ReviewFilters, type ReviewState } from '../../state/review';
import { LEVEL_LABEL } from '../levels';
import '../level-colors';
import { Progress } from './Progress';
import './review.css';

/** What the page says about a rule: its name, why it matters and a better phrasing from its examples. */
export interface RuleInfo {
  name: string;
  why?: string;
  example?: { before: string; after: string };
}

/** What the page asks for; the entry point turns these into database and storage writes. */
export interface ReviewIntents {
  setFilters(filters: Partial<ReviewFilters>): void;
  resetFilters(): void;
  setEnabled(enabled: boolean): void;
  setRetention(days: number): void;
  /** Already confirmed by the agent. */
  clear(): void;
  exportCsv(): void;
  removeIgnored(phrase: IgnoredPhrase): void;
}

export interface ReviewPageProps {
  state: Pick<ReviewState, 'all' | 'shown' | 'scores' | 'filters' | 'settings' | 'ignored' | 'now' | 'error'>;
  rule(ruleId: string): RuleInfo;
  /** Where "Practise this" goes for a rule (the practice page's exercise for it). */
  practiceHref(ruleId: string): string;
  intents: ReviewIntents;
}

export const OUTCOME_LABEL: Readonly<Record<Outcome, string>> = {
  fixed: 'Fixed',
  dismissed: 'Dismissed',
  left: 'Left as is',
};

/** Entries shown per rule before "Show all". */
export const GROUP_PAGE = 20;
export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 365;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function dateTime(epochMs: number): string {
  return new Date(epochMs).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** The review page: what was flagged, grouped by rule; progress; the never-flag list; history settings. */
export function ReviewPage({ state, rule, practiceHref, intents }: ReviewPageProps) {
  // Stable, so that typing in the search box does not redraw the charts.
  const ruleName = useCallback((id: string) => rule(id).name, [rule]);
  return (
    <div class="tactful-review">
      <header class="rv-header">
        <h1>Your Tactful review</h1>
        <p class="rv-muted">
          What Tactful flagged in your replies, why, and what to write instead. It stays in this browser.
        </p>
        <nav aria-label="Sections">
          <ul class="rv-nav">
            <li>
              <a href="#rv-findings">Findings</a>
            </li>
            <li>
              <a href="#rv-progress">Progress</a>
            </li>
            <li>
              <a href="#rv-ignored">Never flagged</a>
            </li>
            <li>
              <a href="#rv-settings">History settings</a>
            </li>
          </ul>
        </nav>
      </header>
      <main>
        {state.error && (
          <p class="rv-error" role="alert">
            {state.error}
          </p>
        )}
        <Findings state={state} rule={rule} practiceHref={practiceHref} intents={intents} />
        <section id="rv-progress" class="rv-section" aria-labelledby="rv-progress-heading">
          <h2 id="rv-progress-heading">Progress</h2>
          <Progress entries={state.all} scores={state.scores} now={state.now} ruleName={ruleName} />
        </section>
        <IgnoredList ignored={state.ignored} rule={rule} onRemove={intents.removeIgnored} />
        <Settings state={state} intents={intents} />
      </main>
    </div>
  );
}

function Findings({ state, rule, practiceHref, intents }: ReviewPageProps) {
  const groups = useMemo(() => groupByRule(state.shown), [state.shown]);
  const f = state.filters;
  // A rule or site chosen before its last entry went (cleared, expired) is still offered.
  const rules = useMemo(
    () =>
      [...new Set([...state.all.map((e) => e.ruleId), ...(f.ruleId ? [f.ruleId] : [])])]
        .map((id) => ({ id, name: rule(id).name }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    [state.all, rule, f.ruleId],
  );
  const sites = useMemo(
    () => [...new Set([...state.all.map((e) => e.site), ...(f.site ? [f.site] : [])])].sort(),
    [state.all, f.site],
  );
  const filtered = isFiltered(f);

  return (
    <section id="rv-findings" class="rv-section" aria-labelledby="rv-findings-heading">
      <h2 id="rv-findings-heading">Findings</h2>
      <form class="rv-filters" aria-label="Filter findings" onSubmit={(e) => e.preventDefault()}>
        <label>
          Rule
          <select value={f.ruleId} onInput={(e) => intents.setFilters({ ruleId: e.currentTarget.value })}>
            <option value="">All rules</option>
            {rules.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Site
          <select value={f.site} onInput={(e) => intents.setFilters({ site: e.currentTarget.value })}>
            <option value="">All sites</option>
            {sites.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            value={f.from}
            max={f.to || undefined}
            onChange={(e) => intents.setFilters({ from: e.currentTarget.value })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            value={f.to}
            min={f.from || undefined}
            onChange={(e) => intents.setFilters({ to: e.currentTarget.value })}
          />
        </label>
        <label class="rv-search">
          Search
          <input
            type="search"
            value={f.search}
            placeholder="Words in the sentence"
            onInput={(e) => intents.setFilters({ search: e.currentTarget.value })}
          />
        </label>
        {filtered && (
          <button type="button" class="rv-button" onClick={intents.resetFilters}>
            Reset filters
          </button>
        )}
      </form>

      <p class="rv-count" role="status">
        {state.all.length === 0
          ? 'No findings kept.'
          : `${plural(state.shown.length, 'finding')} in ${plural(groups.length, 'rule')}${
              filtered ? ` (of ${state.all.length})` : ''
            }.`}
      </p>

      {state.all.length === 0 ? (
        <div class="rv-empty">
          {state.settings.enabled ? (
            <p>
              Nothing flagged yet. Write a reply in Gmail, Zendesk or any site you turned Tactful on for: what it flags,
              and whether you fixed it, shows up here with the reason and a better phrasing. To try it now, open the{' '}
              <a href={practiceHref('any')}>practice page</a>.
            </p>
          ) : (
            <p>
              History is off, so nothing is kept. Turn on <a href="#rv-settings">Keep history</a> below to review what
              Tactful flags in your replies.
            </p>
          )}
        </div>
      ) : groups.length === 0 ? (
        <div class="rv-empty">
          <p>Nothing matches these filters. Choose another rule, site or dates, or search for other words.</p>
          <button type="button" class="rv-button" onClick={intents.resetFilters}>
            Reset filters
          </button>
        </div>
      ) : (
        groups.map((g) => <Group key={g.ruleId} group={g} info={rule(g.ruleId)} practiceHref={practiceHref} />)
      )}
    </section>
  );
}

function Group({
  group,
  info,
  practiceHref,
}: {
  group: RuleGroup<HistoryEntry>;
  info: RuleInfo;
  practiceHref(ruleId: string): string;
}) {
  const [all, setAll] = useState(false);
  const id = `rv-group-${group.ruleId}`;
  const n = group.entries.length;
  const entries = all ? group.entries : group.entries.slice(0, GROUP_PAGE);
  return (
    <section class="rv-group" data-rule-id={group.ruleId} aria-labelledby={id}>
      <header class="rv-group-header">
        <h3 id={id}>
          {info.name} <span class="rv-group-count">{plural(n, 'finding')}</span>
        </h3>
        <span class="rv-muted">
          {group.fixed} of {n} fixed
        </span>
        <a class="rv-button rv-practise" href={practiceHref(group.ruleId)}>
          Practise this<span class="rv-sr-only"> ({info.name})</span>
        </a>
      </header>
      {info.why && <p class="rv-why">{info.why}</p>}
      {info.example && (
        <p class="rv-better">
          <span class="rv-label">Better:</span> instead of <q>{info.example.before}</q>, write{' '}
          <q>{info.example.after}</q>
        </p>
      )}
      <ul class="rv-entries">
        {entries.map((e, i) => (
          <Entry key={e.id ?? `${e.at}-${i}`} entry={e} />
        ))}
      </ul>
      {n > entries.length && (
        <button type="button" class="rv-button" onClick={() => setAll(true)}>
          Show all {n}
        </button>
      )}
    </section>
  );
}

function Entry({ entry: e }: { entry: HistoryEntry }) {
  return (
    <li class={`rv-entry rv-level-${e.level}`} data-outcome={e.outcome}>
      <div class="rv-pair">
        <div class="rv-wrote">
          <span class="rv-label">You wrote</span>
          <Sentence entry={e} />
        </div>
        <div class="rv-instead">
          <span class="rv-label">Suggested</span>
          {e.suggestion ? (
            <p class="rv-suggestion">{e.suggestion}</p>
          ) : (
            <p class="rv-muted">No rewrite offered for this one.</p>
          )}
        </div>
      </div>
      <p class="rv-meta">
        <span class={`rv-outcome rv-outcome-${e.outcome}`}>{OUTCOME_LABEL[e.outcome]}</span>
        <span class="rv-level">{LEVEL_LABEL[e.level]}</span>
        <span class="rv-site">{e.site}</span>
        <time dateTime={new Date(e.at).toISOString()}>{dateTime(e.at)}</time>
      </p>
    </li>
  );
}

/** The sentence with the flagged words in a `<mark>`; a missing piece is marked where it belongs. */
export function Sentence({ entry: e }: { entry: Pick<HistoryEntry, 'sentence' | 'start' | 'end'> }) {
  if (e.sentence === '') return <p class="rv-sentence rv-muted">Something was missing from the reply here.</p>;
  const start = Math.min(e.start, e.sentence.length);
  const end = Math.max(start, Math.min(e.end, e.sentence.length));
  return (
    <p class="rv-sentence">
      {e.sentence.slice(0, start)}
      {end > start ? (
        <mark>{e.sentence.slice(start, end)}</mark>
      ) : (
        <mark class="rv-gap">
          <span aria-hidden="true">‸</span>
          <span class="rv-sr-only">(missing here)</span>
        </mark>
      )}
      {e.sentence.slice(end)}
    </p>
  );
}

function IgnoredList({
  ignored,
  rule,
  onRemove,
}: {
  ignored: readonly IgnoredPhrase[];
  rule(ruleId: string): RuleInfo;
  onRemove(p: IgnoredPhrase): void;
}) {
  return (
    <section id="rv-ignored" class="rv-section" aria-labelledby="rv-ignored-heading">
      <h2 id="rv-ignored-heading">Never flagged for you</h2>
      {ignored.length === 0 ? (
        <p class="rv-empty">
          No phrases here. When Tactful flags words you use on purpose, choose “Never flag this for me” on its card, and
          they are listed here, where you can bring them back.
        </p>
      ) : (
        <>
          <p class="rv-muted">Tactful does not flag these phrases for you. Remove one to be coached on it again.</p>
          <ul class="rv-ignored">
            {ignored.map((p) => (
              <li key={`${p.ruleId}-${p.phrase}`}>
                <q class="rv-phrase">{p.phrase}</q> <span class="rv-muted">{rule(p.ruleId).name}</span>
                <button
                  type="button"
                  class="rv-button"
                  aria-label={`Remove “${p.phrase}” (${rule(p.ruleId).name})`}
                  onClick={() => onRemove(p)}
                >
                  Remove
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Settings({ state, intents }: Pick<ReviewPageProps, 'state' | 'intents'>) {
  const [confirming, setConfirming] = useState(false);
  const [notice, setNotice] = useState('');
  const [days, setDays] = useState(String(state.settings.retentionDays));
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => setDays(String(state.settings.retentionDays)), [state.settings.retentionDays]);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
  }, [confirming]);
  const total = state.all.length;

  // Reads the field itself: a change can arrive before the last keystroke's render.
  const commitDays = (value: string) => {
    const n = Math.round(Number(value));
    if (!Number.isFinite(n) || value.trim() === '') return setDays(String(state.settings.retentionDays));
    const clamped = Math.min(MAX_RETENTION_DAYS, Math.max(MIN_RETENTION_DAYS, n));
    setDays(String(clamped));
    if (clamped !== state.settings.retentionDays) intents.setRetention(clamped);
  };

  return (
    <section id="rv-settings" class="rv-section" aria-labelledby="rv-settings-heading">
      <h2 id="rv-settings-heading">History settings</h2>
      <div class="rv-row">
        <span id="rv-enabled-label">Keep history</span>
        <button
          type="button"
          role="switch"
          class="rv-switch"
          aria-checked={state.settings.enabled}
          aria-labelledby="rv-enabled-label"
          aria-describedby="rv-enabled-note"
          onClick={() => intents.setEnabled(!state.settings.enabled)}
        >
          <span class="rv-switch-thumb" aria-hidden="true" />
        </button>
      </div>
      <p id="rv-enabled-note" class="rv-muted">
        {state.settings.enabled
          ? 'Tactful keeps each flagged sentence (never the whole reply), the rule, the site and what you did.'
          : 'Off: nothing new is kept. What is already here stays until it expires or you clear it.'}
      </p>
      <div class="rv-row">
        <label for="rv-retention">Keep findings for</label>
        <input
          id="rv-retention"
          type="number"
          inputMode="numeric"
          min={MIN_RETENTION_DAYS}
          max={MAX_RETENTION_DAYS}
          value={days}
          aria-describedby="rv-retention-note"
          onInput={(e) => setDays(e.currentTarget.value)}
          onChange={(e) => commitDays(e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && commitDays(e.currentTarget.value)}
        />
        <span>days</span>
      </div>
      <p id="rv-retention-note" class="rv-muted">
        Older findings are removed. From {MIN_RETENTION_DAYS} to {MAX_RETENTION_DAYS} days.
      </p>
      <div class="rv-row rv-actions">
        <button type="button" class="rv-button" disabled={state.shown.length === 0} onClick={intents.exportCsv}>
          Export CSV
        </button>
        <button
          type="button"
          class="rv-button rv-danger"
          disabled={total === 0 && state.scores.length === 0}
          aria-expanded={confirming}
          aria-controls="rv-clear-confirm"
          onClick={() => setConfirming(true)}
        >
          Clear history
        </button>
      </div>
      <p class="rv-muted">Export CSV saves the findings shown above (all of them when no filter is set).</p>
      {confirming && (
        <div id="rv-clear-confirm" class="rv-confirm" role="group" aria-labelledby="rv-clear-question">
          <p id="rv-clear-question" class="rv-confirm-question">
            Clear all {plural(total, 'finding')} and tone scores from this browser? This cannot be undone.
          </p>
          <button
            type="button"
            class="rv-button rv-danger"
            onClick={() => {
              setConfirming(false);
              setNotice('History cleared.');
              intents.clear();
            }}
          >
            Yes, clear history
          </button>
          <button ref={cancel} type="button" class="rv-button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </div>
      )}
      <p class="rv-notice" role="status">
        {notice}
      </p>
    </section>
  );
}
