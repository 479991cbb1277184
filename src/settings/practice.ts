import type { Channel } from '../engine';
import { defineSetting, isRecord } from './stored';

/** What the practice page was last given, so a reload or a closed tab never loses a draft. */
export interface SavedPractice {
  draft: string;
  customerMessage: string;
  customerName: string;
  channel: Channel;
}

/**
 * The practice page's last inputs; null until the page has saved once (it then shows its example).
 * Read as partial: what is missing or unreadable comes from the example.
 */
export const savedPractice = defineSetting<Partial<SavedPractice> | null>('local:practice', {
  fallback: null,
  version: 1,
  read: readSavedPractice,
});

/**
 * The fields that are readable; the page fills the rest from its example. A draft survives a
 * damaged channel or name. A bare string (an older shape) is the draft itself.
 */
export function readSavedPractice(stored: unknown): Partial<SavedPractice> | undefined {
  if (typeof stored === 'string') return { draft: stored };
  if (!isRecord(stored)) return undefined;
  const saved: Partial<SavedPractice> = {};
  for (const field of ['draft', 'customerMessage', 'customerName'] as const)
    if (typeof stored[field] === 'string') saved[field] = stored[field];
  if (stored.channel === 'email' || stored.channel === 'chat') saved.channel = stored.channel;
  // Partial: the page lays it over its example's inputs.
  return Object.keys(saved).length > 0 ? saved : undefined;
}
