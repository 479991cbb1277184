import type { Channel } from '../../engine';
import type { LabState, OptionsState } from '../../state/options';
import { PARTLY_CHECKED } from '../incomplete';
import { LEVEL_LABEL } from '../levels';
import { ruleName } from '../rule-names';

const FAILURE: Record<string, string> = {
  'not-flagged': 'no longer flagged',
  'wrong-span': 'flagged at another place',
  flagged: 'now flagged',
  'fix-differs': 'its fix gives other text',
  'fix-leaves-finding': 'its fix no longer removes the finding',
};

/** A customer message and a draft, coached by the set being edited (unsaved edits too). */
export function LivePanel({
  lab,
  examples,
  onLab,
  onRunExamples,
}: {
  lab: LabState;
  examples: OptionsState['examples'];
  onLab(change: Partial<Pick<LabState, 'customer' | 'draft' | 'channel'>>): void;
  onRunExamples(): void;
}) {
  return (
    <aside class="live-panel" aria-labelledby="live-heading">
      <h2 id="live-heading">Try it</h2>
      <p class="hint">Coached by the rules as you are editing them, saved or not.</p>
      <label class="field">
        <span>Customer’s message</span>
        <textarea rows={3} value={lab.customer} onInput={(e) => onLab({ customer: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>Draft reply</span>
        <textarea rows={5} value={lab.draft} onInput={(e) => onLab({ draft: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>Channel</span>
        <select value={lab.channel} onInput={(e) => onLab({ channel: e.currentTarget.value as Channel })}>
          <option value="email">Email</option>
          <option value="chat">Chat</option>
        </select>
      </label>
      <div aria-live="polite">
        {lab.findings !== null && lab.partlyChecked && <p class="live-partial">{PARTLY_CHECKED}</p>}
        {lab.findings === null ? (
          <p class="hint">Loading the coach…</p>
        ) : lab.findings.length === 0 ? (
          <p class="live-clean">Nothing to coach.</p>
        ) : (
          <ul class="live-findings">
            {lab.findings.map((f) => (
              <li key={`${f.ruleId}-${f.start}`} data-rule-id={f.ruleId}>
                <span class={`level level-${f.level}`}>{LEVEL_LABEL[f.level]}</span>{' '}
                <strong>{ruleName(f.ruleId)}</strong>
                {f.actual && <q>{f.actual}</q>} — {f.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" onClick={onRunExamples} disabled={examples === 'running'}>
        Run all examples
      </button>
      {examples && examples !== 'running' && (
        <div class="examples-run" role="status">
          {examples.failures.length === 0 ? (
            <p>All {examples.ran} examples pass.</p>
          ) : (
            <>
              <p>
                {examples.failures.length} of {examples.ran} examples fail:
              </p>
              <ul class="example-failures">
                {examples.failures.map((f, i) => (
                  <li key={`${f.ruleId}-${i}`} data-rule-id={f.ruleId}>
                    <strong>{ruleName(f.ruleId)}</strong>: “{f.text}” {FAILURE[f.kind]}
                    {f.expected !== undefined && <> (expected “{f.expected}”</>}
                    {f.actual !== undefined && (
                      <>
                        {f.expected !== undefined ? ', got' : ' (got'} “{f.actual}”
                      </>
                    )}
                    {(f.expected !== undefined || f.actual !== undefined) && ')'}
                  </li>
                ))}
              </ul>
            </>
          )}
          {examples.off.length > 0 && <p class="hint">Not run (rule off): {examples.off.map(ruleName).join(', ')}.</p>}
          {examples.without.length > 0 && (
            <p class="hint">No examples of their own: {examples.without.map(ruleName).join(', ')}.</p>
          )}
        </div>
      )}
    </aside>
  );
}
