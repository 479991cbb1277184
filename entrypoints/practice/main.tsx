import { createRef, render } from 'preact';
import { useMemo } from 'preact/hooks';
import { currentFindings, createPracticeStore, usePracticeStore } from '../../src/state/practice';
import { PracticePage } from '../../src/ui/practice/PracticePage';
import { applyFixToTextarea } from './apply-fix';
import { connectCoach } from './coach';
import { EXAMPLE } from './example';

const store = createPracticeStore(EXAMPLE);
const draftRef = createRef<HTMLTextAreaElement>();

// The engine (compromise) takes a few hundred ms to evaluate: load it after the page has painted.
const linter = Promise.all([import('../../src/engine'), import('../../src/ruleset/default-pack')]).then(
  ([engine, pack]) => engine.createLinter(pack.defaultRuleSet),
);
const coach = connectCoach(store, linter);

function Root() {
  const state = usePracticeStore(store, (s) => s);
  const { draft, report, linted } = state;
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
    />
  );
}

render(<Root />, document.getElementById('app')!);
