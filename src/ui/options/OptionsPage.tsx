import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import type { Rule } from '../../engine';
import type { TeamEdit } from '../../ruleset/edit';
import type { RuleWithExamples } from '../../ruleset/schema';
import type { DocumentFormat } from '../../ruleset/transfer';
import type { LabState, OptionsState } from '../../state/options';
import { CATEGORIES, categoryOf } from './categories';
import { CustomRuleForm } from './CustomRuleForm';
import { ImportPreview } from './ImportPreview';
import { LivePanel } from './LivePanel';
import { RuleCard } from './RuleCard';
import { RuleToggles } from './RuleToggles';

/** What the options page asks for; the entry point turns each into storage writes. */
export interface OptionsIntents {
  toggleAgentRule(id: string, on: boolean): void;
  edit(edit: TeamEdit): void;
  setDraft(text: string): void;
  saveDraft(): void;
  discardDraft(): void;
  undo(): void;
  reset(): void;
  importFile(fileName: string, text: string): void;
  confirmImport(): void;
  cancelImport(): void;
  exportAs(format: DocumentFormat): void;
  addCustom(rule: RuleWithExamples): Promise<string | null>;
  setLab(change: Partial<Pick<LabState, 'customer' | 'draft' | 'channel'>>): void;
  runExamples(): void;
}

/** "Set by your organisation": the words the popup uses for a locked site, here for the rule set. */
export const LOCKED = 'Set by your organisation';

function ProblemLine({ problem }: { problem: NonNullable<OptionsState['problem']> }) {
  return (
    <p class="problem" role="alert" data-line={problem.line ?? ''} data-field={problem.field}>
      <strong>Line {problem.line ?? '?'}</strong>
      {problem.field && (
        <>
          , <code>{problem.field}</code>
        </>
      )}
      : {problem.message}. Nothing is saved until this is fixed.
    </p>
  );
}

export function OptionsPage({
  state,
  packRules,
  intents,
  teach,
}: {
  state: OptionsState;
  /** The built-in rules, for the agent's own switches. */
  packRules: readonly Rule[];
  intents: OptionsIntents;
  /** Teach by example (TeachByExample), mounted by the page with its worker client. */
  teach?: ComponentChildren;
}) {
  const [view, setView] = useState<'rules' | 'text'>('rules');
  const [confirmReset, setConfirmReset] = useState(false);
  const [adding, setAdding] = useState(false);
  const ro = state.locked;
  const invalid = state.problem !== null;
  const dirty = state.draft !== (state.savedText ?? '');
  return (
    <div class="options-layout">
      <main class="editor">
        <RuleToggles rules={packRules} disabled={new Set(state.agentOff)} onToggle={intents.toggleAgentRule} />

        <section class="team" aria-labelledby="team-heading">
          <h2 id="team-heading">Team rule set</h2>
          {state.locked ? (
            <p class="locked" role="status">
              🔒 {LOCKED}. These rules come from your organisation’s policy and cannot be changed here.
            </p>
          ) : (
            <p class="hint">
              {state.source === 'team'
                ? 'Your team’s set is in force in every tab.'
                : 'The built-in rules are in force. Changes here apply to every open tab at once.'}
            </p>
          )}
          {state.inForceProblem && <p class="problem">{state.inForceProblem}</p>}

          <div class="toolbar" role="toolbar" aria-label="Rule set">
            <button type="button" disabled={ro || !state.canUndo} onClick={intents.undo}>
              Undo last change
            </button>
            {confirmReset ? (
              <span class="confirm" role="group" aria-label="Confirm reset">
                Remove all of the team’s changes?{' '}
                <button
                  type="button"
                  onClick={() => {
                    setConfirmReset(false);
                    intents.reset();
                  }}
                >
                  Yes, reset to defaults
                </button>
                <button type="button" onClick={() => setConfirmReset(false)}>
                  Keep them
                </button>
              </span>
            ) : (
              <button type="button" disabled={ro || state.savedText === null} onClick={() => setConfirmReset(true)}>
                Reset to defaults…
              </button>
            )}
            <label class={ro ? 'file disabled' : 'file'}>
              Import…
              <input
                type="file"
                accept=".yml,.yaml,.json,application/json,text/yaml"
                disabled={ro}
                aria-label="Import a rule set file"
                onChange={async (e) => {
                  const input = e.currentTarget;
                  const file = input.files?.[0];
                  if (!file) return;
                  intents.importFile(file.name, await file.text());
                  input.value = '';
                }}
              />
            </label>
            <button type="button" onClick={() => intents.exportAs('yaml')}>
              Export YAML
            </button>
            <button type="button" onClick={() => intents.exportAs('json')}>
              Export JSON
            </button>
          </div>
          {state.notice && (
            <p class="notice" role="status">
              {state.notice}
            </p>
          )}
          {state.pendingImport && (
            <ImportPreview
              pending={state.pendingImport}
              onConfirm={intents.confirmImport}
              onCancel={intents.cancelImport}
            />
          )}

          <div class="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={view === 'rules'} onClick={() => setView('rules')}>
              Rules
            </button>
            <button type="button" role="tab" aria-selected={view === 'text'} onClick={() => setView('text')}>
              Edit as text
            </button>
          </div>

          {view === 'text' ? (
            <div class="text-view">
              <textarea
                class="document"
                aria-label="Team rule set document"
                spellcheck={false}
                rows={24}
                readOnly={ro}
                value={state.draft}
                onInput={(e) => intents.setDraft(e.currentTarget.value)}
              />
              {state.problem ? <ProblemLine problem={state.problem} /> : <p class="hint ok">The document is valid.</p>}
              {!ro && (
                <div class="toolbar">
                  <button type="button" disabled={invalid || !dirty} onClick={intents.saveDraft}>
                    Save
                  </button>
                  <button type="button" disabled={!dirty} onClick={intents.discardDraft}>
                    Discard changes
                  </button>
                </div>
              )}
            </div>
          ) : (
            <div class="rules-view">
              {invalid && state.problem && <ProblemLine problem={state.problem} />}
              {invalid && <p class="hint">Fix the document under “Edit as text” to change rules here.</p>}
              {CATEGORIES.map((cat) => {
                const rules = state.rules.filter((er) => categoryOf(er.rule) === cat.id);
                if (!rules.length) return null;
                return (
                  <section key={cat.id} class="category" aria-labelledby={`cat-${cat.id}`}>
                    <h3 id={`cat-${cat.id}`}>{cat.title}</h3>
                    <p class="hint">{cat.hint}</p>
                    {rules.map((er) => (
                      <RuleCard key={er.rule.id} er={er} readOnly={ro || invalid} onEdit={intents.edit} />
                    ))}
                  </section>
                );
              })}
              {!ro && !invalid && (
                <section class="category">
                  {adding ? (
                    <CustomRuleForm
                      heads={state.heads}
                      onAdd={async (rule) => {
                        const problem = await intents.addCustom(rule);
                        if (!problem) setAdding(false);
                        return problem;
                      }}
                    />
                  ) : (
                    <button type="button" onClick={() => setAdding(true)}>
                      Add a rule of your own…
                    </button>
                  )}
                </section>
              )}
            </div>
          )}
        </section>
        {teach}
      </main>
      <LivePanel lab={state.lab} examples={state.examples} onLab={intents.setLab} onRunExamples={intents.runExamples} />
    </div>
  );
}
