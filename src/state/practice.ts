import { createStore, type StoreApi } from 'zustand/vanilla';
import { useSyncExternalStore } from 'preact/compat';
import type { Channel, Finding, Report } from '../engine';
// The splitter module only: the engine itself (compromise) loads after the page has painted.
import { diffBounds } from '../engine/sentences';

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
  setDraft(draft: string): void;
  setCustomerMessage(customerMessage: string): void;
  setCustomerName(customerName: string): void;
  setChannel(channel: Channel): void;
  setReport(report: Report, linted: LintInput): void;
}

export type PracticeStore = StoreApi<PracticeState>;

export function createPracticeStore(initial: Partial<LintInput> = {}): PracticeStore {
  return createStore<PracticeState>()((set) => ({
    draft: '',
    customerMessage: '',
    customerName: '',
    channel: 'email',
    ...initial,
    report: null,
    linted: null,
    setDraft: (draft) => set({ draft }),
    setCustomerMessage: (customerMessage) => set({ customerMessage }),
    setCustomerName: (customerName) => set({ customerName }),
    setChannel: (channel) => set({ channel }),
    setReport: (report, linted) => set({ report, linted }),
  }));
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
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
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
