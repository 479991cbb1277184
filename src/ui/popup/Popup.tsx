import type { PopupReport } from '../../state/popup';
import { PARTLY_CHECKED } from '../incomplete';
import { countByLevel, LEVEL_LABEL, LEVELS } from '../levels';
import '../level-colors';
import './popup.css';

export type { PopupReport };

export interface PopupProps {
  /** The active tab's host name; null when Tactful cannot run there (browser pages, files). */
  host: string | null;
  siteEnabled: boolean;
  /** Set by the team's managed policy: shown, not switchable. */
  siteLocked?: boolean;
  /** Epoch ms the pause ends at; null (or a time already past) when not paused. */
  pausedUntil: number | null;
  /** The editor being coached in this tab; null when there is none. */
  tabReport: PopupReport | null;
  /** Epoch ms, from the caller so that the component stays pure. */
  now: number;
  /** Turning a site on may need a host permission: the caller asks for it. */
  onToggleSite(enabled: boolean): void;
  onPause(): void;
  onResume(): void;
  onOpenOptions(): void;
  onOpenPractice(): void;
  /** The review page (history and progress); the link is shown when the caller can open it. */
  onOpenReview?(): void;
  /** The browser's key for "next suggestion" in the page, once known. */
  shortcut?: string | null;
  /** Whose rules coach (the options page is where a team lead changes them). */
  ruleSource?: 'pack' | 'team' | 'policy';
}

const RULE_SOURCE: Record<NonNullable<PopupProps['ruleSource']>, string> = {
  pack: "Tactful's rules",
  team: "your team's rules",
  policy: 'set by your organisation',
};

/** "14:05", in the local time zone. */
export function clockTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

function plural(n: number, one: string): string {
  return `${n} ${n === 1 ? one : `${one}s`}`;
}

function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

/** The toolbar popup: this tab's coaching, the switch for this site, pause, and the other pages. */
export function Popup(props: PopupProps) {
  const { host, siteEnabled, siteLocked = false, tabReport, now } = props;
  const paused = props.pausedUntil !== null && props.pausedUntil > now;

  return (
    <div class="tactful-popup">
      <header class="tp-header">
        <h1 class="tp-title">Tactful</h1>
        {paused ? (
          <span class="tp-status tp-status-paused">Paused</span>
        ) : host !== null && siteEnabled ? (
          <span class="tp-status tp-status-on">On</span>
        ) : (
          <span class="tp-status tp-status-off">Off</span>
        )}
      </header>

      <main class="tp-main">
        <section class="tp-section" aria-labelledby="tp-tab-heading">
          <h2 id="tp-tab-heading" class="tp-heading">
            This page
          </h2>
          {/* The tab's last report is stale once coaching stops: the reason replaces it. */}
          {paused ? (
            <p class="tp-empty">Coaching is paused: nothing on this page is checked.</p>
          ) : host !== null && !siteEnabled ? (
            <p class="tp-empty">Coaching is off on this site.</p>
          ) : tabReport === null ? (
            <p class="tp-empty">No editor being coached on this page</p>
          ) : (
            <TabReport report={tabReport} />
          )}
        </section>

        <section class="tp-section" aria-labelledby="tp-site-heading">
          <h2 id="tp-site-heading" class="tp-heading">
            Coaching
            {/* On the heading's line: the popup must not grow taller than the room Chrome gives it. */}
            <span class="tp-rule-source" data-source={props.ruleSource ?? 'pack'}>
              {' · '}
              {RULE_SOURCE[props.ruleSource ?? 'pack']}
            </span>
          </h2>
          {host === null ? (
            <p class="tp-empty">Tactful can't coach on this page.</p>
          ) : (
            <div class="tp-row">
              <span id="tp-site-label" class="tp-site-label">
                Coach on{' '}
                <strong class="tp-host" title={host}>
                  {host}
                </strong>
              </span>
              <button
                type="button"
                role="switch"
                class="tp-switch"
                aria-checked={siteEnabled}
                aria-labelledby="tp-site-label"
                aria-describedby={siteLocked ? 'tp-site-locked' : undefined}
                disabled={siteLocked}
                onClick={() => props.onToggleSite(!siteEnabled)}
              >
                <span class="tp-switch-thumb" aria-hidden="true" />
              </button>
            </div>
          )}
          {host !== null && siteLocked && (
            <p id="tp-site-locked" class="tp-note">
              Set by your organisation.
            </p>
          )}

          <div class="tp-row tp-pause" aria-live="polite">
            {paused ? (
              <>
                <span class="tp-paused-label">Paused until {clockTime(props.pausedUntil!)}</span>
                <button type="button" class="tp-button" onClick={props.onResume}>
                  Resume
                </button>
              </>
            ) : (
              <button type="button" class="tp-button" onClick={props.onPause}>
                Pause for an hour
              </button>
            )}
          </div>
        </section>
      </main>

      <footer class="tp-footer">
        <button type="button" class="tp-link" onClick={props.onOpenOptions}>
          Options
        </button>
        <button type="button" class="tp-link" onClick={props.onOpenPractice}>
          Practice page
        </button>
        {props.onOpenReview && (
          <button type="button" class="tp-link" onClick={props.onOpenReview}>
            Review
          </button>
        )}
        {props.shortcut && (
          <span class="tp-shortcut" title="Next suggestion in the page; change it in the browser's keyboard shortcuts">
            {/* Only the key is shown: the footer holds three links and this on one line. */}
            <span class="tp-sr-only">Next suggestion: </span>
            <kbd>{props.shortcut}</kbd>
          </span>
        )}
      </footer>
    </div>
  );
}

function TabReport({ report }: { report: PopupReport }) {
  const counts = countByLevel(report.findings);
  const n = report.findings.length;
  return (
    <div class="tp-report">
      <div class={`tp-score tp-score-${scoreBand(report.score)}`}>
        <span id="tp-score-label" class="tp-score-label">
          Tone score
        </span>
        <output class="tp-score-value" aria-labelledby="tp-score-label">
          {report.score}
        </output>
        <span class="tp-counts">
          {n === 0
            ? 'Nothing to coach'
            : `${plural(n, 'suggestion')} (${LEVELS.filter((l) => counts[l] > 0)
                .map((l) => plural(counts[l], LEVEL_LABEL[l].toLowerCase()))
                .join(', ')})`}
        </span>
      </div>
      {report.partlyChecked && <p class="tp-partial">{PARTLY_CHECKED}</p>}
      {n > 0 && (
        <ul class="tp-findings">
          {report.findings.map((f, i) => (
            <li
              // Findings come without offsets (the tab keeps those); order is stable between reports.
              key={`${i}-${f.ruleId}`}
              class={`tp-finding tp-level-${f.level}`}
              data-rule-id={f.ruleId}
            >
              <span class="tp-dot" aria-hidden="true" />
              <span class="tp-finding-text">
                <span class="tp-sr-only">{LEVEL_LABEL[f.level]}: </span>
                <span class="tp-finding-message">{f.message}</span>
                {f.actual.trim() !== '' && <q class="tp-finding-actual">{f.actual}</q>}
              </span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
