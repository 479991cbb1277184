// The trainee's history in IndexedDB (fake-indexeddb here; real IndexedDB in the browser tests).
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import {
  addEntries,
  clearHistory,
  type HistoryEntry,
  historyCsv,
  historyEntry,
  historyRecorder,
  isHistoryEntry,
  openHistory,
  queryHistory,
  replyScores,
} from '../../src/history';

const DAY = 24 * 60 * 60 * 1000;
const NOW = Date.UTC(2026, 11, 2, 12);
const entry = (over: Partial<HistoryEntry> = {}): HistoryEntry => ({
  ruleId: 'no-blame-shifting',
  level: 'warning',
  sentence: 'The courier messed up your order.',
  start: 0,
  end: 22,
  suggestion: 'We messed up your order.',
  site: 'mail.google.com',
  at: NOW,
  outcome: 'fixed',
  ...over,
});

afterEach(async () => {
  const db = await openHistory();
  await clearHistory(db);
  db.close();
});

describe('history', () => {
  it('keeps entries across a restart (the database closed and opened again)', async () => {
    let db = await openHistory();
    await addEntries(db, [entry(), entry({ outcome: 'dismissed', at: NOW + 1 })], undefined, NOW);
    db.close();
    db = await openHistory();
    expect((await queryHistory(db)).map((e) => e.outcome)).toEqual(['dismissed', 'fixed']);
    db.close();
  });

  it('filters by rule, site, date and words', async () => {
    const db = await openHistory();
    await addEntries(
      db,
      [
        entry(),
        entry({ ruleId: 'no-shouting', sentence: 'PLEASE WAIT.', start: 0, end: 6, at: NOW - 2 * DAY }),
        entry({ site: 'acme.zendesk.com', sentence: 'Not my department.', start: 0, end: 18, at: NOW - DAY }),
      ],
      undefined,
      NOW,
    );
    expect((await queryHistory(db, { ruleId: 'no-shouting' })).map((e) => e.sentence)).toEqual(['PLEASE WAIT.']);
    expect((await queryHistory(db, { site: 'acme.zendesk.com' })).length).toBe(1);
    expect((await queryHistory(db, { from: NOW - DAY - 1 })).length).toBe(2);
    expect((await queryHistory(db, { search: 'department' })).map((e) => e.site)).toEqual(['acme.zendesk.com']);
    db.close();
  });

  it('drops what is older than the retention, and the oldest beyond the cap', async () => {
    const db = await openHistory();
    await addEntries(db, [entry({ at: NOW - 91 * DAY }), entry({ at: NOW - 89 * DAY })], undefined, NOW);
    expect((await queryHistory(db)).map((e) => e.at)).toEqual([NOW - 89 * DAY]);
    await addEntries(
      db,
      [entry({ at: NOW - 2 }), entry({ at: NOW - 1 }), entry({ at: NOW })],
      { days: 90, cap: 2 },
      NOW,
    );
    expect((await queryHistory(db)).map((e) => e.at)).toEqual([NOW, NOW - 1]);
    db.close();
  });

  it('upgrades a version 1 database without losing an entry (an extension update)', async () => {
    indexedDB.deleteDatabase('tactful-history');
    const v1 = await openHistory(1);
    await addEntries(v1, [entry(), entry({ outcome: 'left' })], undefined, NOW);
    expect(v1.objectStoreNames.contains('findings')).toBe(true);
    expect([...v1.transaction('findings').store.indexNames]).not.toContain('outcome');
    v1.close();
    const v2 = await openHistory();
    expect(v2.version).toBe(3);
    expect(await v2.getAllFromIndex('findings', 'outcome', 'left')).toHaveLength(1);
    expect((await queryHistory(v2)).length).toBe(2);
    v2.close();
  });

  it('keeps recording after its connection was closed for a newer version, or failed to open', async () => {
    let opens = 0;
    let failNext = true;
    let version = 3;
    const recorder = historyRecorder(async (onGone) => {
      opens++;
      if (failNext) {
        failNext = false;
        throw new Error('QuotaExceededError');
      }
      return openHistory(version, onGone);
    });
    const retention = { days: 90, cap: 100 };
    // A failure to open is not kept: the next entry opens again.
    await expect(recorder.record([entry()], retention, NOW)).rejects.toThrow('QuotaExceededError');
    await recorder.record([entry({ at: NOW + 1 })], retention, NOW);
    expect(opens).toBe(2);
    // A newer version (an update's upgrade) asks open connections to give way: the recorder's
    // closes itself instead of blocking it…
    const newer = await openHistory(4);
    expect(newer.version).toBe(4);
    newer.close();
    version = 4;
    // …and opens again on the next entry, which is kept.
    await recorder.record([entry({ at: NOW + 2, outcome: 'left' })], retention, NOW);
    expect(opens).toBe(3);
    const db = await openHistory(4);
    expect((await queryHistory(db)).map((e) => e.outcome)).toEqual(['left', 'fixed']);
    db.close();
    // Deleting the database is another version change: the recorder gives way again.
    await new Promise((done, fail) => {
      const request = indexedDB.deleteDatabase('tactful-history');
      request.onsuccess = done;
      request.onerror = fail;
    });
  });

  it("keeps each reply's tone score for the progress chart, within the retention", async () => {
    const db = await openHistory();
    await addEntries(db, [], undefined, NOW, { at: NOW - 100 * DAY, site: 'x', score: 40 });
    await addEntries(db, [], undefined, NOW, { at: NOW, site: 'x', score: 88 });
    expect((await replyScores(db)).map((r) => r.score)).toEqual([88]);
    await clearHistory(db);
    expect(await replyScores(db)).toEqual([]);
    db.close();
  });

  it('exports CSV a spreadsheet reads safely', () => {
    const csv = historyCsv([
      entry({ sentence: 'He said "no", then left.', start: 8, end: 12, suggestion: undefined }),
      entry({ sentence: '=HYPERLINK("x")', start: 0, end: 1 }),
    ]);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('time,rule,level,outcome,site,sentence,flagged,suggestion');
    expect(lines[1]).toBe(
      '2026-12-02T12:00:00.000Z,no-blame-shifting,warning,fixed,mail.google.com,"He said ""no"", then left.","""no""",',
    );
    expect(lines[2]).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('accepts only well-formed entries from a content script', () => {
    expect(isHistoryEntry(entry())).toBe(true);
    for (const bad of [
      null,
      entry({ ruleId: '' }),
      entry({ level: 'fatal' as never }),
      entry({ outcome: 'ignored' as never }),
      entry({ start: 5, end: 2 }),
      entry({ end: 999 }),
      entry({ sentence: 'x'.repeat(2001), end: 0 }),
      { ...entry(), at: -1 },
    ])
      expect(isHistoryEntry(bad)).toBe(false);
  });
});

describe('what the history keeps of a finding', () => {
  const finding = (text: string, actual: string, fixText?: string) => {
    const start = text.indexOf(actual);
    const end = start + actual.length;
    return {
      ruleId: 'no-blame-shifting',
      level: 'warning' as const,
      message: '',
      why: '',
      start,
      end,
      actual,
      fixes: fixText === undefined ? [] : [{ label: 'fix', start, end, text: fixText }],
    };
  };

  it('is the flagged sentence only, never the reply around it, with the first fix applied', () => {
    const text = 'Hi Dana,\nThanks for writing. The courier messed up your order! I will resend it today.\nBest, Ana';
    const e = historyEntry(
      finding(text, 'The courier messed up', 'We messed up'),
      text,
      'mail.google.com',
      'fixed',
      NOW,
    );
    expect(e.sentence).toBe('The courier messed up your order!');
    expect(e.sentence.slice(e.start, e.end)).toBe('The courier messed up');
    expect(e.suggestion).toBe('We messed up your order!');
    expect(isHistoryEntry(e)).toBe(true);
  });

  it('stops at a line break (a wrapped email line or a greeting)', () => {
    const text = 'Hello\nnot my department\nthanks';
    const e = historyEntry(finding(text, 'not my department'), text, 'x', 'left', NOW);
    expect(e.sentence).toBe('not my department');
    expect(e.suggestion).toBeUndefined();
  });

  it('cuts a run-on paste around the flagged words', () => {
    const text = `${'word '.repeat(400)}CALM DOWN ${'word '.repeat(400)}`;
    const e = historyEntry(finding(text, 'CALM DOWN'), text, 'x', 'left', NOW);
    expect(e.sentence.length).toBeLessThanOrEqual(600);
    expect(e.sentence.slice(e.start, e.end)).toBe('CALM DOWN');
  });
});
