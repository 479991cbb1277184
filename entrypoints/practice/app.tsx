import { createRef, render } from 'preact';
import { useMemo } from 'preact/hooks';
import { disabledRules } from '../../src/settings/sites';
import { createPracticeStore, currentFindings, usePracticeStore, type PracticeStore } from '../../src/state/practice';
import { PracticePage } from '../../src/ui/practice/PracticePage';
import { applyFixToTextarea } from './apply-fix';
import { connectCoach, type Coach, type LinterFactory } from './coach';
import { EXAMPLE } from './example';
import { loadInputs, persistInputs } from './persist';

export interface PracticeOptions {
  /** The engine, loaded after the page has painted (compromise costs a few hundred ms). */
  engine: Promise<LinterFactory>;
  lintDelayMs?: number;
  saveDelayMs?: number;
  /** Calls `relint` whenever the rule set in force changes; returns how to stop listening. */
  onRuleSetChange?(relint: () => void): () => void;
}

function PracticeApp({ store, coach }: { store: PracticeStore; coach: Coach }) {
  const state = usePracticeStore(store, (s) => s);
  const { draft, report, linted } = state;
  const draftRef = useMemo(() => createRef<HTMLTextAreaElement>(), []);
  const findings = useMemo(() => (report ? currentFindings({ draft, report, linted }) : null), [draft, report, linted]);
  return (
    <PracticePage
      customerMessage={state.customerMessage}
      customerName={state.customerName}
      draft={draft}
      channel={state.channel}
      score={report?.score ?? null}
      findings={findings}
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
  const unwatch = disabledRules.watch((ids) => store.getState().setDisabledRules(ids));
  const stopSaving = persistInputs(store, options.saveDelayMs);
  const coach = connectCoach(store, options.engine, options.lintDelayMs);
  // A new rule set: a new linter, as for a rule turned off (the same list, a new identity).
  const stopRuleSet = options.onRuleSetChange?.(() =>
    store.getState().setDisabledRules([...store.getState().disabledRules]),
  );
  render(<PracticeApp store={store} coach={coach} />, container);
  return () => {
    stopRuleSet?.();
    unwatch();
    stopSaving();
    coach.stop();
    render(null, container);
  };
}
