import type { Rule } from '../../engine';

export interface RuleTogglesProps {
  rules: readonly Rule[];
  disabled: ReadonlySet<string>;
  onToggle(ruleId: string, enabled: boolean): void;
}

/** The rules of the pack with a switch each: where a rule turned off from a card comes back. */
export function RuleToggles({ rules, disabled, onToggle }: RuleTogglesProps) {
  return (
    <section class="rules" aria-labelledby="rules-heading">
      <h2 id="rules-heading">Rules</h2>
      <p class="hint">Rules you turn off here, or with “Turn off this rule” on a card, are not coached anywhere.</p>
      <ul>
        {rules.map((r) => {
          const on = !disabled.has(r.id);
          return (
            <li key={r.id} class={on ? 'rule' : 'rule rule-off'}>
              <label>
                <input type="checkbox" checked={on} onChange={(e) => onToggle(r.id, e.currentTarget.checked)} />
                <span class="rule-id">{r.id}</span>
                <span class={`level level-${r.level}`}>{r.level}</span>
              </label>
              <p class="rule-description">{r.description}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
