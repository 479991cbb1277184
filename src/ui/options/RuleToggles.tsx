import type { Rule } from '../../engine';
import { LEVEL_LABEL } from '../levels';
import { ruleName } from '../rule-names';

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
          const descriptionId = `rule-${r.id}-description`;
          return (
            <li key={r.id} class={on ? 'rule' : 'rule rule-off'} data-rule-id={r.id}>
              <label>
                <input
                  type="checkbox"
                  checked={on}
                  aria-describedby={descriptionId}
                  onChange={(e) => onToggle(r.id, e.currentTarget.checked)}
                />
                <span class="rule-name">{ruleName(r.id)}</span>
                <span class={`level level-${r.level}`}>{LEVEL_LABEL[r.level]}</span>
              </label>
              <p class="rule-description" id={descriptionId}>
                {r.description}
              </p>
              {/* The id is what a team's rule set and the command line use: for team leads. */}
              <p class="rule-id">
                Id: <code>{r.id}</code>
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
