import { storage } from 'wxt/utils/storage';
import { DEFAULT_RETENTION } from '../history/types';

/** Whether the history is kept, and for how long (the review page changes these). */
export interface HistorySettings {
  enabled: boolean;
  retentionDays: number;
}

export const historySettings = storage.defineItem<HistorySettings>('local:historySettings', {
  fallback: { enabled: true, retentionDays: DEFAULT_RETENTION.days },
  version: 1,
});

/** A phrase the agent asked never to be flagged for, under one rule ("never flag this for me"). */
export interface IgnoredPhrase {
  ruleId: string;
  /** The flagged words, compared without regard to case or spacing. */
  phrase: string;
  /** Epoch ms it was added. */
  at: number;
}

export const ignoredPhrases = storage.defineItem<IgnoredPhrase[]>('local:ignoredPhrases', {
  fallback: [],
  version: 1,
});

/** The key a phrase is compared by: lower case, spaces collapsed. */
export const phraseKey = (ruleId: string, phrase: string) =>
  `${ruleId}\u0000${phrase.toLowerCase().replace(/\s+/g, ' ').trim()}`;
