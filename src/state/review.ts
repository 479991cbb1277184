import { createStore, type StoreApi } from 'zustand/vanilla';
import type { HistoryEntry, HistoryQuery, ReplyScore } from '../history/types';
import type { HistorySettings, IgnoredPhrase } from '../settings/history';

/** The review page's filters, as the form holds them (dates as the date inputs' `yyyy-mm-dd`). */
export interface ReviewFilters {
  ruleId: string;
  site: string;
  /** First day shown, `yyyy-mm-dd`, or '' for no limit. */
  from: string;
  /** Last day shown (inclusive), `yyyy-mm-dd`, or '' for no limit. */
  to: string;
  search: string;
}

export const NO_FILTERS: ReviewFilters = { ruleId: '', site: '', from: '', to: '', search: '' };

/** What the review page shows. It mirrors the history database and storage; they are the truth. */
export interface ReviewState {
  /** False until the history and settings have been read once. */
  ready: boolean;
  /** Every entry kept, newest first (the rule and site choices, and progress). */
  all: HistoryEntry[];
  /** The entries the filters let through, newest first. */
  shown: HistoryEntry[];
  /** Coached replies' tone scores, oldest first (progress). */
  scores: ReplyScore[];
  filters: ReviewFilters;
  settings: HistorySettings;
  ignored: IgnoredPhrase[];
  /** Epoch ms of the last read: progress counts its weeks back from here. */
  now: number;
  /** Set when the history could not be read (shown instead of an empty page). */
  error: string | null;
}

export type ReviewStore = StoreApi<ReviewState>;

export function createReviewStore(now: number): ReviewStore {
  return createStore<ReviewState>()(() => ({
    ready: false,
    all: [],
    shown: [],
    scores: [],
    filters: NO_FILTERS,
    settings: { enabled: true, retentionDays: 90 },
    ignored: [],
    now,
    error: null,
  }));
}

/** Local midnight of a `yyyy-mm-dd` day, or undefined when the text is not one. */
function dayStart(day: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return undefined;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? undefined : t;
}

/** The database query for the form's filters: dates are whole local days, both ends included. */
export function toQuery(f: ReviewFilters): HistoryQuery {
  const q: HistoryQuery = {};
  if (f.ruleId) q.ruleId = f.ruleId;
  if (f.site) q.site = f.site;
  const from = dayStart(f.from);
  if (from !== undefined) q.from = from;
  const to = dayStart(f.to);
  // The next day's midnight, less one: the whole of the last day.
  if (to !== undefined) q.to = new Date(to).setDate(new Date(to).getDate() + 1) - 1;
  if (f.search.trim()) q.search = f.search;
  return q;
}

/** Whether any filter narrows the list. */
export const isFiltered = (f: ReviewFilters) => Object.values(f).some((v) => v.trim() !== '');
