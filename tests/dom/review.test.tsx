// The review page's wiring (entrypoints/review/app.tsx) with fake IndexedDB and WXT's fake
// browser storage: grouping, filters, search, empty states, clear, CSV export, the never-flag list,
// the history settings and the progress section.
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CSV_FILE, mountReview, practiceHref, type ReviewDeps } from '../../entrypoints/review/app';
import { addEntries, clearHistory, type HistoryEntry, openHistory, queryHistory } from '../../src/history';
import { historySettings, ignoredPhrases } from '../../src/settings/history';

// uPlot draws on a canvas, which happy-dom does not have: the charts' data is checked instead.
const charts = vi.hoisted(() => [] as { series: string[]; data: unknown[] }[]);
vi.mock('uplot', () => ({
  default: class {
    constructor(opts: { series: { label?: string }[] }, data: unknown[]) {
      charts.push({ series: opts.series.slice(1).map((s) => s.label ?? ''), data });
    }
    destroy() {}
    setSize() {}
  },
}));

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;
// Local noon, so that "days ago" lands on the calendar day the date filter names in any zone.
const NOW = new Date(2026, 2, 4, 12).getTime();

const entry = (over: Partial<HistoryEntry>): HistoryEntry => ({
  ruleId: 'no-blame-shifting',
  level: 'warning',
  sentence: 'The courier messed up your order.',
  start: 0,
  end: 21,
  suggestion: 'We messed up your order.',
  site: 'mail.google.com',
  at: NOW - HOUR,
  outcome: 'fixed',
  ...over,
});

const SEED: HistoryEntry[] = [
  entry({}),
  entry({
    ruleId: 'no-policy-hiding',
    sentence: 'Per our policy we cannot refund it.',
    start: 0,
    end: 14,
    suggestion: undefined,
    site: 'acme.zendesk.com',
    at: NOW - 3 * DAY,
    outcome: 'left',
  }),
  entry({
    sentence: "That was the warehouse team's fault.",
    start: 9,
    end: 35,
    suggestion: undefined,
    site: 'acme.zendesk.com',
    at: NOW - 10 * DAY,
    outcome: 'dismissed',
  }),
  entry({
    ruleId: 'require-apology',
    level: 'error',
    sentence: '',
    start: 0,
    end: 0,
    suggestion: undefined,
    at: NOW - 20 * DAY,
    outcome: 'left',
  }),
];

/** `yyyy-mm-dd` of a time, in local time (what a date input holds). */
const day = (t: number) => {
  const d = new Date(t);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

let stop: (() => void) | undefined;
let container: HTMLElement;

beforeEach(async () => {
  fakeBrowser.reset();
  charts.length = 0;
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(async () => {
  stop?.();
  stop = undefined;
  cleanup();
  container.remove();
  const db = await openHistory();
  await clearHistory(db);
  db.close();
});

async function seed(entries: HistoryEntry[] = SEED, scores = [{ at: NOW - HOUR, site: 'mail.google.com', score: 80 }]) {
  const db = await openHistory();
  await addEntries(db, entries, undefined, NOW);
  for (const s of scores) await addEntries(db, [], undefined, NOW, s);
  db.close();
}

async function start() {
  const deps: ReviewDeps = { openHistory: () => openHistory(), download: vi.fn(), now: () => NOW };
  stop = mountReview(container, deps).stop;
  await screen.findByRole('heading', { level: 1, name: 'Your Tactful review' });
  return deps;
}

const findings = () => within(container.querySelector<HTMLElement>('#rv-findings')!);
const groupIds = () => [...container.querySelectorAll<HTMLElement>('.rv-group')].map((g) => g.dataset.ruleId);
const group = (ruleId: string) => within(container.querySelector<HTMLElement>(`.rv-group[data-rule-id="${ruleId}"]`)!);
const status = () => findings().getByRole('status').textContent;

describe('review page: findings', () => {
  it('groups findings by rule with the why, a better phrasing, counts and practise links', async () => {
    await seed();
    await start();
    expect(groupIds()).toEqual(['no-blame-shifting', 'no-policy-hiding', 'require-apology']);
    expect(status()).toBe('4 findings in 3 rules.');

    const blame = group('no-blame-shifting');
    expect(blame.getByRole('heading', { level: 3 }).textContent).toBe('Blame-shifting 2 findings');
    expect(blame.getByText('1 of 2 fixed')).toBeTruthy();
    expect(blame.getByText(/customer cares about getting it fixed/)).toBeTruthy();
    // The better phrasing from the rule's examples.
    const better = container.querySelector('.rv-group[data-rule-id="no-blame-shifting"] .rv-better')!;
    expect(better.textContent).toContain('the cook forgot');
    expect(better.textContent).toContain('we forgot');
    const link = blame.getByRole('link', { name: 'Practise this (Blame-shifting)' });
    expect(link.getAttribute('href')).toBe('/practice.html#exercise=no-blame-shifting');
    expect(practiceHref('no-shouting')).toBe('/practice.html#exercise=no-shouting');
  });

  it('marks the flagged words and shows the rewrite, outcome, site and date of each finding', async () => {
    await seed();
    await start();
    const items = container.querySelectorAll('.rv-group[data-rule-id="no-blame-shifting"] .rv-entry');
    const [newest, older] = [...items] as HTMLElement[];
    expect(newest!.querySelector('mark')!.textContent).toBe('The courier messed up');
    expect(newest!.querySelector('.rv-suggestion')!.textContent).toBe('We messed up your order.');
    expect(within(newest!).getByText('Fixed')).toBeTruthy();
    expect(within(newest!).getByText('mail.google.com')).toBeTruthy();
    expect(newest!.querySelector('time')!.getAttribute('datetime')).toBe(new Date(NOW - HOUR).toISOString());
    expect(older!.querySelector('mark')!.textContent).toBe("the warehouse team's fault");
    expect(within(older!).getByText('Dismissed')).toBeTruthy();
    expect(within(older!).getByText('No rewrite offered for this one.')).toBeTruthy();
    // A missing piece (an apology) has no sentence: it says so.
    expect(group('require-apology').getByText('Something was missing from the reply here.')).toBeTruthy();
    expect(group('require-apology').getByText('Left as is')).toBeTruthy();
  });

  it('filters by rule', async () => {
    await seed();
    await start();
    fireEvent.input(findings().getByLabelText('Rule'), { target: { value: 'no-policy-hiding' } });
    await waitFor(() => expect(groupIds()).toEqual(['no-policy-hiding']));
    expect(status()).toBe('1 finding in 1 rule (of 4).');
    // Options name rules the way people read them.
    const options = [...findings().getByLabelText<HTMLSelectElement>('Rule').options].map((o) => o.textContent);
    expect(options).toEqual(['All rules', 'Blame-shifting', 'Hiding behind policy', 'Missing apology']);
  });

  it('filters by site', async () => {
    await seed();
    await start();
    fireEvent.input(findings().getByLabelText('Site'), { target: { value: 'acme.zendesk.com' } });
    await waitFor(() => expect(groupIds()).toEqual(['no-blame-shifting', 'no-policy-hiding']));
    expect(container.querySelectorAll('.rv-entry')).toHaveLength(2);
  });

  it('filters by a date range of whole days', async () => {
    await seed();
    await start();
    fireEvent.change(findings().getByLabelText('From'), { target: { value: day(NOW - 10 * DAY) } });
    fireEvent.change(findings().getByLabelText('To'), { target: { value: day(NOW - 3 * DAY) } });
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(2));
    expect(groupIds()).toEqual(['no-blame-shifting', 'no-policy-hiding']);
    expect(container.querySelector('.rv-group[data-rule-id="no-blame-shifting"] mark')!.textContent).toBe(
      "the warehouse team's fault",
    );
  });

  it('searches the sentences, and says when nothing matches', async () => {
    await seed();
    await start();
    fireEvent.input(findings().getByRole('searchbox', { name: 'Search' }), { target: { value: 'WAREHOUSE' } });
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(1));
    fireEvent.input(findings().getByRole('searchbox', { name: 'Search' }), { target: { value: 'no such words' } });
    await findings().findByText(/Nothing matches these filters/);
    expect(status()).toBe('0 findings in 0 rules (of 4).');
    fireEvent.click(findings().getAllByRole('button', { name: 'Reset filters' })[0]!);
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(4));
    expect(findings().getByRole<HTMLInputElement>('searchbox').value).toBe('');
  });

  it('says what to do when there is no history yet, or when history is off', async () => {
    await start();
    expect(findings().getByText(/Nothing flagged yet/)).toBeTruthy();
    expect(findings().getByRole('link', { name: 'practice page' }).getAttribute('href')).toBe(
      '/practice.html#exercise=any',
    );
    expect(screen.getByText(/Progress appears here once/)).toBeTruthy();
    await historySettings.setValue({ enabled: false, retentionDays: 90 });
    await findings().findByText(/History is off, so nothing is kept/);
  });
});

describe('review page: settings', () => {
  it('clears the history only after the agent confirms', async () => {
    await seed();
    await start();
    const settings = within(container.querySelector<HTMLElement>('#rv-settings')!);
    fireEvent.click(settings.getByRole('button', { name: 'Clear history' }));
    expect(settings.getByText(/Clear all 4 findings and tone scores/)).toBeTruthy();
    // Focus goes to the safe choice.
    expect(document.activeElement).toBe(settings.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(settings.getByRole('button', { name: 'Cancel' }));
    expect(settings.queryByText(/Clear all/)).toBeNull();
    expect(container.querySelectorAll('.rv-entry')).toHaveLength(4);

    fireEvent.click(settings.getByRole('button', { name: 'Clear history' }));
    fireEvent.click(settings.getByRole('button', { name: 'Yes, clear history' }));
    await findings().findByText(/Nothing flagged yet/);
    expect(settings.getByText('History cleared.')).toBeTruthy();
    const db = await openHistory();
    expect(await queryHistory(db)).toEqual([]);
    db.close();
  });

  it('exports the findings shown as CSV', async () => {
    await seed();
    const deps = await start();
    const settings = within(container.querySelector<HTMLElement>('#rv-settings')!);
    fireEvent.click(settings.getByRole('button', { name: 'Export CSV' }));
    expect(deps.download).toHaveBeenCalledTimes(1);
    const [name, csv, type] = vi.mocked(deps.download).mock.calls[0]!;
    expect(name).toBe(CSV_FILE);
    expect(type).toMatch(/^text\/csv/);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('time,rule,level,outcome,site,sentence,flagged,suggestion');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(
      `${new Date(NOW - HOUR).toISOString()},no-blame-shifting,warning,fixed,mail.google.com,The courier messed up your order.,The courier messed up,We messed up your order.`,
    );

    // With a filter, only what is shown.
    fireEvent.input(findings().getByLabelText('Rule'), { target: { value: 'no-policy-hiding' } });
    await waitFor(() => expect(groupIds()).toEqual(['no-policy-hiding']));
    fireEvent.click(settings.getByRole('button', { name: 'Export CSV' }));
    const filtered = vi.mocked(deps.download).mock.calls[1]![1].trimEnd().split('\r\n');
    expect(filtered).toHaveLength(2);
    expect(filtered[1]).toContain('Per our policy we cannot refund it.');
  });

  it('turns the history off and on with a switch', async () => {
    await start();
    const toggle = screen.getByRole('switch', { name: 'Keep history' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('false'));
    expect((await historySettings.getValue()).enabled).toBe(false);
    expect(screen.getByText(/Off: nothing new is kept/)).toBeTruthy();
    fireEvent.click(toggle);
    await waitFor(() => expect(toggle.getAttribute('aria-checked')).toBe('true'));
    expect((await historySettings.getValue()).enabled).toBe(true);
  });

  it('keeps findings for the days chosen, removing older ones at once', async () => {
    await seed([...SEED, entry({ at: NOW - 45 * DAY, sentence: 'Old: the courier messed up.' })]);
    await start();
    expect(container.querySelectorAll('.rv-entry')).toHaveLength(5);
    const days = screen.getByRole<HTMLInputElement>('spinbutton', { name: 'Keep findings for' });
    expect(days.value).toBe('90');
    fireEvent.input(days, { target: { value: '30' } });
    fireEvent.change(days);
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(4));
    expect(await historySettings.getValue()).toEqual({ enabled: true, retentionDays: 30 });
    // Out of range is brought into range.
    fireEvent.input(days, { target: { value: '5000' } });
    fireEvent.change(days);
    await waitFor(async () => expect((await historySettings.getValue()).retentionDays).toBe(365));
    await waitFor(() => expect(days.value).toBe('365'));
    // The prune that follows is done once the list is read again.
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(4));
  });
});

describe('review page: never-flag list', () => {
  it('lists the phrases and removes one', async () => {
    await ignoredPhrases.setValue([
      { ruleId: 'no-policy-hiding', phrase: 'per our policy', at: NOW - DAY },
      { ruleId: 'no-condescension', phrase: 'obviously', at: NOW },
    ]);
    await start();
    const list = within(container.querySelector<HTMLElement>('#rv-ignored')!);
    expect(list.getByText('per our policy')).toBeTruthy();
    expect(list.getByText('Hiding behind policy')).toBeTruthy();
    fireEvent.click(list.getByRole('button', { name: 'Remove “per our policy” (Hiding behind policy)' }));
    await waitFor(() => expect(list.queryByText('per our policy')).toBeNull());
    expect(list.getByText('obviously')).toBeTruthy();
    expect(await ignoredPhrases.getValue()).toEqual([{ ruleId: 'no-condescension', phrase: 'obviously', at: NOW }]);
    fireEvent.click(list.getByRole('button', { name: 'Remove “obviously” (Condescension)' }));
    await list.findByText(/No phrases here/);
  });
});

describe('review page: progress', () => {
  it('draws flags per rule, fix rate and tone score, with the figures as tables and the trend lists', async () => {
    await seed([
      ...SEED,
      // Five blame flags five weeks ago: blame is improving.
      ...Array.from({ length: 5 }, (_, i) => entry({ at: NOW - 5 * 7 * DAY - i * HOUR })),
    ]);
    await start();
    const progress = within(container.querySelector<HTMLElement>('#rv-progress')!);
    await waitFor(() => expect(charts).toHaveLength(3));
    expect(charts.map((c) => c.series)).toEqual([
      ['Blame-shifting', 'Hiding behind policy', 'Missing apology'],
      ['Fixed'],
      ['Average tone score'],
    ]);
    // This week: 1 blame flag (fixed) of 2 findings: 50 %; score 80.
    const [flags, fixed, score] = charts.map((c) => c.data as (number | null)[][]);
    expect(flags![1]!.at(-1)).toBe(1);
    expect(fixed![1]!.at(-1)).toBe(50);
    expect(score![1]!.at(-1)).toBe(80);
    const improving = within(progress.getByRole('heading', { name: 'Improving' }).parentElement!);
    expect(improving.getByText('Blame-shifting')).toBeTruthy();
    expect(improving.getByText('2 in the last 4 weeks, down from 5')).toBeTruthy();
    const frequent = within(progress.getByRole('heading', { name: 'Still frequent' }).parentElement!);
    expect(frequent.getAllByRole('listitem').map((li) => li.dataset.ruleId)).toEqual([
      'no-blame-shifting',
      'no-policy-hiding',
      'require-apology',
    ]);
    // Each chart has its figures as a table, for screen readers and keyboards.
    const table = progress.getByRole('table', { name: 'Fix rate per week' });
    expect(within(table).getAllByRole('row')).toHaveLength(13);
    expect(within(table).getAllByRole('cell').at(-1)!.textContent).toBe('50%');
    // Progress covers the whole history: searching the findings neither changes nor redraws it.
    fireEvent.input(findings().getByRole('searchbox', { name: 'Search' }), { target: { value: 'courier' } });
    await waitFor(() => expect(container.querySelectorAll('.rv-entry')).toHaveLength(6));
    expect(charts).toHaveLength(3);
  });
});
