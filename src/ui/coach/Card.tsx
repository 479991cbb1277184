import type { TargetedKeyboardEvent } from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import type { Finding, Fix } from '../../engine';
import { ruleName } from '../rule-names';
import { LEVEL_LABEL, tabbables, type Position } from './types';

export interface CardProps {
  finding: Finding;
  /** Top-left corner in viewport pixels (`position: fixed`); the container keeps it on screen. */
  position: Position;
  /** Focus the card when it opens (keyboard users: Enter applies the first fix, Escape closes). */
  autoFocus?: boolean;
  onApplyFix(fix: Fix): void;
  /** Hide this one finding. */
  onDismiss(): void;
  /** Called only after the inline confirmation. */
  onDisableRule(ruleId: string): void;
  /** Never flag these words under this rule for this agent (listed on the review page). */
  onIgnorePhrase?(): void;
  onClose(): void;
  /** Other findings under the same spot (a phrase inside a sentence that lacks something). */
  moreHere?: number;
  onNextHere?(): void;
  /** The key for "next suggestion", as the browser has it; null when unset. */
  shortcut?: string | null;
}

/**
 * The suggestion card for one finding: what is wrong, why, and one button per fix.
 *
 * Keyboard: Tab moves through the buttons and wraps inside the card; Enter while the card
 * itself has focus applies the first fix; Escape cancels a pending "turn off" confirmation,
 * else closes the card. The keys it handles do not reach the host page's own shortcuts.
 */
export function Card({
  finding,
  position,
  autoFocus,
  onApplyFix,
  onDismiss,
  onDisableRule,
  onIgnorePhrase,
  onClose,
  moreHere = 0,
  onNextHere,
  shortcut,
}: CardProps) {
  const id = useId();
  const whyId = `${id}-why`;
  const confirmId = `${id}-confirm`;
  const root = useRef<HTMLDivElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  const disableButton = useRef<HTMLButtonElement>(null);
  const [whyOpen, setWhyOpen] = useState(true);
  // Keyed by the finding so a confirmation never carries over to another finding shown in this card.
  const key = `${finding.ruleId}:${finding.start}:${finding.end}`;
  const [confirmingKey, setConfirmingKey] = useState<string | null>(null);
  const confirming = confirmingKey === key;
  // Where focus goes after the confirmation row is swapped out, so it is not lost to <body>.
  const focusAfter = useRef<'cancel' | 'disable' | null>(null);

  useEffect(() => {
    if (autoFocus) root.current?.focus({ preventScroll: true });
  }, [autoFocus, key]);

  useEffect(() => {
    const target =
      focusAfter.current === 'cancel'
        ? cancelButton.current
        : focusAfter.current === 'disable'
          ? disableButton.current
          : null;
    focusAfter.current = null;
    target?.focus();
  }, [confirming]);

  const askConfirm = () => {
    // Focus the safe choice: a second Enter must not turn the rule off by accident.
    focusAfter.current = 'cancel';
    setConfirmingKey(key);
  };
  const cancelConfirm = () => {
    focusAfter.current = 'disable';
    setConfirmingKey(null);
  };

  const onKeyDown = (e: TargetedKeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      if (confirming) cancelConfirm();
      else onClose();
    } else if (e.key === 'Enter' && e.target === e.currentTarget) {
      const first = finding.fixes[0];
      if (first) {
        e.preventDefault();
        e.stopPropagation();
        onApplyFix(first);
      }
    } else if (e.key === 'Tab') {
      const items = tabbables(e.currentTarget);
      const first = items[0];
      const last = items[items.length - 1];
      if (!first || !last) return;
      const at = e.target as HTMLElement;
      if (e.shiftKey && (at === first || at === e.currentTarget)) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && at === last) {
        e.preventDefault();
        first.focus();
      }
    }
  };

  return (
    <div
      ref={root}
      class={`tf-card tf-level-${finding.level}`}
      role="dialog"
      aria-label={`Tactful suggestion: ${finding.message}`}
      aria-describedby={whyId}
      tabIndex={-1}
      style={{ left: `${position.left}px`, top: `${position.top}px` }}
      data-rule-id={finding.ruleId}
      onKeyDown={onKeyDown}
    >
      <div class="tf-card-head">
        <span class="tf-chip">{LEVEL_LABEL[finding.level]}</span>
        <span class="tf-rule" title={finding.ruleId}>
          {ruleName(finding.ruleId)}
        </span>
        {moreHere > 0 && onNextHere && (
          <button type="button" class="tf-button tf-quiet tf-more-here" onClick={onNextHere}>
            {moreHere} more here
          </button>
        )}
        <button type="button" class="tf-icon-button tf-close" aria-label="Close" title="Close (Esc)" onClick={onClose}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      <p class="tf-message">{finding.message}</p>

      {finding.actual.trim() !== '' && (
        <p class="tf-actual">
          <span class="tf-sr-only">Flagged text: </span>
          <q>{finding.actual}</q>
        </p>
      )}

      {finding.weighed && finding.weighed.length > 0 && (
        <p class="tf-weighed">Words that weighed most: {finding.weighed.map((w) => `“${w}”`).join(', ')}</p>
      )}

      <div class="tf-why">
        <button
          type="button"
          class="tf-why-toggle"
          aria-expanded={whyOpen}
          aria-controls={whyId}
          onClick={() => setWhyOpen(!whyOpen)}
        >
          <span class="tf-caret" aria-hidden="true">
            {whyOpen ? '▾' : '▸'}
          </span>
          Why
        </button>
        <p id={whyId} class="tf-why-text" hidden={!whyOpen}>
          {finding.why}
        </p>
      </div>

      {finding.fixes.length > 0 && (
        <div class="tf-fixes" role="group" aria-label="Suggested fixes">
          {finding.fixes.map((fix, i) => (
            <button
              key={i}
              type="button"
              class={i === 0 ? 'tf-button tf-primary tf-fix' : 'tf-button tf-fix'}
              onClick={() => onApplyFix(fix)}
            >
              {fix.label}
            </button>
          ))}
        </div>
      )}

      <div class="tf-card-actions">
        {confirming ? (
          <div class="tf-confirm" role="group" aria-labelledby={confirmId}>
            <span id={confirmId} class="tf-confirm-text">
              Turn off “{ruleName(finding.ruleId)}” everywhere?
            </span>
            <span class="tf-confirm-buttons">
              <button type="button" class="tf-button tf-danger" onClick={() => onDisableRule(finding.ruleId)}>
                Turn off
              </button>
              <button ref={cancelButton} type="button" class="tf-button" onClick={cancelConfirm}>
                Cancel
              </button>
            </span>
          </div>
        ) : (
          <>
            <button type="button" class="tf-button tf-quiet" onClick={onDismiss}>
              Dismiss
            </button>
            {onIgnorePhrase && finding.actual.trim() !== '' && (
              <button type="button" class="tf-button tf-quiet" onClick={onIgnorePhrase}>
                Never flag this for me
              </button>
            )}
            <button ref={disableButton} type="button" class="tf-button tf-quiet" onClick={askConfirm}>
              Turn off this rule
            </button>
          </>
        )}
      </div>
      {shortcut && (
        <p class="tf-hint">
          Next suggestion: <kbd>{shortcut}</kbd>
        </p>
      )}
    </div>
  );
}
