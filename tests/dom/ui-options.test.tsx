import { cleanup, fireEvent, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { RuleToggles } from '../../src/ui/options/RuleToggles';

afterEach(cleanup);

function setup(disabled: string[] = []) {
  const onToggle = vi.fn();
  const view = render(<RuleToggles rules={defaultRuleSet.rules} disabled={new Set(disabled)} onToggle={onToggle} />);
  const row = (ruleId: string) => view.container.querySelector<HTMLElement>(`li[data-rule-id="${ruleId}"]`)!;
  return { onToggle, row };
}

describe('options: rule switches', () => {
  it('names each rule in words, with its id only as secondary text', () => {
    const { row } = setup();
    const apology = row('require-apology');
    expect(within(apology).getByRole('checkbox', { name: /^Missing apology/ })).toBeTruthy();
    expect(apology.querySelector('label')!.textContent).not.toContain('require-apology');
    expect(apology.querySelector('.rule-id')!.textContent).toBe('Id: require-apology');
    expect(within(row('no-blame-shifting')).getByRole('checkbox', { name: /^Blame-shifting/ })).toBeTruthy();
  });

  it('calls levels by the names the card and badge use', () => {
    const { row } = setup();
    expect(row('require-greeting').querySelector('.level')!.textContent).toBe('Tip');
    expect(row('no-blame-shifting').querySelector('.level')!.textContent).toBe('Warning');
    expect(row('no-condescension').querySelector('.level')!.textContent).toBe('Error');
    const shown = new Set(Array.from(document.querySelectorAll('.level'), (el) => el.textContent));
    expect([...shown].sort()).toEqual(['Error', 'Tip', 'Warning']);
  });

  it('describes each switch with what the rule does', () => {
    setup();
    const box = screen.getByRole('checkbox', { name: /^Deflection/ });
    expect(document.getElementById(box.getAttribute('aria-describedby')!)!.textContent).toMatch(/^Disallow/);
  });

  it('shows turned-off rules unchecked and sends each switch as an intent', () => {
    const { onToggle } = setup(['no-shouting']);
    const shouting = screen.getByRole('checkbox', { name: /^Shouting/ }) as HTMLInputElement;
    expect(shouting.checked).toBe(false);
    fireEvent.click(shouting);
    expect(onToggle).toHaveBeenCalledWith('no-shouting', true);
    fireEvent.click(screen.getByRole('checkbox', { name: /^Condescension/ }));
    expect(onToggle).toHaveBeenCalledWith('no-condescension', false);
  });
});
