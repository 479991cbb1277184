import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Finding } from '../../src/engine';
import { CoachLayer, type CoachLayerProps, type CoachState } from '../../src/ui/coach/CoachLayer';
import { coachCss } from '../../src/ui/coach/styles';
import { LEVEL_COLOR, LEVELS } from '../../src/ui/levels';

afterEach(cleanup);

const findings: Finding[] = [
  {
    ruleId: 'no-deflection',
    level: 'error',
    message: 'Help instead of passing the customer on.',
    why: 'Being passed on feels like being dropped.',
    start: 0,
    end: 18,
    actual: 'not my department',
    fixes: [{ label: 'I’ll find out', start: 0, end: 18, text: 'I’ll find out for you' }],
  },
  {
    ruleId: 'no-shouting',
    level: 'warning',
    message: 'Avoid capitals.',
    why: 'Capitals read as shouting.',
    start: 30,
    end: 33,
    actual: 'NOW',
    fixes: [{ label: 'Write “now”', start: 30, end: 33, text: 'now' }],
  },
];

const base: CoachState = {
  report: { findings, score: 70 },
  openFindingIndex: null,
  cardPosition: null,
  badgePosition: { left: 500, top: 400 },
  panelOpen: false,
};

function setup(state: Partial<CoachState> = {}, extra: Partial<CoachLayerProps> = {}) {
  const props: CoachLayerProps = {
    state: { ...base, ...state },
    onTogglePanel: vi.fn(),
    onSelectFinding: vi.fn(),
    onApplyFix: vi.fn(),
    onDismiss: vi.fn(),
    onDisableRule: vi.fn(),
    onCloseCard: vi.fn(),
    ...extra,
  };
  const view = render(<CoachLayer {...props} />);
  return { ...props, view };
}

describe('CoachLayer', () => {
  it('renders the badge and its own styles, and no card until one is open', () => {
    const { view } = setup();
    expect(screen.getByRole('button', { name: 'Tactful: 1 error, 1 warning, tone score 70' })).toBeTruthy();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(view.container.querySelector('style')?.textContent).toBe(coachCss);
    expect(view.container.firstElementChild?.classList.contains('tactful')).toBe(true);
  });

  it('can leave the styles to the caller and hide the badge', () => {
    const { view } = setup({ badgePosition: null }, { withStyles: false });
    expect(view.container.querySelector('style')).toBeNull();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('passes the panel intents through', () => {
    const { onTogglePanel, onSelectFinding } = setup({ panelOpen: true });
    fireEvent.click(screen.getByRole('button', { name: /^Tactful:/ }));
    expect(onTogglePanel).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: /Avoid capitals/ }));
    expect(onSelectFinding).toHaveBeenCalledWith(1);
  });

  it('shows the open finding as a card and tags its intents with the index', () => {
    const { onApplyFix, onDismiss, onDisableRule, onCloseCard } = setup(
      { openFindingIndex: 1, cardPosition: { left: 10, top: 20 } },
      { autoFocusCard: true },
    );
    const dialog = screen.getByRole('dialog', { name: 'Tactful suggestion: Avoid capitals.' });
    expect(document.activeElement).toBe(dialog);
    fireEvent.click(screen.getByRole('button', { name: 'Write “now”' }));
    expect(onApplyFix).toHaveBeenCalledWith(findings[1]!.fixes[0], 1);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));
    expect(onDismiss).toHaveBeenCalledWith(1);
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule' }));
    fireEvent.click(screen.getByRole('button', { name: 'Turn off' }));
    expect(onDisableRule).toHaveBeenCalledWith('no-shouting');
    // The first Escape only cancels the pending confirmation; the second closes.
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCloseCard).not.toHaveBeenCalled();
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onCloseCard).toHaveBeenCalledTimes(1);
  });

  it('shows no card for an index a newer report no longer has', () => {
    setup({
      report: { findings: findings.slice(0, 1), score: 80 },
      openFindingIndex: 1,
      cardPosition: { left: 0, top: 0 },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    setup({ report: null, openFindingIndex: 0, cardPosition: { left: 0, top: 0 } });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('drops a pending confirmation when the card moves to another finding', () => {
    const props = setup({ openFindingIndex: 0, cardPosition: { left: 0, top: 0 } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off this rule' }));
    expect(screen.getByRole('group', { name: /everywhere/ })).toBeTruthy();
    props.view.rerender(<CoachLayer {...props} state={{ ...props.state, openFindingIndex: 1 }} />);
    expect(screen.queryByRole('group', { name: /everywhere/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Turn off this rule' })).toBeTruthy();
  });
});

describe('coachCss', () => {
  it('scopes every selector under .tactful', () => {
    const style = document.createElement('style');
    style.textContent = coachCss;
    document.head.append(style);
    try {
      const selectors: string[] = [];
      const walk = (rules: CSSRuleList) => {
        for (const rule of Array.from(rules)) {
          if (rule instanceof CSSStyleRule) selectors.push(...rule.selectorText.split(','));
          else if (rule instanceof CSSMediaRule) walk(rule.cssRules);
        }
      };
      walk(style.sheet!.cssRules);
      expect(selectors.length).toBeGreaterThan(40);
      expect(selectors.map((s) => s.trim()).filter((s) => !/^\.tactful(?![\w-])/.test(s))).toEqual([]);
    } finally {
      style.remove();
    }
  });

  it('draws each level in its colour from the level table', () => {
    // In a shadow root, as on a host page: the level colours come with the coach's own sheet.
    const host = document.createElement('div');
    document.body.append(host);
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = coachCss;
    const root = document.createElement('div');
    root.className = 'tactful';
    for (const level of LEVELS) {
      const chip = document.createElement('span');
      chip.className = `tf-level-${level}`;
      chip.append(Object.assign(document.createElement('span'), { className: 'tf-chip' }));
      root.append(chip);
    }
    shadow.append(style, root);
    try {
      const chips = Array.from(root.querySelectorAll('.tf-chip'), (c) => getComputedStyle(c).backgroundColor);
      expect(chips).toEqual(LEVELS.map((l) => LEVEL_COLOR[l].light));
    } finally {
      host.remove();
    }
  });

  it('is dark-mode aware and shows focus rings', () => {
    expect(coachCss).toContain('@media (prefers-color-scheme: dark)');
    expect(coachCss).toMatch(/:focus-visible[^{]*\{[^}]*outline: 3px solid/);
  });
});
