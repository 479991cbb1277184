import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Finding } from '../engine';

export interface Position {
  left: number;
  top: number;
}

/** What the in-page coach shows for the active editor. Storage stays the truth for settings. */
export interface CoachState {
  /** Findings of the active editor after dismissals; null while the engine loads. */
  report: { findings: Finding[]; score: number } | null;
  /** The finding whose card is open. */
  openFindingIndex: number | null;
  /** The card was opened from the keyboard: focus goes into it. */
  cardFocused: boolean;
  cardPosition: Position | null;
  badgePosition: Position | null;
  panelOpen: boolean;
  /** Findings under the pointer where the card opened, most specific first (overlaps). */
  hereIndexes: number[];
  /** The browser's current key for "next suggestion" ("Alt+Shift+N"), or null when unset. */
  shortcut: string | null;
}

export type CoachStore = StoreApi<CoachState>;

export const createCoachStore = (): CoachStore =>
  createStore<CoachState>(() => ({
    report: null,
    openFindingIndex: null,
    cardFocused: false,
    cardPosition: null,
    badgePosition: null,
    panelOpen: false,
    hereIndexes: [],
    shortcut: null,
  }));

/**
 * What a person can ask of the in-page coach from its card, badge and panel. The overlay sends
 * these and knows nothing else of the controller (no import cycle between them).
 */
export interface CoachIntents {
  togglePanel(): void;
  selectFromPanel(index: number): void;
  /** Applies fix `fixIndex` of the open card's finding. */
  applyFix(fixIndex: number): void;
  dismiss(): void;
  disableRule(ruleId: string): void;
  /** Never flag the open card's words under its rule for this agent. */
  ignorePhrase(): void;
  closeCard(returnFocus: boolean): void;
  /** The next of the findings under the pointer ("2 more here"). */
  nextHere(): void;
}
