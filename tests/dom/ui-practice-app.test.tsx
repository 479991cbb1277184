import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPractice, type PracticeOptions } from '../../entrypoints/practice/app';
import { withRulesOff } from '../../entrypoints/practice/coach';
import { EXAMPLE } from '../../entrypoints/practice/example';
import { createLinter } from '../../src/engine';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { savedPractice } from '../../src/settings/practice';
import { disabledRules } from '../../src/settings/sites';

// The practice page's wiring with the real engine and rule pack, and WXT's fake browser storage.

const engine: PracticeOptions['engine'] = Promise.resolve((off) => createLinter(withRulesOff(defaultRuleSet, off)));

describe('the practice linter', () => {
  it('keeps the learned heads with the rules, so classifier rules coach here too', () => {
    const ruleSet = withRulesOff(defaultRuleSet, new Set(['no-shouting']));
    expect(ruleSet.models).toBe(defaultRuleSet.models);
    // No phrase pattern names this: only the learned head sees the blame.
    const report = createLinter(ruleSet).lint('Our courier partner was short of drivers that day.', {
      channel: 'email',
    });
    expect(report.findings.map((f) => f.ruleId)).toContain('no-blame-shifting');
  });
});

const stops: Array<() => void> = [];
let container: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  cleanup();
  container.remove();
});

async function open(options: Partial<PracticeOptions> = {}) {
  stops.push(await startPractice(container, { engine, lintDelayMs: 0, saveDelayMs: 0, ...options }));
  // The coach has run once the score shows (or, for a blank draft, the invitation).
  await waitFor(() => expect(container.querySelector('#score, .findings-invite')?.textContent).toMatch(/\d|Write/));
}

/** Reopens the page on the same storage, as a reload does. */
async function reload(options: Partial<PracticeOptions> = {}) {
  for (const stop of stops.splice(0)) stop();
  await open(options);
}

const draft = () => screen.getByLabelText('Your reply', { selector: 'textarea' }) as HTMLTextAreaElement;
const customer = () => screen.getByLabelText("Customer's message") as HTMLTextAreaElement;
const rulesShown = () =>
  Array.from(container.querySelectorAll('.finding-list > li'), (li) => li.getAttribute('data-rule-id'));
const score = () => container.querySelector('#score')?.textContent ?? null;

describe('practice page with the real engine', () => {
  it('starts with the example when nothing was saved', async () => {
    await open();
    expect(draft().value).toBe(EXAMPLE.draft);
    expect(customer().value).toBe(EXAMPLE.customerMessage);
    expect(rulesShown()).toContain('no-shouting');
  });

  it('leaves out rules turned off in options, and follows when they change', async () => {
    await disabledRules.setValue(['no-shouting']);
    await open();
    expect(rulesShown()).not.toContain('no-shouting');
    expect(rulesShown()).toContain('no-condescension');
    const scoreWithout = Number(score());

    await disabledRules.setValue([]);
    await waitFor(() => expect(rulesShown()).toContain('no-shouting'));
    // Turned-off rules cost nothing in the score either.
    expect(Number(score())).toBeLessThan(scoreWithout);

    await disabledRules.setValue(['no-shouting', 'no-condescension']);
    await waitFor(() => expect(rulesShown()).not.toContain('no-condescension'));
    expect(rulesShown()).not.toContain('no-shouting');
  });

  it('lints a long draft in slices, a task apart, and shows only the finished report', async () => {
    // Every slice gets 1 ms (the page gives 250): a long draft takes many; each reads further.
    const budgets: Array<number | undefined> = [];
    const slicing: PracticeOptions['engine'] = Promise.resolve((off) => {
      const inner = createLinter(withRulesOff(defaultRuleSet, off));
      return {
        ...inner,
        lint(text, options) {
          budgets.push(options.timeBudgetMs);
          return inner.lint(text, { ...options, timeBudgetMs: 1 });
        },
      };
    });
    await open({ engine: slicing });
    const sentence = 'The courier lost your parcel and that is not my department. ';
    budgets.length = 0;
    fireEvent.input(draft(), { target: { value: `Hi Dana,\n${sentence.repeat(400)}WAIT!!!` } });
    // Done when all 400 deflections are listed (the example before had at most one).
    await waitFor(() => expect(rulesShown().filter((id) => id === 'no-deflection').length).toBe(400), {
      timeout: 10_000,
    });
    expect(rulesShown()).toContain('no-shouting');
    expect(budgets.length).toBeGreaterThan(1);
    expect(budgets.every((b) => b === 250)).toBe(true);
    expect(container.querySelector('.findings-partial')).toBeNull();
  });

  it('shows no score and no findings once the draft is emptied, only an invitation', async () => {
    await open();
    fireEvent.input(draft(), { target: { value: ' \n ' } });
    await waitFor(() => expect(screen.getByText('Write or paste a draft reply to get coached.')).toBeTruthy());
    expect(score()).toBeNull();
    expect(rulesShown()).toEqual([]);
  });

  it('keeps the last draft and customer message across a reload', async () => {
    await open();
    fireEvent.input(customer(), { target: { value: 'Where is my parcel?' } });
    fireEvent.input(draft(), { target: { value: 'Hi Sam, please WAIT until it arrives!!!' } });
    await waitFor(async () =>
      expect((await savedPractice.getValue())?.draft).toBe('Hi Sam, please WAIT until it arrives!!!'),
    );

    await reload();
    expect(draft().value).toBe('Hi Sam, please WAIT until it arrives!!!');
    expect(customer().value).toBe('Where is my parcel?');
    await waitFor(() => expect(rulesShown()).toContain('no-shouting'));
  });

  it('keeps a blank draft blank after a reload (the example only when nothing was saved)', async () => {
    await open();
    fireEvent.input(draft(), { target: { value: '' } });
    await waitFor(async () => expect((await savedPractice.getValue())?.draft).toBe(''));
    await reload();
    expect(draft().value).toBe('');
  });

  it('saves at once when the page is left, not only after the typing pause', async () => {
    await open({ saveDelayMs: 60_000 });
    fireEvent.input(draft(), { target: { value: 'Typed just before the reload' } });
    expect(await savedPractice.getValue()).toBeNull();
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(async () => expect((await savedPractice.getValue())?.draft).toBe('Typed just before the reload'));
  });

  it('waits for a pause in typing before writing to storage', async () => {
    await open({ saveDelayMs: 60_000 });
    const writes: unknown[] = [];
    const unwatch = savedPractice.watch((v) => writes.push(v));
    fireEvent.input(draft(), { target: { value: 'a' } });
    fireEvent.input(draft(), { target: { value: 'ab' } });
    fireEvent.input(draft(), { target: { value: 'abc' } });
    window.dispatchEvent(new Event('pagehide'));
    await waitFor(() => expect(writes.length).toBe(1));
    expect((writes[0] as { draft: string }).draft).toBe('abc');
    unwatch();
  });

  it('brings the example back, and the draft it replaced with Undo', async () => {
    await open();
    fireEvent.input(draft(), { target: { value: 'My own reply' } });
    fireEvent.input(customer(), { target: { value: 'My own customer' } });

    fireEvent.click(screen.getByRole('button', { name: 'Restore example' }));
    expect(draft().value).toBe(EXAMPLE.draft);
    expect(customer().value).toBe(EXAMPLE.customerMessage);
    await waitFor(() => expect(rulesShown()).toContain('no-shouting'));

    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(draft().value).toBe('My own reply');
    expect(customer().value).toBe('My own customer');
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
  });
});
