import { useId, useRef } from 'preact/hooks';
import { FindingsPanel } from './FindingsPanel';
import { countByLevel, LEVEL_LABEL, LEVELS, plural, type CoachReport, type Position } from './types';

export interface BadgeProps {
  /** Null while the draft is being checked. */
  report: CoachReport | null;
  /** Whether the findings panel is shown. */
  open: boolean;
  /** Top-left corner of the badge in viewport pixels (`position: fixed`). */
  position: Position;
  /** Which side of the badge the panel opens on; the container knows where there is room. */
  panelPlacement?: 'above' | 'below';
  /** The finding whose card is open, marked in the panel. */
  activeIndex?: number | null;
  onToggle(): void;
  onSelectFinding(index: number): void;
}

/**
 * The badge's accessible name: "Tactful: 1 error, 2 warnings, tone score 84"; "Tactful: no issues,
 * tone score 100"; "Tactful: checking the draft" while loading. It holds every number the badge
 * shows, in the order shown, so a voice-control user can say what they see (WCAG 2.5.3).
 */
export function badgeLabel(report: CoachReport | null): string {
  if (report === null) return 'Tactful: checking the draft';
  const partly = report.incomplete ? ', draft only partly checked' : '';
  return `Tactful: ${levelBreakdown(report) || 'no issues'}, tone score ${report.score}${partly}`;
}

/** "1 error, 1 warning" (levels with findings only), or "" when there are none. */
function levelBreakdown(report: CoachReport): string {
  const counts = countByLevel(report.findings);
  return LEVELS.filter((l) => counts[l] > 0)
    .map((l) => plural(counts[l], LEVEL_LABEL[l].toLowerCase()))
    .join(', ');
}

/**
 * The small badge beside the active editor: a count per level (or a check mark) and the tone
 * score. It is a toggle button for the findings panel.
 */
export function Badge({
  report,
  open,
  position,
  panelPlacement = 'above',
  activeIndex = null,
  onToggle,
  onSelectFinding,
}: BadgeProps) {
  const panelId = `${useId()}-panel`;
  const button = useRef<HTMLButtonElement>(null);
  const counts = report ? countByLevel(report.findings) : null;
  const breakdown = report ? levelBreakdown(report) : '';

  const closePanel = () => {
    onToggle();
    button.current?.focus();
  };

  return (
    <div
      class={`tf-badge-wrap tf-panel-${panelPlacement}`}
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
    >
      <button
        ref={button}
        type="button"
        class={`tf-badge${report === null ? ' tf-badge-loading' : report.findings.length === 0 ? ' tf-badge-clean' : ''}`}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-busy={report === null ? true : undefined}
        title={breakdown || undefined}
        onClick={onToggle}
      >
        {/* The name, as text: the counts and score drawn below are pictures of it. */}
        <span class="tf-sr-only">{badgeLabel(report)}</span>
        {report === null || counts === null ? (
          <span class="tf-spinner" aria-hidden="true">
            <span />
            <span />
            <span />
          </span>
        ) : (
          <span class="tf-badge-body" aria-hidden="true">
            {report.findings.length === 0 ? (
              <span class="tf-check">✓</span>
            ) : (
              LEVELS.filter((l) => counts[l] > 0).map((l) => (
                <span key={l} class={`tf-count tf-level-${l}`} data-level={l}>
                  <span class="tf-dot" />
                  {counts[l]}
                </span>
              ))
            )}
            <span class="tf-score" data-score={report.score}>
              {report.score}
            </span>
          </span>
        )}
      </button>
      {open && (
        <FindingsPanel
          id={panelId}
          findings={report?.findings ?? null}
          incomplete={report?.incomplete}
          activeIndex={activeIndex}
          onSelectFinding={onSelectFinding}
          onClose={closePanel}
        />
      )}
    </div>
  );
}
