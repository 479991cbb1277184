import { type ComponentChildren, createRef, render } from 'preact';
import { useMemo } from 'preact/hooks';
import { disabledRules } from '../../src/settings/sites';
import type { Exercise } from '../../src/exercises';
import { useExerciseStore } from '../../src/state/exercises';
import { createPracticeStore, currentFindings, usePracticeStore, type PracticeStore } from '../../src/state/practice';
import { ExercisePage } from '../../src/ui/practice/ExercisePage';
import { PracticePage } from '../../src/ui/practice/PracticePage';
import { PracticeTabs } from '../../src/ui/practice/PracticeTabs';
import { applyFixToTextarea } from './apply-fix';
import { connectCoach, type Coach, type LinterFactory } from './coach';
import { EXAMPLE } from './example';
import { type Exercises, loadBuiltExercises, startExercises } from './exercises';
import { loadInputs, persistInputs } from './persist';

export interface PracticeOptions {
  /** The engine, loaded after the page has painted (compromise costs a few hundred ms). */
  engine: Promise<LinterFactory>;
  lintDelayMs?: number;
  saveDelayMs?: number;
  /** Calls `relint` whenever the rule set in force changes; returns how to stop listening. */
  onRuleSetChange?(relint: () => void): () => void;
  /** The exercises (default: rules/exercises.json, loaded when exercises are first shown). */
  loadExercises?(): Promise<readonly Exercise[]>;
}

function ExerciseApp({ exercises, nav }: { exercises: Exercises; nav: ComponentChildren }) {
  const state = useExerciseStore(exercises.store, (s) => s);
  const input = usePracticeStore(exercises.inputs, (s) => s);
  const { draft, report, linted } = input;
  const draftRef = useMemo(() => createRef<HTMLTextAreaElement>(), []);
  const findings = useMemo(() => (report ? currentFindings({ draft, report, linted }) : null), [draft, report, linted]);
  const rule = state.exercise?.ruleId ?? state.pick;
  return (
    <ExercisePage
      nav={nav}
      ruleIds={state.ruleIds}
      pick={state.pick}
      exercise={state.exercise}
      loaded={state.loaded}
      draft={draft}
      findings={findings}
      score={report?.score ?? null}
      hints={state.hints}
      shown={state.shown}
      done={state.done}
      progress={state.progress.rules[rule]}
      draftRef={draftRef}
      onPick={(pick) => void exercises.pick(pick)}
      onDraft={({ value, immediate }) => {
        input.setDraft(value);
        if (immediate) exercises.coach.lintNow();
      }}
      onApplyFix={(fix) => {
        if (!draftRef.current) return;
        applyFixToTextarea(draftRef.current, fix);
        exercises.coach.lintNow();
      }}
      onHint={exercises.hint}
      onShow={exercises.show}
      onNext={() => void exercises.next()}
    />
  );
}

function PracticeRoot({ store, coach, exercises }: { store: PracticeStore; coach: Coach; exercises: Exercises }) {
  const mode = useExerciseStore(exercises.store, (s) => s.mode);
  const nav = <PracticeTabs mode={mode} onMode={exercises.setMode} />;
  return mode === 'exercises' ? (
    <ExerciseApp exercises={exercises} nav={nav} />
  ) : (
    <PracticeApp store={store} coach={coach} nav={nav} />
  );
}

function PracticeApp({ store, coach, nav }: { store: PracticeStore; coach: Coach; nav: ComponentChildren }) {
  const state = usePracticeStore(store, (s) => s);
  const { draft, report, linted } = state;
  const draftRef = useMemo(() => createRef<HTMLTextAreaElement>(), []);
  const findings = useMemo(() => (report ? currentFindings({ draft, report, linted }) : null), [draft, report, linted]);
  return (
    <PracticePage
      nav={nav}
      customerMessage={state.customerMessage}
      customerName={state.customerName}
      draft={draft}
      channel={state.channel}
      score={report?.score ?? null}
      findings={findings}
      incomplete={report?.incomplete}
      draftRef={draftRef}
      canUndoExample={state.beforeExample !== null}
      onCustomerMessage={({ value, immediate }) => {
        state.setCustomerMessage(value);
        if (immediate) coach.lintNow();
      }}
      onCustomerName={state.setCustomerName}
      onDraft={({ value, immediate }) => {
        state.setDraft(value);
        if (immediate) coach.lintNow();
      }}
      onChannel={(channel) => {
        state.setChannel(channel);
        coach.lintNow();
      }}
      onApplyFix={(fix) => {
        if (!draftRef.current) return;
        applyFixToTextarea(draftRef.current, fix);
        coach.lintNow();
      }}
      onRestoreExample={() => {
        state.restoreExample(EXAMPLE);
        coach.lintNow();
      }}
      onUndoExample={() => {
        state.undoRestoreExample();
        coach.lintNow();
      }}
    />
  );
}

/**
 * The practice page: the last inputs (or the example), coached with the same rules as every
 * other page (rules turned off in options stay off here), saved as they are typed.
 * Returns a function that stops it.
 */
export async function startPractice(container: Element, options: PracticeOptions): Promise<() => void> {
  const [inputs, off] = await Promise.all([loadInputs(EXAMPLE), disabledRules.getValue()]);
  const store = createPracticeStore(inputs);
  store.getState().setDisabledRules(off);
  const exercises = await startExercises({
    load: options.loadExercises ?? loadBuiltExercises,
    engine: options.engine,
    lintDelayMs: options.lintDelayMs,
    disabledRules: off,
  });
  const unwatch = disabledRules.watch((ids) => {
    store.getState().setDisabledRules(ids);
    exercises.setDisabledRules(ids);
  });
  const stopSaving = persistInputs(store, options.saveDelayMs);
  const coach = connectCoach(store, options.engine, options.lintDelayMs);
  // A new rule set: a new linter, as for a rule turned off (the same list, a new identity).
  const stopRuleSet = options.onRuleSetChange?.(() => {
    store.getState().setDisabledRules([...store.getState().disabledRules]);
    exercises.setDisabledRules([...exercises.inputs.getState().disabledRules]);
  });
  render(<PracticeRoot store={store} coach={coach} exercises={exercises} />, container);
  return () => {
    stopRuleSet?.();
    exercises.stop();
    unwatch();
    stopSaving();
    coach.stop();
    render(null, container);
  };
}
