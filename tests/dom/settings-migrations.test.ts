import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { exerciseProgress, NO_EXERCISE_PROGRESS } from '../../src/settings/exercises';
import { historySettings, ignoredPhrases } from '../../src/settings/history';
import { savedPractice } from '../../src/settings/practice';
import { disabledRules, pausedUntil, siteEnabled, siteSettings } from '../../src/settings/sites';
import { defineSetting } from '../../src/settings/stored';
import { previousTeamDocument, teamDocument } from '../../src/settings/team';

// Stored settings are read through a check (src/settings/stored.ts): whatever sits under a key —
// an older version's shape, a hand edit, garbage — the reader keeps what it can use and falls back
// for the rest, never throws, and never loses the user's rules, sites or draft.

const local = () => fakeBrowser.storage.local;
beforeEach(() => fakeBrowser.reset());

describe('settings read from storage in any shape', () => {
  it('falls back for values of the wrong type, for every item', async () => {
    await local().set({
      sites: 'everywhere',
      pausedUntil: 'tomorrow',
      disabledRules: 42,
      teamDocument: 42,
      previousTeamDocument: [1],
      historySettings: 'on',
      ignoredPhrases: { a: 1 },
      exercises: 'lots',
      practice: 17,
    });
    expect(await siteSettings.getValue()).toEqual({});
    expect(await pausedUntil.getValue()).toBeNull();
    expect(await disabledRules.getValue()).toEqual([]);
    expect(await teamDocument.getValue()).toBeNull();
    expect(await previousTeamDocument.getValue()).toBeNull();
    expect(await historySettings.getValue()).toEqual({ enabled: true, retentionDays: 90 });
    expect(await ignoredPhrases.getValue()).toEqual([]);
    expect(await exerciseProgress.getValue()).toEqual(NO_EXERCISE_PROGRESS);
    expect(await savedPractice.getValue()).toBeNull();
  });

  it('keeps the usable parts of damaged values', async () => {
    await local().set({
      sites: { 'help.zendesk.com': 'yes', 'www.example.test': true, 'mail.google.com': false },
      disabledRules: [null, 7, 'no-shouting', 'no-shouting'],
      historySettings: { enabled: false, retentionDays: 'forever' },
      ignoredPhrases: [null, { ruleId: 1 }, { ruleId: 'no-condescension', phrase: 'obviously' }],
      exercises: {
        rules: {
          'no-shouting': { streak: 'a' },
          'no-deflection': { streak: 1, bestStreak: 2, bestScore: 80, completed: 3 },
        },
        cursors: { any: { round: 1, next: 2 } },
      },
      practice: { draft: 'My draft.', channel: 'fax', customerName: 9 },
      teamDocument: { text: 'rules: {}', models: 'none' },
    });
    const sites = await siteSettings.getValue();
    expect(sites).toEqual({ 'www.example.test': true, 'mail.google.com': false });
    expect(siteEnabled('help.zendesk.com', sites)).toBe(true); // a stray value leaves the default
    expect(await disabledRules.getValue()).toEqual(['no-shouting']);
    expect(await historySettings.getValue()).toEqual({ enabled: false, retentionDays: 90 });
    expect(await ignoredPhrases.getValue()).toEqual([{ ruleId: 'no-condescension', phrase: 'obviously', at: 0 }]);
    expect(await exerciseProgress.getValue()).toEqual({
      rules: { 'no-deflection': { streak: 1, bestStreak: 2, bestScore: 80, completed: 3 } },
      cursors: { any: { round: 1, next: 2 } },
    });
    expect(await savedPractice.getValue()).toEqual({ draft: 'My draft.' });
    expect(await teamDocument.getValue()).toEqual({ text: 'rules: {}' });
  });

  it('never lets a stored key reach the prototype', async () => {
    await local().set({ sites: JSON.parse('{"__proto__": {"polluted": true}, "a.test": true}') });
    const sites = await siteSettings.getValue();
    expect(sites).toEqual({ 'a.test': true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(siteEnabled('constructor', sites)).toBe(false);
  });

  it('hands watchers checked values too', async () => {
    const seen: unknown[] = [];
    const stop = disabledRules.watch((v) => seen.push(v));
    await local().set({ disabledRules: 'garbage' });
    await local().set({ disabledRules: ['no-shouting', 3] });
    stop();
    expect(seen).toEqual([[], ['no-shouting']]);
  });
});

describe('migrations: values an older version stored', () => {
  it('reads v0 items in older shapes without losing the data', async () => {
    // WXT keeps an item's version under `<key>$`; v0 and these shapes are what an older build left.
    await local().set({
      disabledRules: { 'no-shouting': true, 'no-condescension': false },
      disabledRules$: { v: 0 },
      sites: ['www.example.test'],
      sites$: { v: 0 },
      practice: 'A draft kept by an older version.',
      practice$: { v: 0 },
      teamDocument: 'rules: {}',
      teamDocument$: { v: 0 },
    });
    expect(await disabledRules.getValue()).toEqual(['no-shouting']);
    expect(await siteSettings.getValue()).toEqual({ 'www.example.test': true });
    expect(await savedPractice.getValue()).toEqual({ draft: 'A draft kept by an older version.' });
    expect(await teamDocument.getValue()).toEqual({ text: 'rules: {}' });
  });

  it('runs a declared migration from v0, then checks what it gives', async () => {
    await local().set({ legacy: { off: ['no-shouting', 5] }, legacy$: { v: 0 } });
    const item = defineSetting<string[]>('local:legacy', {
      fallback: [],
      version: 2,
      migrations: { 2: (old: { off?: unknown }) => old.off },
      read: (x) => (Array.isArray(x) ? x.filter((v): v is string => typeof v === 'string') : undefined),
    });
    expect(await item.getValue()).toEqual(['no-shouting']);
    expect((await local().get('legacy$')).legacy$).toEqual({ v: 2 });
  });

  it('falls back, keeping the stored value, when a migration throws', async () => {
    await local().set({ broken: 'kept as it was', broken$: { v: 1 } });
    const item = defineSetting<number>('local:broken', {
      fallback: 7,
      version: 2,
      migrations: {
        2: () => {
          throw new Error('cannot migrate');
        },
      },
      read: (x) => (typeof x === 'number' ? x : undefined),
    });
    expect(await item.getValue()).toBe(7);
    // Nothing was deleted: a later version can still read it.
    expect((await local().get('broken')).broken).toBe('kept as it was');
  });
});
