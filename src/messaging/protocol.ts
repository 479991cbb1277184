import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Level } from '../engine';
import type { HistoryEntry, ReplyScore } from '../history/types';

/** A tab's coaching state, as the popup shows it. */
export interface TabReport {
  host: string;
  /** Editors being coached on the page. */
  editors: number;
  score: number | null;
  findings: Array<{ ruleId: string; level: Level; message: string; actual: string }>;
  /** Set when the draft was checked only in part (its lint ran out of time). */
  partlyChecked?: boolean;
}

/** Every message between content scripts, background and extension pages. */
interface Protocol {
  /** Popup → content script of the active tab: what is being coached here? */
  getTabReport(): TabReport;
  /** Popup → background: (un)register Tactful on a site the user turned on or off. */
  setSiteEnabled(data: { host: string; enabled: boolean }): void;
  /** Content script → background: show the finding count on the toolbar icon. */
  setBadge(data: { count: number; worst: Level | null }): void;
  /** Content script → background: open an extension page (content scripts cannot). */
  openPage(page: 'options' | 'practice' | 'review'): void;
  /** Content script or popup → background: the key for "next suggestion" ("Alt+Shift+N"). */
  getShortcut(): string;
  /** Content script → background: inject the coach into this frame (the agent is near an editor). */
  loadCoach(): void;
  /** Content script → background: a coached page is in view; keep the engine warm. */
  wakeEngine(): void;
  /** Coach → background: what became of findings the agent saw (kept in the history). */
  recordHistory(data: { entries: HistoryEntry[]; reply?: ReplyScore }): void;
  /** Background → content script: the "next suggestion" command was pressed in this tab. */
  nextSuggestion(): void;
}

export const { sendMessage, onMessage } = defineExtensionMessaging<Protocol>();
