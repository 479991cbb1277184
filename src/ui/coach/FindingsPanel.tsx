import type { TargetedKeyboardEvent } from 'preact';
import type { Finding } from '../../engine';
import { PARTLY_CHECKED } from '../incomplete';
import { LEVEL_LABEL, type CoachReport } from './types';

export interface FindingsPanelProps {
  /** Null while the draft is being checked. */
  findings: readonly Finding[] | null;
  /** Set when only part of the draft was checked: said above the findings. */
  incomplete?: CoachReport['incomplete'];
  /** Lets the badge point `aria-controls` at the panel. */
  id?: string;
  /** The finding whose card is open, marked as current. */
  activeIndex?: number | null;
  onSelectFinding(index: number): void;
  /** Escape inside the panel. */
  onClose?(): void;
}

/**
 * Every finding of the draft, in the order given; each entry opens its card.
 * Arrow keys move between the entries; Escape asks to close the panel.
 */
export function FindingsPanel({
  findings,
  incomplete,
  id,
  activeIndex = null,
  onSelectFinding,
  onClose,
}: FindingsPanelProps) {
  const partly = findings !== null && incomplete ? PARTLY_CHECKED : null;
  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape' && onClose) {
      e.preventDefault();
      e.stopPropagation();
      onClose();
      return;
    }
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp' && e.key !== 'Home' && e.key !== 'End') return;
    const items = Array.from(e.currentTarget.querySelectorAll<HTMLButtonElement>('.tf-finding-button'));
    if (items.length === 0) return;
    const at = items.indexOf(e.target as HTMLButtonElement);
    const next =
      e.key === 'Home'
        ? 0
        : e.key === 'End'
          ? items.length - 1
          : e.key === 'ArrowDown'
            ? (at + 1) % items.length
            : (at - 1 + items.length) % items.length;
    e.preventDefault();
    e.stopPropagation();
    items[next]?.focus();
  };

  return (
    <div id={id} class="tf-panel" role="region" aria-label="Tactful suggestions" onKeyDown={onKeyDown}>
      {partly && <p class="tf-panel-partial">{partly}</p>}
      {findings === null ? (
        <p class="tf-panel-empty">Checking the draft…</p>
      ) : findings.length === 0 ? (
        <p class="tf-panel-empty">
          <span class="tf-check" aria-hidden="true">
            ✓
          </span>{' '}
          {partly ? 'Nothing to coach in the part checked' : 'Nothing to coach — nice reply'}
        </p>
      ) : (
        <ul class="tf-finding-list">
          {findings.map((f, i) => (
            <li
              key={`${f.ruleId}-${f.start}-${f.end}`}
              class={`tf-finding tf-level-${f.level}`}
              data-rule-id={f.ruleId}
            >
              <button
                type="button"
                class="tf-finding-button"
                aria-current={activeIndex === i ? 'true' : undefined}
                onClick={() => onSelectFinding(i)}
              >
                <span class="tf-dot" aria-hidden="true" />
                <span class="tf-finding-text">
                  <span class="tf-sr-only">{LEVEL_LABEL[f.level]}: </span>
                  <span class="tf-finding-message">{f.message}</span>
                  {f.actual.trim() !== '' && <q class="tf-finding-actual">{f.actual}</q>}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
