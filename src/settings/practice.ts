import { storage } from 'wxt/utils/storage';
import type { Channel } from '../engine';

/** What the practice page was last given, so a reload or a closed tab never loses a draft. */
export interface SavedPractice {
  draft: string;
  customerMessage: string;
  customerName: string;
  channel: Channel;
}

/** The practice page's last inputs; null until the page has saved once (it then shows its example). */
export const savedPractice = storage.defineItem<SavedPractice | null>('local:practice', {
  fallback: null,
  version: 1,
});
