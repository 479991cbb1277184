import type { ComponentChildren, Ref } from 'preact';
import type { Finding, Fix } from '../../engine';
import { ANY, type Exercise, MAX_HINTS, NO_PROGRESS, type RuleProgress } from '../../exercises';
import { ruleName } from '../rule-names';
import { DraftEditor, type TextChange } from './DraftEditor';
import { FindingList } from './FindingList';
import '../level-colors';
import './practice.css';
import './exercises.css';

export interface ExercisePageProps {
  /** The tabs (free practice / exercises), shown under the title. */
  nav?: ComponentChildren;
  /** Rule ids with exercises, to pick from (besides "any"). */
  ruleIds: readonly string[];
  pick: string;
  /** Null while the exercises load, or when the pool is empty (`loaded`). */
  exercise: Exercise | null;
  loaded: boolean;
  draft: string;
  /** Null until the coach has run on this draft. */
  findings: readonly Finding[] | null;
  score: number | null;
  hints: number;
  shown: boolean;
  done: { score: number } | null;
  /** The progress of the exercise's rule (or the picked one). */
  progress: RuleProgress | undefined;
  draftRef: Ref<HTMLTextAreaElement>;
  onPick(pick: string): void;
  onDraft(change: TextChange): void;
  onApplyFix(fix: Fix): void;
  onHint(): void;
  onShow(): void;
  onNext(): void;
}

/** The flagged words of the rule's findings, or where the missing piece belongs. */
function flaggedWords(findings: readonly Finding[]): string[] {
  return findings.map((f) =>
    f.start === f.end || !f.actual
      ? `Something is missing${f.fixes[0] ? ` — for example: “${f.fixes[0].text.trim()}”` : ''}`
      : `“${f.actual}”`,
  );
}

function Hints({ ruleId, hints, findings }: { ruleId: string; hints: number; findings: readonly Finding[] | null }) {
  if (hints === 0) return null;
  const own = (findings ?? []).filter((f) => f.ruleId === ruleId);
  const first = own[0];
  return (
    <div class="exercise-hints">
      {first ? (
        <>
          <p class="exercise-hint" data-hint="1">
            <strong>{first.message}</strong> {first.why}
          </p>
          {hints >= 2 && (
            <p class="exercise-hint" data-hint="2">
              Flagged: {flaggedWords(own).join(', ')}
            </p>
          )}
        </>
      ) : (
        <p class="exercise-hint" data-hint="1">
          {findings === null
            ? 'The coach is still loading.'
            : `${ruleName(ruleId)} no longer flags your reply: fix what is left at error level.`}
        </p>
      )}
    </div>
  );
}

/**
 * Exercises: a customer's message and a flawed reply to rewrite, coached live, until the exercise's
 * rule no longer flags it. Hints and a good version on request cost points.
 */
export function ExercisePage(props: ExercisePageProps) {
  const { exercise, done } = props;
  const progress = props.progress ?? NO_PROGRESS;
  const blank = props.draft.trim() === '';
  const findings = blank ? [] : props.findings;
  const count = findings?.length ?? 0;
  const rule = exercise?.ruleId ?? (props.pick === ANY ? null : props.pick);
  const options = [...props.ruleIds].sort((a, b) => ruleName(a).localeCompare(ruleName(b)));
  return (
    <div class="practice">
      <header class="practice-header">
        <h1>Tactful practice</h1>
        <p class="lede">
          Rewrite a reply until the coach no longer flags it for the rule you are practising. Everything stays on this
          device.
        </p>
        {props.nav}
      </header>

      <main class="practice-main">
        <section class="panel compose exercise" aria-labelledby="exercise-heading">
          <div class="panel-head">
            <h2 id="exercise-heading">Exercise</h2>
            <div class="exercise-pick">
              <label for="exercise-rule">Rule</label>
              <select
                id="exercise-rule"
                class="plain-input"
                value={props.pick}
                onInput={(e) => props.onPick(e.currentTarget.value)}
              >
                <option value={ANY}>Any rule</option>
                {options.map((id) => (
                  <option key={id} value={id}>
                    {ruleName(id)}
                  </option>
                ))}
              </select>
            </div>
          </div>

          {!exercise ? (
            <p class="findings-empty">{props.loaded ? 'No exercises for this rule.' : 'Loading exercises…'}</p>
          ) : (
            <>
              <p class="exercise-task" data-exercise-id={exercise.id} data-rule-id={exercise.ruleId}>
                Rewrite the reply so that <strong class="exercise-rule-name">{ruleName(exercise.ruleId)}</strong> no
                longer flags it.{' '}
                <span class="exercise-channel">{exercise.channel === 'email' ? 'An email.' : 'A chat message.'}</span>
              </p>
              <div class="field">
                <span class="field-label" id="exercise-customer-label">
                  Customer's message
                </span>
                <blockquote class="exercise-customer" aria-labelledby="exercise-customer-label">
                  {exercise.customerMessage}
                </blockquote>
              </div>
              <div class="field">
                <label for="exercise-draft">Your rewrite</label>
                <DraftEditor
                  id="exercise-draft"
                  value={props.draft}
                  findings={findings ?? []}
                  textareaRef={props.draftRef}
                  onChange={props.onDraft}
                />
              </div>
              <div class="exercise-actions">
                <button
                  type="button"
                  class="quiet-button"
                  onClick={props.onHint}
                  disabled={props.hints >= MAX_HINTS || !!done || props.shown}
                >
                  {props.hints === 0 ? 'Hint' : 'Another hint'}
                </button>
                <button type="button" class="quiet-button" onClick={props.onShow} disabled={props.shown}>
                  Show a good version
                </button>
                <button type="button" class="fix-button exercise-next" onClick={props.onNext}>
                  Next exercise
                </button>
              </div>
              <div aria-live="polite">
                <Hints ruleId={exercise.ruleId} hints={props.hints} findings={findings} />
                {props.shown && (
                  <figure class="exercise-good">
                    <figcaption>A good version</figcaption>
                    <blockquote>{exercise.good}</blockquote>
                  </figure>
                )}
              </div>
              <p class={`exercise-status${done ? ' is-done' : ''}`} role="status">
                {done && (
                  <>
                    Done: <output class="exercise-score">{done.score}</output> points.{' '}
                  </>
                )}
              </p>
            </>
          )}
          {rule && (
            <p class="exercise-progress">
              {ruleName(rule)}: streak <output class="exercise-streak">{progress.streak}</output>, best{' '}
              <output class="exercise-best">{progress.bestStreak}</output> · {progress.completed} done
            </p>
          )}
        </section>

        <section class="panel coaching" aria-labelledby="coaching-heading">
          <h2 id="coaching-heading">Coaching</h2>
          {exercise && !blank && (
            <p class="score-summary">
              Tone score <output id="exercise-tone">{props.score ?? '–'}</output> / 100 ·{' '}
              {findings === null
                ? '…'
                : count === 0
                  ? 'No suggestions'
                  : count === 1
                    ? '1 suggestion'
                    : `${count} suggestions`}
            </p>
          )}
          <FindingList findings={exercise ? findings : []} draftEmpty={blank} onApplyFix={props.onApplyFix} />
        </section>
      </main>
    </div>
  );
}
