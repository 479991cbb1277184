import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Channel, Finding, Level, Rule } from '../engine';
import type { RuleSetDiff } from '../ruleset/diff';
import type { ListName } from '../ruleset/edit';
import type { ExamplesRun, RuleExamples } from '../ruleset/examples';
import type { DocumentProblem } from '../ruleset/in-force';

/** A rule as the editor shows it: the rule in the edited set, and what the team changed of it. */
export interface EditorRule {
  rule: Rule;
  /** A team's own rule (under `custom:`), not one of the pack's. */
  custom: boolean;
  examples?: RuleExamples;
  /** The pack's level, for a pack rule. */
  packLevel?: Level;
  /** The team document changes this pack rule. */
  overridden: boolean;
  /** Phrases the team added to / removed from each list of a pack rule. */
  added: Partial<Record<ListName, string[]>>;
  removed: Partial<Record<ListName, string[]>>;
}

/** An import waiting for the lead's confirmation, or refused. */
export type PendingImport =
  | { fileName: string; problem: DocumentProblem }
  | { fileName: string; diff: RuleSetDiff; problem?: undefined };

/** What the live test panel shows. */
export interface LabState {
  customer: string;
  draft: string;
  channel: Channel;
  findings: Finding[] | null;
  score: number | null;
  /** The last lint ran out of time before the end of the draft (a slow pattern, a huge draft). */
  partlyChecked?: boolean;
}

/** The options page: it mirrors storage (the team document, the policy) and the lead's edits. */
export interface OptionsState {
  ready: boolean;
  /** The organisation's policy sets the rules: nothing here can change them. */
  locked: boolean;
  /** Where the rules in force come from. */
  source: 'pack' | 'team' | 'policy';
  /** Why a stored document is not in force (it stays stored as it was). */
  inForceProblem: string | null;
  /** The document as stored (null: none, the built-in rules). */
  savedText: string | null;
  canUndo: boolean;
  /** The text being edited: the saved one unless the lead is editing it as text. */
  draft: string;
  /** What is wrong with the draft (nothing is saved while there is something). */
  problem: DocumentProblem | null;
  /** The rules of the last draft that checked, by category order. */
  rules: EditorRule[];
  /** Names of the heads a custom classifier rule may use. */
  heads: string[];
  notice: string | null;
  pendingImport: PendingImport | null;
  lab: LabState;
  examples: ExamplesRun | 'running' | null;
  /** Rules the agent turned off for themselves (not the team set). */
  agentOff: string[];
}

export type OptionsStore = StoreApi<OptionsState>;

export function createOptionsStore(): OptionsStore {
  return createStore<OptionsState>()(() => ({
    ready: false,
    locked: false,
    source: 'pack',
    inForceProblem: null,
    savedText: null,
    canUndo: false,
    draft: '',
    problem: null,
    rules: [],
    heads: [],
    notice: null,
    pendingImport: null,
    lab: {
      customer: 'My order arrived broken and nobody answers my emails.',
      draft: 'Hi Dana,\nThe warehouse messed up your order. Calm down, it is not my department.',
      channel: 'email',
      findings: null,
      score: null,
    },
    examples: null,
    agentOff: [],
  }));
}
