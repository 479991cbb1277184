import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Channel, Finding, Report } from '../engine';
// The splitter module only: the engine itself (compromise) loads after the page has painted.
import { diffBounds } from '../engine/sentences';
import { useStore } from './use-store';

/** What a report was computed from, so the page can tell a fresh report from a stale one. */
export interface LintInput {
  draft: string;
  customerMessage: string;
  customerName: string;
  channel: Channel;
}

export interface PracticeState extends LintInput {
  /** The last report, for `linted`; null until the coach has run once. */
  report: Report | null;
  linted: LintInput | null;
  /** Rules turned off in options or from a card (a mirror of storage): not coached here either. */
  disabledRules: readonly string[];
  /** What was there before "Restore example", until the next edit: the example never eats a draft. */
  beforeExample: LintInput | null;
  setDraft(draft: string): void;
  setCustomerMessage(customerMessage: string): void;
  setCustomerName(customerName: string): void;
  setChannel(channel: Channel): void;
  setReport(report: Report, linted: LintInput): void;
  setDisabledRules(ruleIds: readonly string[]): void;
  /** Puts the built-in scenario back, keeping the current inputs for `undoRestoreExample`. */
  restoreExample(example: LintInput): void;
  undoRestoreExample(): void;
}

export type PracticeStore = StoreApi<PracticeState>;

export function createPracticeStore(initial: Partial<LintInput> = {}): PracticeStore {
  // An edit makes the draft the user's again: the undo offer goes away.
  const edit = (change: Partial<LintInput>) => ({ ...change, beforeExample: null });
  return createStore<PracticeState>()((set, get) => ({
    draft: '',
    customerMessage: '',
    customerName: '',
    channel: 'email',
    ...initial,
    report: null,
    linted: null,
    disabledRules: [],
    beforeExample: null,
    setDraft: (draft) => set(edit({ draft })),
    setCustomerMessage: (customerMessage) => set(edit({ customerMessage })),
    setCustomerName: (customerName) => set(edit({ customerName })),
    setChannel: (channel) => set(edit({ channel })),
    setReport: (report, linted) => set({ report, linted }),
    setDisabledRules: (disabledRules) => set({ disabledRules }),
    restoreExample: (example) => {
      const current = lintInput(get());
      if (sameInput(current, example)) return;
      set({ ...lintInput(example), beforeExample: current });
    },
    undoRestoreExample: () => {
      const before = get().beforeExample;
      if (before) set({ ...before, beforeExample: null });
    },
  }));
}

/** A draft of nothing but white space: nothing to coach, so no score and no findings either. */
export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** The inputs the linter needs, read from the state. */
export function lintInput(s: LintInput): LintInput {
  return { draft: s.draft, customerMessage: s.customerMessage, customerName: s.customerName, channel: s.channel };
}

export function sameInput(a: LintInput | null, b: LintInput): boolean {
  return (
    !!a &&
    a.draft === b.draft &&
    a.customerMessage === b.customerMessage &&
    a.customerName === b.customerName &&
    a.channel === b.channel
  );
}

/** Subscribes a Preact component to a slice of the store. Select stored values, not new objects. */
export function usePracticeStore<T>(store: PracticeStore, selector: (s: PracticeState) => T): T {
  return useStore(store, selector);
}

/**
 * The report's findings moved onto the current draft. Between a keystroke and the next lint
 * (~100 ms) the report describes a slightly older text: findings before and after the edited
 * region are shifted, findings touching it are dropped until the next report arrives. This keeps
 * underlines and fix offsets matching the text on screen at every moment.
 */
export function currentFindings(s: Pick<PracticeState, 'draft' | 'report' | 'linted'>): Finding[] {
  if (!s.report || !s.linted) return [];
  return rebaseFindings(s.report.findings, s.linted.draft, s.draft);
}

export function rebaseFindings(findings: Finding[], from: string, to: string): Finding[] {
  if (from === to) return findings;
  const { prefix, suffix } = diffBounds(from, to);
  const changedEnd = from.length - suffix; // [prefix, changedEnd) of `from` was replaced
  const delta = to.length - from.length;
  const move = (start: number, end: number): [number, number] | null => {
    if (end < prefix || (end === prefix && start < end)) return [start, end];
    if (start > changedEnd || (start === changedEnd && start < end)) return [start + delta, end + delta];
    return null;
  };
  const out: Finding[] = [];
  for (const f of findings) {
    const span = move(f.start, f.end);
    if (!span) continue;
    const fixes = [];
    for (const fix of f.fixes) {
      const fs = move(fix.start, fix.end);
      if (fs) fixes.push({ ...fix, start: fs[0], end: fs[1] });
    }
    out.push({ ...f, start: span[0], end: span[1], fixes });
  }
  return out;
}
