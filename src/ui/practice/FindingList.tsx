import type { Finding, Fix, Report } from '../../engine';
import { PARTLY_CHECKED } from '../incomplete';
import { LEVEL_LABEL } from '../levels';
import { ruleName } from '../rule-names';

export interface FindingListProps {
  /** Null while the coach is loading. */
  findings: readonly Finding[] | null;
  /** Blank drafts get an invitation to write, never findings (a missing greeting in nothing). */
  draftEmpty: boolean;
  /** Set when only part of the draft was checked in time: said above the findings. */
  incomplete?: Report['incomplete'];
  onApplyFix(fix: Fix): void;
}

/** The findings with their reasons and one button per fix; a polite live region. */
export function FindingList({ findings, draftEmpty, incomplete, onApplyFix }: FindingListProps) {
  const partly = !draftEmpty && findings !== null && incomplete ? PARTLY_CHECKED : null;
  return (
    <div class="findings" aria-live="polite">
      {partly && <p class="findings-partial">{partly}</p>}
      {draftEmpty ? (
        <p class="findings-empty findings-invite">Write or paste a draft reply to get coached.</p>
      ) : findings === null ? (
        <p class="findings-empty">Loading the coach…</p>
      ) : findings.length === 0 ? (
        <p class="findings-empty findings-clean">
          {partly ? 'Nothing to coach in the part checked' : 'Nothing to coach — nice reply'}
        </p>
      ) : (
        <ul class="finding-list">
          {findings.map((f, i) => {
            const messageId = `finding-${i}-message`;
            return (
              <li key={`${f.ruleId}-${f.start}-${f.end}`} class={`finding level-${f.level}`} data-rule-id={f.ruleId}>
                <div class="finding-head">
                  <span class="finding-level">{LEVEL_LABEL[f.level]}</span>
                  <span class="finding-name">{ruleName(f.ruleId)}</span>
                </div>
                <p class="finding-message" id={messageId}>
                  {f.message}
                </p>
                {f.actual && <q class="finding-actual">{f.actual}</q>}
                <p class="finding-why">{f.why}</p>
                {f.fixes.length > 0 && (
                  <div class="finding-fixes">
                    {f.fixes.map((fix, j) => (
                      <button
                        key={j}
                        type="button"
                        class="fix-button"
                        aria-describedby={messageId}
                        data-fix-start={fix.start}
                        data-fix-end={fix.end}
                        data-fix-text={fix.text}
                        onClick={() => onApplyFix(fix)}
                      >
                        {fix.label}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
