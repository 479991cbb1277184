import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { DEFAULT_RETENTION, type HistoryEntry, type HistoryQuery, type ReplyScore, type Retention } from './types';

// The trainee's history, in the extension's own IndexedDB (never the page's: a content script's
// IndexedDB belongs to the host page's origin). Written by the background, read by the review page.

const DB_NAME = 'tactful-history';
/**
 * The schema is built by versioned upgrades, so an extension update never loses history:
 * 1 — the `findings` store with indexes by time, rule and site;
 * 2 — an index by outcome (the review page's fix rate);
 * 3 — the `replies` store: each coached reply's tone score when its editor closed (progress).
 */
export const DB_VERSION = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

interface HistorySchema extends DBSchema {
  findings: {
    key: number;
    value: HistoryEntry;
    indexes: { at: number; ruleId: string; site: string; outcome: string };
  };
  replies: {
    key: number;
    value: ReplyScore;
    indexes: { at: number };
  };
}

export type HistoryDb = IDBPDatabase<HistorySchema>;

/**
 * Opens (and upgrades) the history database; `version` is for the migration test only. A
 * connection that stands in the way of a newer version (an update's upgrade) closes itself rather
 * than block it, and `onGone` hears of that, or of the browser ending the connection, so whoever
 * holds it can open again.
 */
export function openHistory(version = DB_VERSION, onGone?: () => void): Promise<HistoryDb> {
  return openDB<HistorySchema>(DB_NAME, version, {
    blocking(_current, _next, event) {
      (event.target as IDBDatabase).close();
      onGone?.();
    },
    terminated() {
      onGone?.();
    },
    upgrade(db, oldVersion, _newVersion, tx) {
      if (oldVersion < 1) {
        const store = db.createObjectStore('findings', { keyPath: 'id', autoIncrement: true });
        store.createIndex('at', 'at');
        store.createIndex('ruleId', 'ruleId');
        store.createIndex('site', 'site');
      }
      if (oldVersion < 2 && version >= 2) tx.objectStore('findings').createIndex('outcome', 'outcome');
      if (oldVersion < 3 && version >= 3) {
        db.createObjectStore('replies', { keyPath: 'id', autoIncrement: true }).createIndex('at', 'at');
      }
    },
  });
}

/**
 * The background's connection to the history, opened on first use and opened again when it was
 * closed under it (a newer version upgrading, the browser ending it) or failed to open: one
 * failure must not cost the trainee every later entry until the browser restarts.
 */
export function historyRecorder(
  open: (onGone: () => void) => Promise<HistoryDb> = (onGone) => openHistory(DB_VERSION, onGone),
) {
  let connection: Promise<HistoryDb> | null = null;
  const connect = () => {
    if (!connection) {
      const opening = open(() => {
        if (connection === opening) connection = null;
      });
      connection = opening;
      opening.catch(() => {
        if (connection === opening) connection = null;
      });
    }
    return connection;
  };
  return {
    async record(entries: readonly HistoryEntry[], retention: Retention, now: number, reply?: ReplyScore) {
      await addEntries(await connect(), entries, retention, now, reply);
    },
  };
}

/** Adds entries (and a reply's score) in one transaction, then applies the retention. */
export async function addEntries(
  db: HistoryDb,
  entries: readonly HistoryEntry[],
  retention: Retention = DEFAULT_RETENTION,
  now = Date.now(),
  reply?: ReplyScore,
): Promise<void> {
  const tx = db.transaction(reply ? ['findings', 'replies'] : ['findings'], 'readwrite');
  const findings = tx.objectStore('findings');
  const writes: Promise<unknown>[] = entries.map(({ id: _drop, ...e }) => findings.add(e));
  if (reply) {
    const { id: _drop, ...r } = reply;
    writes.push(tx.objectStore('replies').add(r));
  }
  await Promise.all([...writes, tx.done]);
  await prune(db, retention, now);
}

/** Replies' tone scores from `from` on, oldest first (the progress chart). */
export async function replyScores(db: HistoryDb, from = 0): Promise<ReplyScore[]> {
  return db.getAllFromIndex('replies', 'at', IDBKeyRange.lowerBound(from));
}

/** Drops entries older than `retention.days` and the oldest beyond `retention.cap`. */
export async function prune(db: HistoryDb, retention: Retention = DEFAULT_RETENTION, now = Date.now()) {
  if (db.objectStoreNames.contains('replies')) {
    const old = db.transaction('replies', 'readwrite');
    let r = await old.store.index('at').openCursor(IDBKeyRange.upperBound(now - retention.days * DAY_MS, true));
    while (r) {
      await r.delete();
      r = await r.continue();
    }
    await old.done;
  }
  const tx = db.transaction('findings', 'readwrite');
  const byTime = tx.store.index('at');
  let cursor = await byTime.openCursor(IDBKeyRange.upperBound(now - retention.days * DAY_MS, true));
  while (cursor) {
    await cursor.delete();
    cursor = await cursor.continue();
  }
  let extra = (await tx.store.count()) - retention.cap;
  cursor = extra > 0 ? await byTime.openCursor() : null;
  while (cursor && extra > 0) {
    await cursor.delete();
    extra--;
    cursor = await cursor.continue();
  }
  await tx.done;
}

/** Entries matching `q`, newest first. */
export async function queryHistory(db: HistoryDb, q: HistoryQuery = {}): Promise<HistoryEntry[]> {
  const range =
    q.from !== undefined || q.to !== undefined
      ? IDBKeyRange.bound(q.from ?? 0, q.to ?? Number.MAX_SAFE_INTEGER)
      : undefined;
  const all = await db.getAllFromIndex('findings', 'at', range);
  const words = q.search?.trim().toLowerCase();
  return all
    .filter(
      (e) =>
        (q.ruleId === undefined || e.ruleId === q.ruleId) &&
        (q.site === undefined || e.site === q.site) &&
        (!words || e.sentence.toLowerCase().includes(words)),
    )
    .reverse();
}

export async function clearHistory(db: HistoryDb): Promise<void> {
  await db.clear('findings');
  if (db.objectStoreNames.contains('replies')) await db.clear('replies');
}

const CSV_COLUMNS = ['time', 'rule', 'level', 'outcome', 'site', 'sentence', 'flagged', 'suggestion'] as const;

/** One CSV field: quoted when it must be; a leading =, +, - or @ is neutralised (spreadsheet formulas). */
function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The entries as CSV (RFC 4180, a header row, ISO times), for a spreadsheet. */
export function historyCsv(entries: readonly HistoryEntry[]): string {
  const rows = entries.map((e) =>
    [
      new Date(e.at).toISOString(),
      e.ruleId,
      e.level,
      e.outcome,
      e.site,
      e.sentence,
      e.sentence.slice(e.start, e.end),
      e.suggestion ?? '',
    ].map(csvField),
  );
  return [CSV_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
