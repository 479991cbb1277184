import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding, Level } from '../../src/engine';
import { Badge, badgeLabel, type BadgeProps } from '../../src/ui/coach/Badge';
import { FindingsPanel } from '../../src/ui/coach/FindingsPanel';

afterEach(cleanup);

const f = (ruleId: string, level: Level, message: string, actual: string, start = 0): Finding => ({
  ruleId,
  level,
  message,
  why: 'Because.',
  start,
  end: start + actual.length,
  actual,
  fixes: [],
});

const findings = [
  f('no-blame-shifting', 'error', 'Own the mistake.', 'the warehouse messed up', 0),
  f('no-shouting', 'warning', 'Avoid capitals.', 'NOW', 40),
  f('no-condescension', 'warning', 'Drop the reproach.', 'as I already said', 60),
  f('require-apology', 'info', 'Apologise for the trouble.', '', 0),
];

function setup(overrides: Partial<BadgeProps> = {}) {
  const props: BadgeProps = {
    report: { findings, score: 84 },
    open: false,
    position: { left: 300, top: 200 },
    onToggle: vi.fn(),
    onSelectFinding: vi.fn(),
    ...overrides,
  };
  const view = render(<Badge {...props} />);
  return { ...props, view };
}

describe('Badge', () => {
  it('names itself with the count and the score', () => {
    setup({ report: { findings: findings.slice(0, 2), score: 84 } });
    expect(screen.getByRole('button', { name: 'Tactful: 1 error, 1 warning, tone score 84' })).toBeTruthy();
    expect(badgeLabel({ findings: findings.slice(0, 1), score: 91 })).toBe('Tactful: 1 error, tone score 91');
    expect(badgeLabel({ findings, score: 60 })).toBe('Tactful: 1 error, 2 warnings, 1 tip, tone score 60');
    expect(badgeLabel(null)).toBe('Tactful: checking the draft');
  });

  it('says in its name and its panel when only part of the draft was checked in time', () => {
    const partly = { findings: findings.slice(0, 1), score: 91, incomplete: { checkedTo: 40, budgetMs: 2000 } };
    expect(badgeLabel(partly)).toBe('Tactful: 1 error, tone score 91, draft only partly checked');
    const { view } = setup({ report: partly, open: true });
    expect(screen.getByRole('button', { name: badgeLabel(partly) })).toBeTruthy();
    const panel = within(view.container as HTMLElement).getByRole('region', { name: 'Tactful suggestions' });
    expect(panel.querySelector('.tf-panel-partial')!.textContent).toMatch(/Only part of this draft was checked/);
    cleanup();
    const clean = setup({ report: { ...partly, findings: [] }, open: true }).view;
    expect(clean.container.textContent).toContain('Nothing to coach in the part checked');
  });

  it('shows a count per level, most serious first, and the score', () => {
    const { view } = setup();
    const counts = Array.from(view.container.querySelectorAll<HTMLElement>('.tf-count')).map((el) => [
      el.dataset.level,
      el.textContent,
    ]);
    expect(counts).toEqual([
      ['error', '1'],
      ['warning', '2'],
      ['info', '1'],
    ]);
    expect(view.container.querySelector('.tf-score')?.textContent).toBe('84');
    expect(screen.getByRole('button').getAttribute('title')).toBe('1 error, 2 warnings, 1 tip');
  });

  it('shows a check mark when there is nothing to coach', () => {
    const { view } = setup({ report: { findings: [], score: 100 } });
    expect(screen.getByRole('button', { name: 'Tactful: no issues, tone score 100' })).toBeTruthy();
    expect(view.container.querySelector('.tf-check')?.textContent).toBe('✓');
    expect(view.container.querySelector('.tf-count')).toBeNull();
  });

  it('shows a busy state while loading', () => {
    const { view } = setup({ report: null });
    const button = screen.getByRole('button', { name: 'Tactful: checking the draft' });
    expect(button.getAttribute('aria-busy')).toBe('true');
    expect(view.container.querySelector('.tf-spinner')).not.toBeNull();
  });

  it('sits at its position and toggles the panel', () => {
    const { onToggle, view } = setup();
    const wrap = view.container.querySelector<HTMLElement>('.tf-badge-wrap')!;
    expect([wrap.style.left, wrap.style.top]).toEqual(['300px', '200px']);
    const button = screen.getByRole('button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('region')).toBeNull();
    fireEvent.click(button);
    expect(onToggle).toHaveBeenCalledTimes(1);
  });

  it('opens the panel with every finding and selects one', () => {
    const { onSelectFinding } = setup({ open: true });
    const toggle = screen.getByRole('button', { name: /^Tactful:/ });
    const panel = screen.getByRole('region', { name: 'Tactful suggestions' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(panel.id);
    const items = within(panel).getAllByRole('button');
    expect(items).toHaveLength(4);
    expect(items[1]!.textContent).toContain('Avoid capitals.');
    expect(items[1]!.textContent).toContain('NOW');
    fireEvent.click(items[2]!);
    expect(onSelectFinding).toHaveBeenCalledWith(2);
  });

  it('closes the panel on Escape and gives focus back to the badge', () => {
    const { onToggle } = setup({ open: true });
    const item = within(screen.getByRole('region')).getAllByRole('button')[0]!;
    item.focus();
    fireEvent.keyDown(item, { key: 'Escape' });
    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /^Tactful:/ }));
  });
});

describe('FindingsPanel', () => {
  it('has an empty state', () => {
    render(<FindingsPanel findings={[]} onSelectFinding={() => {}} />);
    expect(screen.getByText(/Nothing to coach/)).toBeTruthy();
    expect(screen.queryAllByRole('button')).toHaveLength(0);
  });

  it('says it is checking while the report is loading', () => {
    render(<FindingsPanel findings={null} onSelectFinding={() => {}} />);
    expect(screen.getByText(/Checking the draft/)).toBeTruthy();
  });

  it('marks the open finding and moves with the arrow keys', () => {
    render(<FindingsPanel findings={findings} activeIndex={1} onSelectFinding={() => {}} />);
    const items = screen.getAllByRole('button');
    expect(items.map((b) => b.getAttribute('aria-current'))).toEqual([null, 'true', null, null]);
    items[0]!.focus();
    fireEvent.keyDown(items[0]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[1]);
    fireEvent.keyDown(items[1]!, { key: 'End' });
    expect(document.activeElement).toBe(items[3]);
    fireEvent.keyDown(items[3]!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(items[0]);
    fireEvent.keyDown(items[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(items[3]);
  });

  it('gives each entry its level in words for screen readers', () => {
    render(<FindingsPanel findings={findings} onSelectFinding={() => {}} />);
    expect(screen.getByRole('button', { name: /^Error: Own the mistake\./ })).toBeTruthy();
    expect(screen.getByRole('button', { name: /^Tip: Apologise/ })).toBeTruthy();
  });
});
