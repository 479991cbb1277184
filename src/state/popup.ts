import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Finding } from '../engine';
import { siteEnabled } from '../settings/sites';

/** The coaching of the tab under the popup, as its content script reports it. */
export interface PopupReport {
  findings: readonly Pick<Finding, 'ruleId' | 'level' | 'message' | 'actual'>[];
  score: number;
  /** The draft was checked only in part (its lint ran out of time). */
  partlyChecked?: boolean;
}

/** What the toolbar popup shows. It mirrors storage (sites, pause) and the tab's content script. */
export interface PopupState {
  /** False until the tab, the settings and the tab's report have been read once. */
  ready: boolean;
  tabId: number | null;
  /** The tab's host name; null where Tactful cannot run (browser pages, files). */
  host: string | null;
  sites: Record<string, boolean>;
  /** Epoch ms the pause ends at, or null. */
  pausedUntil: number | null;
  /** The editor being coached in the tab, null when there is none. */
  tabReport: PopupReport | null;
  /** Epoch ms of the last refresh: a pause that ends while the popup is open ends on screen too. */
  now: number;
  /** The browser's key for "next suggestion", once known. */
  shortcut: string | null;
  /** Whose rules coach: the pack's, the team's document, or the organisation's policy. */
  ruleSource: 'pack' | 'team' | 'policy';
}

export type PopupStore = StoreApi<PopupState>;

export function createPopupStore(now: number): PopupStore {
  return createStore<PopupState>()(() => ({
    ready: false,
    tabId: null,
    host: null,
    sites: {},
    pausedUntil: null,
    tabReport: null,
    shortcut: null,
    ruleSource: 'pack',
    now,
  }));
}

export function isPaused(s: Pick<PopupState, 'pausedUntil' | 'now'>): boolean {
  return s.pausedUntil !== null && s.pausedUntil > s.now;
}

export function isSiteEnabled(s: Pick<PopupState, 'host' | 'sites'>): boolean {
  return s.host !== null && siteEnabled(s.host, s.sites);
}
