import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultRules } from '../../src/ruleset/default-rules';
import { applyEdit, type TeamEdit } from '../../src/ruleset/edit';
import { checkTeamDocument } from '../../src/ruleset/in-force';
import type { RuleWithExamples } from '../../src/ruleset/schema';

// Every editor change goes into the team document through the YAML document model: the lead's
// comment lines, order and flow or block layout survive (a comment's spacing is normalised), JSON stays JSON, and the result is what the CLI reads.

const LEAD = `tactful: 1
name: Acme support # our team
rules:
  no-shouting: off # customers asked for it
  # tone first
  no-policy-hiding:
    level: info
    patterns: { add: [ "terms of service say" ], remove: [ "my hands are tied" ] }
`;

const edit = (text: string, ...edits: TeamEdit[]) => edits.reduce((t, e) => applyEdit(t, e, defaultRules), text);
const rulesOf = (text: string) => {
  const checked = checkTeamDocument(defaultRules, { text });
  if (!checked.ok) throw new Error(`${checked.problem.field}: ${checked.problem.message}`);
  return checked.rules;
};
const rule = (text: string, id: string) => rulesOf(text).find((r) => r.id === id)!;

describe('applyEdit', () => {
  it('turns a rule off and on, keeping the comments and the short form', () => {
    const off = edit(LEAD, { kind: 'enabled', id: 'no-blame-shifting', on: false });
    expect(off).toContain('# customers asked for it');
    expect(off).toContain('# tone first');
    expect(off).toContain('name: Acme support # our team');
    expect(parse(off).rules['no-blame-shifting']).toBe('off');
    expect(rule(off, 'no-blame-shifting').enabled).toBe(false);
    const back = edit(off, { kind: 'enabled', id: 'no-blame-shifting', on: true });
    expect(parse(back).rules['no-blame-shifting']).toBeUndefined();
    expect(back).toBe(LEAD);
  });

  it('sets a level, and a level equal to the pack drops the override', () => {
    const t = edit(LEAD, { kind: 'level', id: 'require-greeting', level: 'error' });
    expect(parse(t).rules['require-greeting']).toBe('error');
    expect(rule(t, 'require-greeting').level).toBe('error');
    expect(edit(t, { kind: 'level', id: 'require-greeting', level: 'info' })).toBe(LEAD);
    // A level on a rule turned off keeps it off.
    const offInfo = edit(LEAD, { kind: 'level', id: 'no-shouting', level: 'info' });
    expect(parse(offInfo).rules['no-shouting']).toEqual({ enabled: false, level: 'info' });
  });

  it('removes a built-in pattern and puts it back; adds a phrase and takes it away', () => {
    const removed = edit(LEAD, {
      kind: 'removePattern',
      id: 'no-condescension',
      list: 'patterns',
      pattern: 'calm down',
    });
    expect(parse(removed).rules['no-condescension']).toEqual({ patterns: { remove: ['calm down'] } });
    expect(rule(removed, 'no-condescension').check).not.toMatchObject({
      patterns: expect.arrayContaining(['calm down']),
    });
    expect(edit(removed, { kind: 'addPattern', id: 'no-condescension', list: 'patterns', pattern: 'calm down' })).toBe(
      LEAD,
    );

    // The lead's own flow map is edited in place: the removal it had is taken back.
    const restored = edit(LEAD, {
      kind: 'addPattern',
      id: 'no-policy-hiding',
      list: 'patterns',
      pattern: 'my hands are tied',
    });
    expect(restored).toContain('patterns: { add: [ "terms of service say" ] }');
    const added = edit(LEAD, {
      kind: 'addPattern',
      id: 'no-policy-hiding',
      list: 'patterns',
      pattern: 'company rules',
    });
    expect(parse(added).rules['no-policy-hiding'].patterns.add).toEqual(['terms of service say', 'company rules']);
    const dropped = edit(added, {
      kind: 'removePattern',
      id: 'no-policy-hiding',
      list: 'patterns',
      pattern: 'company rules',
    });
    expect(parse(dropped)).toEqual(parse(LEAD));
  });

  it('sets channels and thresholds', () => {
    const t = edit(
      LEAD,
      { kind: 'channels', id: 'no-shouting', channels: ['chat'] },
      { kind: 'threshold', id: 'no-negative-tone', field: 'threshold', value: -4 },
      { kind: 'threshold', id: 'no-blame-shifting', field: 'threshold', value: 0.8 },
    );
    expect(parse(t).rules['no-shouting']).toEqual({ enabled: false, channels: ['chat'] });
    expect(rule(t, 'no-negative-tone').check).toMatchObject({ threshold: -4 });
    expect(rule(t, 'no-blame-shifting').check).toMatchObject({ threshold: 0.8 });
    const cleared = edit(t, { kind: 'threshold', id: 'no-blame-shifting', field: 'threshold', value: null });
    expect(parse(cleared).rules['no-blame-shifting']).toBeUndefined();
  });

  it('keeps a JSON document JSON', () => {
    const json = JSON.stringify({ tactful: 1, rules: { 'no-shouting': 'off' } }, null, 2);
    const t = edit(json, { kind: 'level', id: 'no-deflection', level: 'info' });
    expect(JSON.parse(t)).toEqual({ tactful: 1, rules: { 'no-shouting': 'off', 'no-deflection': 'info' } });
  });

  it('starts an empty document, and adds, edits and removes a custom rule', () => {
    const custom: RuleWithExamples = {
      id: 'no-internal-jargon',
      level: 'warning',
      description: 'Disallow internal ticket jargon in replies.',
      message: "The customer doesn't know our internal terms.",
      why: 'Internal words make the customer feel outside the conversation.',
      check: { kind: 'phrase', patterns: ['L2 queue'] },
      examples: { bad: [{ text: 'It is in the L2 queue.', flag: 'L2 queue', output: [] }], good: [{ text: 'Hi.' }] },
    };
    let t = edit('', { kind: 'addCustom', rule: custom });
    expect(rule(t, 'no-internal-jargon').check).toMatchObject({ patterns: ['L2 queue'] });
    t = edit(
      t,
      { kind: 'addPattern', id: 'no-internal-jargon', list: 'patterns', pattern: 'P1 ticket' },
      { kind: 'level', id: 'no-internal-jargon', level: 'error' },
      { kind: 'enabled', id: 'no-internal-jargon', on: false },
    );
    expect(rule(t, 'no-internal-jargon')).toMatchObject({ level: 'error', enabled: false });
    expect(rule(t, 'no-internal-jargon').check).toMatchObject({ patterns: ['L2 queue', 'P1 ticket'] });
    t = edit(t, { kind: 'removeCustom', id: 'no-internal-jargon' });
    expect(parse(t)).toEqual({ tactful: 1 });
  });

  it('leaves a list empty for the check to refuse, and refuses a regex that could hang', () => {
    const one = edit('tactful: 1\n', {
      kind: 'addCustom',
      rule: {
        id: 'no-x',
        level: 'info',
        description: 'Disallow x.',
        message: 'x',
        why: 'Because x is bad for the customer in many ways.',
        check: { kind: 'phrase', patterns: ['x'] },
      },
    });
    const empty = edit(one, { kind: 'removePattern', id: 'no-x', list: 'patterns', pattern: 'x' });
    const checked = checkTeamDocument(defaultRules, { text: empty });
    expect(checked.ok).toBe(false);
    const hang = edit(one, { kind: 'addPattern', id: 'no-x', list: 'patterns', pattern: '/(a+)+$/' });
    const bad = checkTeamDocument(defaultRules, { text: hang });
    expect(bad.ok ? null : bad.problem).toMatchObject({ field: 'custom.0.check.patterns.1', line: expect.any(Number) });
    expect(bad.ok ? '' : bad.problem.message).toMatch(/nests a repeat/);
  });
});
