import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine';
import { FindingList } from '../../src/ui/practice/FindingList';
import { PracticePage, type PracticePageProps } from '../../src/ui/practice/PracticePage';

afterEach(cleanup);

/** What the engine says about an empty draft: a require rule misses its greeting. */
const missingGreeting: Finding = {
  ruleId: 'require-greeting',
  level: 'info',
  message: "Open with a greeting, using the customer's name when you know it.",
  why: 'A greeting makes the reply personal.',
  start: 0,
  end: 0,
  actual: '',
  fixes: [{ label: 'Add “Hi,”', start: 0, end: 0, text: 'Hi,\n' }],
};

function page(overrides: Partial<PracticePageProps> = {}) {
  const props: PracticePageProps = {
    customerMessage: '',
    customerName: '',
    draft: 'Thanks for writing.',
    channel: 'email',
    score: 80,
    findings: [missingGreeting],
    draftRef: createRef(),
    onCustomerMessage: vi.fn(),
    onCustomerName: vi.fn(),
    onDraft: vi.fn(),
    onChannel: vi.fn(),
    onApplyFix: vi.fn(),
    onRestoreExample: vi.fn(),
    onUndoExample: vi.fn(),
    ...overrides,
  };
  return { ...props, view: render(<PracticePage {...props} />) };
}

describe('practice page', () => {
  it('shows the score and findings of a draft', () => {
    const { view } = page();
    expect(view.container.querySelector('#score')?.textContent).toBe('80');
    expect(screen.getByText(missingGreeting.message)).toBeTruthy();
  });

  it.each(['', '   \n\t '])('shows no score and no findings for a blank draft (%j), only an invitation', (draft) => {
    const { view } = page({ draft });
    expect(view.container.querySelector('#score')).toBeNull();
    expect(view.container.textContent).not.toMatch(/Tone score/);
    expect(screen.queryByText(missingGreeting.message)).toBeNull();
    expect(view.container.querySelector('.draft-mirror mark')).toBeNull();
    expect(screen.getByText('Write or paste a draft reply to get coached.')).toBeTruthy();
  });

  it('offers the example back, and an undo once it has replaced a draft', () => {
    const first = page();
    fireEvent.click(screen.getByRole('button', { name: 'Restore example' }));
    expect(first.onRestoreExample).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    cleanup();

    const after = page({ canUndoExample: true });
    const status = after.view.container.querySelector('.restore-status')!;
    expect(status.getAttribute('role')).toBe('status');
    expect(status.textContent).toMatch(/The example replaced your draft/);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(after.onUndoExample).toHaveBeenCalledTimes(1);
  });
});

describe('practice findings', () => {
  it("names the rule in words and its level as everywhere else, without the rule's id", () => {
    const view = render(<FindingList findings={[missingGreeting]} draftEmpty={false} onApplyFix={() => {}} />);
    const item = view.container.querySelector('li')!;
    expect(item.querySelector('.finding-level')!.textContent).toBe('Tip');
    expect(item.querySelector('.finding-name')!.textContent).toBe('Missing greeting');
    expect(item.textContent).not.toContain('require-greeting');
  });

  it('says when only part of the draft was checked in time, and never calls it a nice reply then', () => {
    const partly = { checkedTo: 120, budgetMs: 2000 };
    const view = render(<FindingList findings={[]} draftEmpty={false} incomplete={partly} onApplyFix={() => {}} />);
    expect(view.container.querySelector('.findings-partial')!.textContent).toMatch(
      /Only part of this draft was checked/,
    );
    expect(view.container.textContent).toContain('Nothing to coach in the part checked');
    expect(view.container.textContent).not.toContain('nice reply');
    view.rerender(<FindingList findings={[]} draftEmpty={false} onApplyFix={() => {}} />);
    expect(view.container.querySelector('.findings-partial')).toBeNull();
    expect(view.container.textContent).toContain('Nothing to coach — nice reply');
  });
});
