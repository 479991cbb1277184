import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startPractice, type PracticeOptions } from '../../entrypoints/practice/app';
import { withRulesOff } from '../../entrypoints/practice/coach';
import { exerciseFromHash, loadBuiltExercises } from '../../entrypoints/practice/exercises';
import { createLinter } from '../../src/engine';
import { drawNext, type Exercise } from '../../src/exercises';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { exerciseProgress } from '../../src/settings/exercises';
import { savedPractice } from '../../src/settings/practice';

// The exercises of the practice page, wired as the page wires them: the real engine and rule pack,
// the derived rules/exercises.json and WXT's fake browser storage.

const engine: PracticeOptions['engine'] = Promise.resolve((off) => createLinter(withRulesOff(defaultRuleSet, off)));
const stops: Array<() => void> = [];
let container: HTMLElement;
let all: readonly Exercise[];

beforeEach(async () => {
  fakeBrowser.reset();
  // happy-dom has no editing commands: the fix then goes through setRangeText and an input event.
  if (typeof document.execCommand !== 'function')
    Object.defineProperty(document, 'execCommand', { value: () => false, configurable: true });
  history.replaceState(null, '', '/practice.html');
  all = await loadBuiltExercises();
  container = document.createElement('div');
  document.body.append(container);
});

afterEach(() => {
  for (const stop of stops.splice(0)) stop();
  cleanup();
  container.remove();
  history.replaceState(null, '', '/practice.html');
});

async function open(hash = '') {
  history.replaceState(null, '', `/practice.html${hash}`);
  stops.push(await startPractice(container, { engine, lintDelayMs: 0, saveDelayMs: 0 }));
}

const task = () => container.querySelector('.exercise-task');
const rewrite = () => screen.getByLabelText('Your rewrite', { selector: 'textarea' }) as HTMLTextAreaElement;
const status = () => container.querySelector('.exercise-status')?.textContent ?? '';
const streak = () => container.querySelector('.exercise-streak')?.textContent;
const ruleFixes = (ruleId: string) =>
  Array.from(container.querySelectorAll<HTMLButtonElement>(`.finding[data-rule-id="${ruleId}"] .fix-button`));

/** Waits for an exercise of `ruleId` and for the coach to have flagged it. */
async function exerciseShown(ruleId: string): Promise<string> {
  await waitFor(() => expect(task()?.getAttribute('data-rule-id')).toBe(ruleId));
  await waitFor(() => expect(container.querySelector(`.finding[data-rule-id="${ruleId}"]`)).not.toBeNull());
  return task()!.getAttribute('data-exercise-id')!;
}

/** Clicks the rule's first fix until the exercise is marked done (a reply may need two). */
async function completeByFixes(ruleId: string) {
  for (let i = 0; i < 5 && !status().includes('Done'); i++) {
    await waitFor(() => expect(ruleFixes(ruleId).length > 0 || status().includes('Done')).toBe(true));
    if (status().includes('Done')) break;
    const before = rewrite().value;
    fireEvent.click(ruleFixes(ruleId)[0]!);
    await waitFor(() => expect(rewrite().value).not.toBe(before));
    await waitFor(() =>
      expect(status().includes('Done') || container.querySelector(`.finding[data-rule-id="${ruleId}"]`) !== null).toBe(
        true,
      ),
    );
  }
  await waitFor(() => expect(status()).toMatch(/Done/));
}

describe('exercises on the practice page', () => {
  it('reads the deep link #exercise=<ruleId>', () => {
    expect(exerciseFromHash('#exercise=no-shouting')).toBe('no-shouting');
    expect(exerciseFromHash('#exercise=any')).toBe('any');
    expect(exerciseFromHash('#other')).toBeNull();
  });

  it('opens an exercise for the rule of the deep link, the first of its seeded order', async () => {
    await open('#exercise=no-blame-shifting');
    const id = await exerciseShown('no-blame-shifting');
    const first = drawNext(all, 'no-blame-shifting')!.exercise;
    expect(id).toBe(first.id);
    expect(rewrite().value).toBe(first.reply);
    expect(container.querySelector('.exercise-customer')?.textContent).toBe(first.customerMessage);
    expect(screen.getByRole('tab', { name: 'Exercises' }).getAttribute('aria-selected')).toBe('true');
    expect((screen.getByLabelText('Rule') as HTMLSelectElement).value).toBe('no-blame-shifting');
  });

  it('draws without repeats, and the order survives a reload', async () => {
    await open('#exercise=no-shouting');
    const seen = [await exerciseShown('no-shouting')];
    fireEvent.click(screen.getByRole('button', { name: 'Next exercise' }));
    await waitFor(() => expect(task()?.getAttribute('data-exercise-id')).not.toBe(seen[0]));
    seen.push(task()!.getAttribute('data-exercise-id')!);
    await waitFor(async () => expect((await exerciseProgress.getValue()).cursors['no-shouting']?.next).toBe(2));
    for (const stop of stops.splice(0)) stop();
    cleanup();
    await open('#exercise=no-shouting');
    seen.push(await exerciseShown('no-shouting'));
    expect(new Set(seen).size).toBe(3);
    const pool = all.filter((e) => e.ruleId === 'no-shouting');
    expect(seen.every((id) => pool.some((e) => e.id === id))).toBe(true);
  });

  it('picks a rule by its name, or any rule, from the list', async () => {
    await open();
    fireEvent.click(screen.getByRole('tab', { name: 'Exercises' }));
    await waitFor(() => expect(task()).not.toBeNull());
    expect(location.hash).toBe('#exercise=any');
    const select = screen.getByLabelText('Rule') as HTMLSelectElement;
    const shouting = Array.from(select.options).find((o) => o.textContent === 'Shouting')!;
    select.value = shouting.value;
    fireEvent.input(select);
    await exerciseShown('no-shouting');
    expect(location.hash).toBe('#exercise=no-shouting');
  });

  it('gives the rule’s message and why, then the flagged words, as hints', async () => {
    await open('#exercise=no-shouting');
    await exerciseShown('no-shouting');
    expect(container.querySelector('.exercise-hint')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Hint' }));
    await waitFor(() => expect(container.querySelector('[data-hint="1"]')?.textContent).toMatch(/shouting/i));
    expect(container.querySelector('[data-hint="1"]')?.textContent).toMatch(/capitals/);
    fireEvent.click(screen.getByRole('button', { name: 'Another hint' }));
    const flagged = container.querySelector('.finding[data-rule-id="no-shouting"] .finding-actual')!.textContent!;
    await waitFor(() => expect(container.querySelector('[data-hint="2"]')?.textContent).toContain(flagged));
    expect((screen.getByRole('button', { name: 'Another hint' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('completes by applying the coach’s fix: full score, streak 1, kept in storage', async () => {
    await open('#exercise=no-shouting');
    await exerciseShown('no-shouting');
    await completeByFixes('no-shouting');
    expect(container.querySelector('.exercise-score')?.textContent).toBe('100');
    expect(streak()).toBe('1');
    const progress = await exerciseProgress.getValue();
    expect(progress.rules['no-shouting']).toEqual({ streak: 1, bestStreak: 1, bestScore: 100, completed: 1 });
    // The free practice draft is the user's own: an exercise never overwrites it.
    expect(await savedPractice.getValue()).toBeNull();
  });

  it('takes 25 points per hint', async () => {
    await open('#exercise=no-shouting');
    await exerciseShown('no-shouting');
    fireEvent.click(screen.getByRole('button', { name: 'Hint' }));
    await completeByFixes('no-shouting');
    expect(container.querySelector('.exercise-score')?.textContent).toBe('75');
  });

  it('shows a good version on request: no points, and the streak starts again', async () => {
    await exerciseProgress.setValue({
      rules: { 'no-shouting': { streak: 3, bestStreak: 3, bestScore: 100, completed: 3 } },
      cursors: {},
    });
    await open('#exercise=no-shouting');
    const id = await exerciseShown('no-shouting');
    expect(streak()).toBe('3');
    fireEvent.click(screen.getByRole('button', { name: 'Show a good version' }));
    const good = all.find((e) => e.id === id)!.good;
    await waitFor(() => expect(container.querySelector('.exercise-good blockquote')?.textContent).toBe(good));
    await waitFor(() => expect(streak()).toBe('0'));
    // Writing the good version in finishes the exercise, for 0 points.
    fireEvent.input(rewrite(), { target: { value: good } });
    await waitFor(() => expect(status()).toMatch(/Done/));
    expect(container.querySelector('.exercise-score')?.textContent).toBe('0');
    expect(container.querySelector('.exercise-best')?.textContent).toBe('3');
  });

  it('is not done while the reply is unchanged or still flagged', async () => {
    await open('#exercise=no-shouting');
    await exerciseShown('no-shouting');
    fireEvent.input(rewrite(), { target: { value: `${rewrite().value} Thanks.` } });
    await waitFor(() => expect(container.querySelector('.finding[data-rule-id="no-shouting"]')).not.toBeNull());
    expect(status()).not.toMatch(/Done/);
  });

  it('keeps free practice as it was when switching back', async () => {
    await open();
    const free = (screen.getByLabelText('Your reply', { selector: 'textarea' }) as HTMLTextAreaElement).value;
    fireEvent.click(screen.getByRole('tab', { name: 'Exercises' }));
    await waitFor(() => expect(task()).not.toBeNull());
    fireEvent.click(screen.getByRole('tab', { name: 'Free practice' }));
    await waitFor(() =>
      expect((screen.getByLabelText('Your reply', { selector: 'textarea' }) as HTMLTextAreaElement).value).toBe(free),
    );
    expect(location.hash).toBe('');
  });
});
