import { DEFAULT_RETENTION } from '../history/types';
import { defineSetting, finite, isRecord } from './stored';

/** Whether the history is kept, and for how long (the review page changes these). */
export interface HistorySettings {
  enabled: boolean;
  retentionDays: number;
}

const DEFAULT_HISTORY_SETTINGS: HistorySettings = { enabled: true, retentionDays: DEFAULT_RETENTION.days };
/** The review page offers 1 to 365 days. */
const MAX_RETENTION_DAYS = 365;

export const historySettings = defineSetting<HistorySettings>('local:historySettings', {
  fallback: DEFAULT_HISTORY_SETTINGS,
  version: 1,
  read: readHistorySettings,
});

/** Each field on its own: a bad retention does not turn the history back on, nor the reverse. */
export function readHistorySettings(stored: unknown): HistorySettings | undefined {
  if (!isRecord(stored)) return undefined;
  const enabled = typeof stored.enabled === 'boolean' ? stored.enabled : DEFAULT_HISTORY_SETTINGS.enabled;
  const days = finite(stored.retentionDays);
  const retentionDays =
    days === undefined || days < 1
      ? DEFAULT_HISTORY_SETTINGS.retentionDays
      : Math.min(MAX_RETENTION_DAYS, Math.round(days));
  return { enabled, retentionDays };
}

/** A phrase the agent asked never to be flagged for, under one rule ("never flag this for me"). */
export interface IgnoredPhrase {
  ruleId: string;
  /** The flagged words, compared without regard to case or spacing. */
  phrase: string;
  /** Epoch ms it was added. */
  at: number;
}

export const ignoredPhrases = defineSetting<IgnoredPhrase[]>('local:ignoredPhrases', {
  fallback: [],
  version: 1,
  read: readIgnoredPhrases,
});

/** The phrases that are whole (a rule id and the words); a missing time reads as 0. */
export function readIgnoredPhrases(stored: unknown): IgnoredPhrase[] | undefined {
  if (!Array.isArray(stored)) return undefined;
  const phrases: IgnoredPhrase[] = [];
  for (const p of stored) {
    if (!isRecord(p) || typeof p.ruleId !== 'string' || typeof p.phrase !== 'string' || p.phrase.trim() === '')
      continue;
    phrases.push({ ruleId: p.ruleId, phrase: p.phrase, at: finite(p.at) ?? 0 });
  }
  return phrases;
}

export { phraseKey } from './phrase-key';
