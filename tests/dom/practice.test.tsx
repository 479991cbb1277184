import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine';
import { rebaseFindings } from '../../src/state/practice';
import { FindingList } from '../../src/ui/practice/FindingList';
import { buildMarks, type MarkNode } from '../../src/ui/practice/marks';

const finding = (start: number, end: number, text: string, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'no-policy-hiding',
  level: 'warning',
  message: 'Explain the reason instead of quoting policy.',
  why: 'Policies exist to serve customers.',
  start,
  end,
  actual: text.slice(start, end),
  fixes: [{ label: 'Replace with “here is why”', start, end, text: 'here is why' }],
  ...extra,
});

const flatten = (nodes: MarkNode[]): string =>
  nodes.map((n) => (typeof n === 'string' ? n : flatten(n.children))).join('');

describe('buildMarks', () => {
  it('keeps every character in place, nesting and cutting overlapping findings', () => {
    const text = 'Per our policy, as I already said, no.';
    const fs = [finding(0, 14, text), finding(4, 14, text), finding(10, 25, text)];
    const nodes = buildMarks(text, fs);
    expect(flatten(nodes)).toBe(text);
    const top = nodes.filter((n) => typeof n !== 'string');
    expect(top.map((n) => (typeof n === 'string' ? '' : n.index))).toEqual([0, 2]);
  });

  it('clamps findings that point past the text', () => {
    expect(flatten(buildMarks('short', [finding(3, 99, 'short')]))).toBe('short');
  });
});

describe('rebaseFindings', () => {
  const before = 'Hello. Per our policy, no.';
  const f = finding(7, 21, before);
  it('shifts findings after an edit before them', () => {
    const after = 'Hello there. Per our policy, no.';
    const [moved] = rebaseFindings([f], before, after);
    expect(after.slice(moved!.start, moved!.end)).toBe('Per our policy');
    expect(after.slice(moved!.fixes[0]!.start, moved!.fixes[0]!.end)).toBe('Per our policy');
  });
  it('drops findings the edit touched', () => {
    expect(rebaseFindings([f], before, 'Hello. Per my policy, no.')).toEqual([]);
  });
});

describe('FindingList', () => {
  it('shows the message, why and one button per fix, and sends the fix as an intent', () => {
    const text = 'Per our policy, no.';
    const onApplyFix = vi.fn();
    render(<FindingList findings={[finding(0, 14, text)]} draftEmpty={false} onApplyFix={onApplyFix} />);
    expect(screen.getByText('Explain the reason instead of quoting policy.')).toBeTruthy();
    expect(screen.getByText('Policies exist to serve customers.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /here is why/ }));
    expect(onApplyFix).toHaveBeenCalledWith({
      label: 'Replace with “here is why”',
      start: 0,
      end: 14,
      text: 'here is why',
    });
  });

  it('says so when there is nothing to coach', () => {
    render(<FindingList findings={[]} draftEmpty={false} onApplyFix={() => {}} />);
    expect(screen.getByText(/Nothing to coach/)).toBeTruthy();
  });
});
