import { describe, expect, it } from 'vitest';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { LEVEL_LABEL, LEVELS } from '../../src/ui/levels';
import { RULE_NAMES, ruleName } from '../../src/ui/rule-names';

describe('level names', () => {
  it('has one name per level, the words the card and badge use', () => {
    expect(LEVEL_LABEL).toEqual({ error: 'Error', warning: 'Warning', info: 'Tip' });
    expect(LEVELS).toEqual(['error', 'warning', 'info']);
  });
});

describe('rule names', () => {
  it('names every rule of the default pack in the table', () => {
    const missing = defaultRuleSet.rules.map((r) => r.id).filter((id) => !(id in RULE_NAMES));
    expect(missing).toEqual([]);
  });

  it('reads as words, not ids', () => {
    expect(ruleName('no-blame-shifting')).toBe('Blame-shifting');
    expect(ruleName('no-deflection')).toBe('Deflection');
    expect(ruleName('require-apology')).toBe('Missing apology');
    for (const name of Object.values(RULE_NAMES)) expect(name).not.toMatch(/^(no|require)-/);
    expect(new Set(Object.values(RULE_NAMES)).size).toBe(Object.keys(RULE_NAMES).length);
  });

  it("makes a name for a team's own rule from its id", () => {
    expect(ruleName('no-internal-jargon')).toBe('Internal jargon');
    expect(ruleName('require-ticket-number')).toBe('Missing ticket number');
    expect(ruleName('plain')).toBe('Plain');
  });
});
