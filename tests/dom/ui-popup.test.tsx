import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine';
import { clockTime, Popup, type PopupProps } from '../../src/ui/popup/Popup';
import { levelColorCss } from '../../src/ui/levels';

afterEach(cleanup);

// Local time, so the label reads 14:05 in any time zone.
const now = new Date(2025, 4, 6, 13, 5, 0).getTime();
const inAnHour = new Date(2025, 4, 6, 14, 5, 0).getTime();

const findings: Finding[] = [
  {
    ruleId: 'no-policy-hiding',
    level: 'warning',
    message: 'Explain the reason instead of quoting policy.',
    why: 'Policies serve customers.',
    start: 0,
    end: 14,
    actual: 'per our policy',
    fixes: [],
  },
  {
    ruleId: 'require-apology',
    level: 'error',
    message: 'Apologise for the trouble.',
    why: 'The customer had a problem.',
    start: 0,
    end: 0,
    actual: '',
    fixes: [],
  },
];

function setup(overrides: Partial<PopupProps> = {}) {
  const props: PopupProps = {
    host: 'mail.google.com',
    siteEnabled: false,
    pausedUntil: null,
    tabReport: null,
    now,
    onToggleSite: vi.fn(),
    onPause: vi.fn(),
    onResume: vi.fn(),
    onOpenOptions: vi.fn(),
    onOpenPractice: vi.fn(),
    ...overrides,
  };
  const view = render(<Popup {...props} />);
  return { ...props, view };
}

describe('Popup', () => {
  it('says when no editor is being coached', () => {
    setup({ siteEnabled: true });
    expect(screen.getByText('No editor being coached on this page')).toBeTruthy();
  });

  it('shows the pause instead of the last score and findings while paused', () => {
    const { view } = setup({ siteEnabled: true, pausedUntil: inAnHour, tabReport: { findings, score: 72 } });
    expect(view.container.querySelector('output')).toBeNull();
    expect(screen.queryByText('Explain the reason instead of quoting policy.')).toBeNull();
    expect(screen.getByText(/Coaching is paused/)).toBeTruthy();
    expect(screen.getByText('Paused', { selector: '.tp-status' })).toBeTruthy();
  });

  it('shows that the site is off instead of the last score and findings', () => {
    const { view } = setup({ siteEnabled: false, tabReport: { findings, score: 72 } });
    expect(view.container.querySelector('output')).toBeNull();
    expect(screen.queryByText('Apologise for the trouble.')).toBeNull();
    expect(screen.getByText('Coaching is off on this site.')).toBeTruthy();
  });

  it('shows the findings again once a pause has ended', () => {
    setup({ siteEnabled: true, pausedUntil: now - 1, tabReport: { findings, score: 72 } });
    expect(screen.getByText('Apologise for the trouble.')).toBeTruthy();
  });

  it('says when the draft was checked only in part', () => {
    const { view } = setup({ siteEnabled: true, tabReport: { findings, score: 72, partlyChecked: true } });
    expect(view.container.querySelector('.tp-partial')!.textContent).toMatch(/Only part of this draft was checked/);
    cleanup();
    const whole = setup({ siteEnabled: true, tabReport: { findings, score: 72 } }).view;
    expect(whole.container.querySelector('.tp-partial')).toBeNull();
  });

  it('keeps a long host name whole, with the full name in its title', () => {
    const host = 'support-portal.customer-care.example-company.co.uk';
    const { view } = setup({ host, siteEnabled: true });
    const shown = view.container.querySelector('.tp-host')!;
    expect(shown.textContent).toBe(host);
    expect(shown.getAttribute('title')).toBe(host);
  });

  it("shows this tab's score and findings", () => {
    const { view } = setup({ siteEnabled: true, tabReport: { findings, score: 72 } });
    expect(screen.queryByText('No editor being coached on this page')).toBeNull();
    expect(view.container.querySelector('output')?.textContent).toBe('72');
    expect(screen.getByText('2 suggestions (1 error, 1 warning)')).toBeTruthy();
    expect(screen.getByText('Explain the reason instead of quoting policy.')).toBeTruthy();
    expect(screen.getByText('per our policy')).toBeTruthy();
    expect(screen.getByText('Apologise for the trouble.')).toBeTruthy();
  });

  it('says when a coached draft is clean', () => {
    setup({ siteEnabled: true, tabReport: { findings: [], score: 100 } });
    expect(screen.getByText('Nothing to coach')).toBeTruthy();
  });

  it('switches the site on with the host in the label', () => {
    const { onToggleSite } = setup();
    const toggle = screen.getByRole('switch', { name: 'Coach on mail.google.com' });
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    fireEvent.click(toggle);
    expect(onToggleSite).toHaveBeenCalledWith(true);
    // The caller owns the state (it may still be asking for the permission): no change until it says so.
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });

  it('switches the site off', () => {
    const { onToggleSite } = setup({ siteEnabled: true });
    const toggle = screen.getByRole('switch', { name: 'Coach on mail.google.com' });
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    fireEvent.click(toggle);
    expect(onToggleSite).toHaveBeenCalledWith(false);
  });

  it('shows a site locked by policy as not switchable', () => {
    const { onToggleSite } = setup({ siteEnabled: true, siteLocked: true });
    const toggle = screen.getByRole('switch') as HTMLButtonElement;
    expect(toggle.disabled).toBe(true);
    expect(document.getElementById(toggle.getAttribute('aria-describedby')!)?.textContent).toMatch(/organisation/);
    fireEvent.click(toggle);
    expect(onToggleSite).not.toHaveBeenCalled();
  });

  it('has no switch on a page Tactful cannot run on', () => {
    setup({ host: null });
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.getByText(/can't coach on this page/)).toBeTruthy();
  });

  it('pauses for an hour', () => {
    const { onPause } = setup({ siteEnabled: true });
    fireEvent.click(screen.getByRole('button', { name: 'Pause for an hour' }));
    expect(onPause).toHaveBeenCalledTimes(1);
  });

  it('shows until when it is paused, and resumes', () => {
    const { onResume } = setup({ siteEnabled: true, pausedUntil: inAnHour });
    expect(screen.getByText('Paused until 14:05')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Pause for an hour' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Resume' }));
    expect(onResume).toHaveBeenCalledTimes(1);
  });

  it('treats a pause that has ended as no pause', () => {
    setup({ siteEnabled: true, pausedUntil: now - 1 });
    expect(screen.queryByText(/Paused until/)).toBeNull();
    expect(screen.getByRole('button', { name: 'Pause for an hour' })).toBeTruthy();
  });

  it('opens the options, the practice page and the review page', () => {
    const { onOpenOptions, onOpenPractice, onOpenReview } = setup({ onOpenReview: vi.fn() });
    fireEvent.click(screen.getByRole('button', { name: 'Options' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Practice page' }));
    expect(onOpenPractice).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Review' }));
    expect(onOpenReview).toHaveBeenCalledTimes(1);
  });

  it('formats clock times with two digits', () => {
    expect(clockTime(new Date(2025, 0, 1, 9, 7).getTime())).toBe('09:07');
  });
});

describe('level colours', () => {
  it('are on the page for popup.css to read, once', () => {
    const styles = document.head.querySelectorAll('style[data-tactful-levels]');
    expect(styles.length).toBe(1);
    expect(styles[0]!.textContent).toBe(levelColorCss(':root'));
    expect(document.head.firstElementChild).toBe(styles[0]);
  });
});

describe('whose rules coach', () => {
  it("names the pack's, the team's or the organisation's rules", () => {
    const source = () => document.querySelector('.tp-rule-source')?.textContent;
    setup();
    expect(source()).toBe(" · Tactful's rules");
    cleanup();
    setup({ ruleSource: 'team' });
    expect(source()).toBe(" · your team's rules");
    cleanup();
    setup({ ruleSource: 'policy' });
    expect(source()).toBe(' · set by your organisation');
  });
});
