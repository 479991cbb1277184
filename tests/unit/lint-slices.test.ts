// The lint loop of the pages that lint on their own main thread: slices a task apart while each
// reads further, the finished report to `done`, a cancel drops what is still to come.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Report } from '../../src/engine';
import { lintSlices } from '../../src/state/lint-slices';

const report = (checkedTo?: number): Report => ({
  findings: [],
  score: 100,
  sentiment: { score: 0, comparative: 0 },
  ...(checkedTo === undefined ? {} : { incomplete: { checkedTo, budgetMs: 250 } }),
});

afterEach(() => {
  vi.useRealTimers();
});

describe('lint slices', () => {
  it('goes on a task later while each slice reads further, and hands over only the finished report', () => {
    vi.useFakeTimers();
    const answers = [report(10), report(40), report()];
    const budgets: number[] = [];
    const done = vi.fn();
    lintSlices().start((ms) => {
      budgets.push(ms);
      return answers.shift()!;
    }, done);
    // One slice now; the page gets the thread back before the next.
    expect(budgets).toEqual([250]);
    expect(done).not.toHaveBeenCalled();
    vi.runAllTimers();
    expect(budgets).toEqual([250, 250, 250]);
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]![0].incomplete).toBeUndefined();
  });

  it('stops with the partial report when a slice reads no further', () => {
    vi.useFakeTimers();
    const answers = [report(10), report(10)];
    const done = vi.fn();
    lintSlices().start(() => answers.shift()!, done);
    vi.runAllTimers();
    expect(done).toHaveBeenCalledTimes(1);
    expect(done.mock.calls[0]![0].incomplete).toEqual({ checkedTo: 10, budgetMs: 250 });
  });

  it('drops the slices still to come when cancelled or started again', () => {
    vi.useFakeTimers();
    const slices = lintSlices();
    const first = vi.fn();
    slices.start(() => report(10), first);
    slices.cancel();
    vi.runAllTimers();
    expect(first).not.toHaveBeenCalled();
    const second = vi.fn();
    slices.start(() => report(10), first);
    slices.start(() => report(), second);
    vi.runAllTimers();
    expect(first).not.toHaveBeenCalled();
    expect(second).toHaveBeenCalledTimes(1);
  });
});
