import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine';
import { Card, type CardProps } from '../../src/ui/coach/Card';

afterEach(cleanup);

const finding: Finding = {
  ruleId: 'no-policy-hiding',
  level: 'warning',
  message: 'Explain the reason instead of quoting policy.',
  why: 'Policies exist to serve customers; say what you can do.',
  start: 6,
  end: 20,
  actual: 'per our policy',
  fixes: [
    { label: 'Say “because”', start: 6, end: 20, text: 'because' },
    { label: 'Offer what you can do', start: 6, end: 20, text: 'what I can do is' },
  ],
};

function setup(overrides: Partial<CardProps> = {}) {
  const props = {
    finding,
    position: { left: 120, top: 48 },
    onApplyFix: vi.fn(),
    onDismiss: vi.fn(),
    onDisableRule: vi.fn(),
    onClose: vi.fn(),
    ...overrides,
  };
  render(<Card {...props} />);
  return { ...props, dialog: screen.getByRole('dialog') };
}

describe('Card', () => {
  it('offers "Never flag this for me" for flagged words, and only when the page can keep it', () => {
    const onIgnorePhrase = vi.fn();
    setup({ onIgnorePhrase });
    fireEvent.click(screen.getByRole('button', { name: 'Never flag this for me' }));
    expect(onIgnorePhrase).toHaveBeenCalledTimes(1);
    cleanup();
    setup();
    expect(screen.queryByRole('button', { name: 'Never flag this for me' })).toBeNull();
    cleanup();
    // A missing piece (an empty span) has no words to ignore.
    setup({ onIgnorePhrase, finding: { ...finding, start: 0, end: 0, actual: '' } });
    expect(screen.queryByRole('button', { name: 'Never flag this for me' })).toBeNull();
  });

  it('shows level, rule, message, flagged text and why, as a described dialog at its position', () => {
    const { dialog } = setup();
    expect(dialog.getAttribute('aria-label')).toBe('Tactful suggestion: Explain the reason instead of quoting policy.');
    expect(screen.getByText('Warning')).toBeTruthy();
    // The rule by its human name; the id stays in a tooltip for a team lead.
    expect(screen.getByText('Hiding behind policy').getAttribute('title')).toBe('no-policy-hiding');
    expect(screen.getByText('Explain the reason instead of quoting policy.')).toBeTruthy();
    expect(screen.getByText('per our policy').tagName).toBe('Q');
    const describedBy = dialog.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toBe(finding.why);
    expect(dialog.style.left).toBe('120px');
    expect(dialog.style.top).toBe('48px');
    expect(dialog.dataset.ruleId).toBe('no-policy-hiding');
  });

  it('leaves out the flagged text of an insertion (require-* rules)', () => {
    setup({ finding: { ...finding, ruleId: 'require-apology', start: 0, end: 0, actual: '' } });
    expect(document.querySelector('q')).toBeNull();
  });

  it('collapses and expands the why', () => {
    setup();
    const toggle = screen.getByRole('button', { name: /Why/ });
    const why = screen.getByText(finding.why);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-controls')).toBe(why.id);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(why.hidden).toBe(true);
    fireEvent.click(toggle);
    expect(why.hidden).toBe(false);
  });

  it('sends the fix that was clicked', () => {
    const { onApplyFix } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Offer what you can do' }));
    expect(onApplyFix).toHaveBeenCalledTimes(1);
    expect(onApplyFix).toHaveBeenCalledWith(finding.fixes[1]);
  });

  it('dismisses this instance and closes', () => {
    const { onDismiss, onClose } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onClose).toHaveBeenCalledTimes(1);
  });

  it('asks before turning a rule off', () => {
    const { onDisableRule } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule' }));
    expect(onDisableRule).not.toHaveBeenCalled();
    const group = screen.getByRole('group', { name: 'Turn off “Hiding behind policy” everywhere?' });
    expect(group).toBeTruthy();
    // The safe choice has focus, so a second Enter cannot turn the rule off by accident.
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(onDisableRule).toHaveBeenCalledTimes(1);
    expect(onDisableRule).toHaveBeenCalledWith('no-policy-hiding');
  });

  it('cancels the confirmation and gives focus back', () => {
    const { onDisableRule } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group', { name: /everywhere/ })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Turn off this rule' }));
    expect(onDisableRule).not.toHaveBeenCalled();
  });

  it('closes on Escape, cancelling a pending confirmation first', () => {
    const { dialog, onClose, onDisableRule } = setup();
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule' }));
    fireEvent.keyDown(screen.getByRole('button', { name: 'Cancel' }), { key: 'Escape' });
    expect(onClose).not.toHaveBeenCalled();
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Dismiss' }), { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(1);
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onDisableRule).not.toHaveBeenCalled();
  });

  it('keeps Escape from reaching the host page', () => {
    const outer = vi.fn();
    document.addEventListener('keydown', outer);
    try {
      const { dialog } = setup();
      fireEvent.keyDown(dialog, { key: 'Escape' });
      expect(outer).not.toHaveBeenCalled();
    } finally {
      document.removeEventListener('keydown', outer);
    }
  });

  it('applies the first fix on Enter when the card itself has focus, not on a button', () => {
    const { dialog, onApplyFix } = setup({ autoFocus: true });
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(screen.getByRole('button', { name: 'Dismiss' }), { key: 'Enter' });
    expect(onApplyFix).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(onApplyFix).toHaveBeenCalledTimes(1);
    expect(onApplyFix).toHaveBeenCalledWith(finding.fixes[0]);
  });

  it('does nothing on Enter without fixes', () => {
    const { dialog, onApplyFix } = setup({ finding: { ...finding, fixes: [] } });
    fireEvent.keyDown(dialog, { key: 'Enter' });
    expect(onApplyFix).not.toHaveBeenCalled();
    expect(screen.queryByRole('group', { name: 'Suggested fixes' })).toBeNull();
  });

  it('does not take focus unless asked', () => {
    const { dialog } = setup();
    expect(document.activeElement).not.toBe(dialog);
  });

  it('keeps Tab inside the card, in both directions', () => {
    const { dialog } = setup({ autoFocus: true });
    const buttons = Array.from(dialog.querySelectorAll('button'));
    const first = buttons[0]!;
    const last = buttons[buttons.length - 1]!;
    expect(first.getAttribute('aria-label')).toBe('Close');
    expect(last.textContent).toBe('Turn off this rule');
    fireEvent.keyDown(dialog, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
    fireEvent.keyDown(last, { key: 'Tab' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'Tab', shiftKey: true });
    expect(document.activeElement).toBe(last);
  });

  it('makes every control a real button with a name', () => {
    const { dialog } = setup();
    for (const b of Array.from(dialog.querySelectorAll('button'))) {
      expect(b.getAttribute('type')).toBe('button');
      expect((b.getAttribute('aria-label') ?? b.textContent ?? '').trim()).not.toBe('');
    }
  });
});

describe('Card: several findings on one spot, and the shortcut', () => {
  it('offers the others under the pointer ("2 more here") and shows the next-suggestion key', () => {
    const onNextHere = vi.fn();
    setup({ moreHere: 2, onNextHere, shortcut: 'Alt+Shift+N' });
    fireEvent.click(screen.getByRole('button', { name: '2 more here' }));
    expect(onNextHere).toHaveBeenCalledTimes(1);
    expect(screen.getByText('Alt+Shift+N').tagName).toBe('KBD');
  });

  it('shows neither when there is nothing else here and no key', () => {
    setup({ moreHere: 0, onNextHere: vi.fn(), shortcut: null });
    expect(screen.queryByRole('button', { name: /more here/ })).toBeNull();
    expect(screen.queryByText(/Next suggestion/)).toBeNull();
  });
});
