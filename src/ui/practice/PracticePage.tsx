import type { ComponentChildren, Ref } from 'preact';
import type { Channel, Finding, Fix, Report } from '../../engine';
import { DraftEditor, isImmediateInput, type TextChange } from './DraftEditor';
import { FindingList } from './FindingList';
import '../level-colors';
import './practice.css';

export interface PracticePageProps {
  /** The tabs (free practice / exercises), shown under the title. */
  nav?: ComponentChildren;
  customerMessage: string;
  customerName: string;
  draft: string;
  channel: Channel;
  /** Null until the coach has run once. */
  score: number | null;
  /** Findings placed on the current draft; null until the coach has run once. */
  findings: readonly Finding[] | null;
  /** Set when only part of the draft was checked in time. */
  incomplete?: Report['incomplete'];
  draftRef: Ref<HTMLTextAreaElement>;
  /** The example has just replaced the user's inputs, which can still be brought back. */
  canUndoExample?: boolean;
  onCustomerMessage(change: TextChange): void;
  onCustomerName(value: string): void;
  onDraft(change: TextChange): void;
  onChannel(channel: Channel): void;
  onApplyFix(fix: Fix): void;
  onRestoreExample(): void;
  onUndoExample(): void;
}

const CHANNELS: Array<{ value: Channel; label: string }> = [
  { value: 'email', label: 'Email' },
  { value: 'chat', label: 'Chat' },
];

function scoreBand(score: number): 'good' | 'fair' | 'poor' {
  return score >= 85 ? 'good' : score >= 60 ? 'fair' : 'poor';
}

/** Paste a customer's message and a draft reply; see what to change and why, fix in one click. */
export function PracticePage(props: PracticePageProps) {
  // A blank draft has nothing to coach: whatever the rules say about it (no greeting, no thanks)
  // is not shown, and neither is a score.
  const blank = props.draft.trim() === '';
  const findings = blank ? [] : props.findings;
  const score = blank ? null : props.score;
  const count = findings?.length ?? 0;
  return (
    <div class="practice">
      <header class="practice-header">
        <h1>Tactful practice</h1>
        <p class="lede">
          Paste a customer's message and write a reply. Tactful underlines what could read badly and suggests a better
          phrasing. Everything stays on this device.{' '}
          {/* The review page is an extension page of the same origin: a plain link reaches it. */}
          <a href="/review.html">Review what was flagged in your replies</a>.
        </p>
        {props.nav}
      </header>

      <main class="practice-main">
        <section class="panel compose" aria-labelledby="compose-heading">
          <div class="panel-head">
            <h2 id="compose-heading">Conversation</h2>
            <button type="button" class="quiet-button" onClick={props.onRestoreExample}>
              Restore example
            </button>
          </div>
          <p class="restore-status" role="status">
            {props.canUndoExample && (
              <>
                The example replaced your draft.{' '}
                <button type="button" class="link-button" onClick={props.onUndoExample}>
                  Undo
                </button>
              </>
            )}
          </p>

          <div class="field">
            <label for="customer-message">Customer's message</label>
            <textarea
              id="customer-message"
              class="plain-input"
              rows={5}
              value={props.customerMessage}
              placeholder="Paste what the customer wrote (optional: it tells the coach when an apology is due)"
              onInput={(e) =>
                props.onCustomerMessage({
                  value: e.currentTarget.value,
                  immediate: isImmediateInput((e as unknown as InputEvent).inputType),
                })
              }
            />
          </div>

          <div class="field-row">
            <div class="field">
              <label for="customer-name">Customer's first name</label>
              <input
                id="customer-name"
                class="plain-input"
                type="text"
                autocomplete="off"
                value={props.customerName}
                placeholder="Optional, for greetings"
                onInput={(e) => props.onCustomerName(e.currentTarget.value)}
              />
            </div>

            <fieldset class="channel">
              <legend>Channel</legend>
              <div class="segmented">
                {CHANNELS.map((c) => (
                  <label key={c.value} class="segment">
                    <input
                      type="radio"
                      name="channel"
                      value={c.value}
                      checked={props.channel === c.value}
                      onChange={() => props.onChannel(c.value)}
                    />
                    <span>{c.label}</span>
                  </label>
                ))}
              </div>
            </fieldset>
          </div>

          <div class="field">
            <label for="draft">Your reply</label>
            <p id="draft-hint" class="hint">
              Underlined words have a suggestion in the coaching list.
            </p>
            <DraftEditor
              id="draft"
              value={props.draft}
              findings={findings ?? []}
              describedBy="draft-hint"
              textareaRef={props.draftRef}
              onChange={props.onDraft}
            />
          </div>
        </section>

        <section class="panel coaching" aria-labelledby="coaching-heading">
          <h2 id="coaching-heading">Coaching</h2>
          {!blank && (
            <div class={`score score-${score === null ? 'none' : scoreBand(score)}`}>
              <span id="score-label" class="score-label">
                Tone score
              </span>
              <span class="score-value">
                <output id="score" aria-labelledby="score-label">
                  {score ?? '–'}
                </output>
                <span class="score-max"> / 100</span>
              </span>
              <meter
                min={0}
                max={100}
                low={60}
                high={85}
                optimum={100}
                value={score ?? 0}
                aria-labelledby="score-label"
              />
              {findings !== null && (
                <p class="score-summary">
                  {count === 0 ? 'No suggestions' : count === 1 ? '1 suggestion' : `${count} suggestions`}
                </p>
              )}
            </div>
          )}
          <FindingList
            findings={findings}
            draftEmpty={blank}
            incomplete={props.incomplete}
            onApplyFix={props.onApplyFix}
          />
        </section>
      </main>
    </div>
  );
}
