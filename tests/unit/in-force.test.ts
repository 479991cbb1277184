// Which rules are in force: the organisation's policy, else the team's document, else the pack —
// and a document that does not check is never used, never lost.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine';
import { EngineClient, type PortLike } from '../../src/messaging/engine-client';
import type { EngineResponse } from '../../src/messaging/engine-port';
import { EngineService } from '../../src/messaging/engine-service';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { defaultRules } from '../../src/ruleset/default-rules';
import { checkTeamDocument, ruleSetInForce } from '../../src/ruleset/in-force';

const OFF_BLAME = { text: 'tactful: 1\nrules:\n  no-blame-shifting: off\n' };
const SHOUTING_ERROR = { text: '{"tactful": 1, "rules": {"no-shouting": {"level": "error"}}}' };
const BROKEN = { text: 'tactful: 1\nrules:\n  no-such-rule: off\n' };
const ids = (rules: { id: string; enabled?: boolean }[]) => rules.filter((r) => r.enabled !== false).map((r) => r.id);

describe('the rule set in force', () => {
  it('is the pack when nothing is set', () => {
    const f = ruleSetInForce(defaultRules, null, null);
    expect(f).toMatchObject({ source: 'pack', locked: false, problem: null });
    expect(ids(f.rules)).toEqual(ids(defaultRules));
  });

  it("is the team's document merged over the pack, YAML or JSON", () => {
    const yaml = ruleSetInForce(defaultRules, OFF_BLAME, null);
    expect(yaml).toMatchObject({ source: 'team', locked: false, problem: null });
    expect(ids(yaml.rules)).not.toContain('no-blame-shifting');
    const json = ruleSetInForce(defaultRules, SHOUTING_ERROR, null);
    expect(json.rules.find((r) => r.id === 'no-shouting')?.level).toBe('error');
  });

  it("is the policy's when one is set, locked, whatever the team's says", () => {
    const f = ruleSetInForce(defaultRules, SHOUTING_ERROR, OFF_BLAME);
    expect(f).toMatchObject({ source: 'policy', locked: true, problem: null });
    expect(ids(f.rules)).not.toContain('no-blame-shifting');
    expect(f.rules.find((r) => r.id === 'no-shouting')?.level).toBe('warning');
  });

  it("carries the document's own rules as written, examples included (the practice page's exercises)", () => {
    const withCustom = { text: readFileSync('tests/unit/fixtures/cli/team-custom-jargon.yml', 'utf8') };
    expect(ruleSetInForce(defaultRules, null, null).custom).toEqual([]);
    const team = ruleSetInForce(defaultRules, withCustom, null);
    expect(team.problem).toBeNull();
    expect(team.custom.map((r) => [r.id, r.examples?.bad[0]?.text])).toEqual([
      ['no-internal-jargon', 'I have moved your case to the L2 queue.'],
    ]);
    // The policy's document wins, custom rules and all.
    expect(ruleSetInForce(defaultRules, withCustom, OFF_BLAME).custom).toEqual([]);
  });

  it('does not use a document that does not check, says where, and falls back', () => {
    const f = ruleSetInForce(defaultRules, BROKEN, null);
    expect(f.source).toBe('pack');
    expect(f.problem).toEqual({
      source: 'team',
      line: 3,
      field: 'rules.no-such-rule',
      message: expect.stringContaining('there is no rule "no-such-rule"'),
    });
    // A broken policy leaves the team's set in force, still locked: the organisation means to decide.
    const p = ruleSetInForce(defaultRules, OFF_BLAME, BROKEN);
    expect(p).toMatchObject({ source: 'team', locked: true, problem: { source: 'policy', line: 3 } });
  });

  it('asks for the heads a document names', () => {
    const doc = { text: 'tactful: 1\nmodels:\n  blame: models/blame.json\n' };
    const missing = checkTeamDocument(defaultRules, doc);
    expect(missing).toMatchObject({ ok: false, problem: { field: 'models.blame', line: 3 } });
    expect(checkTeamDocument(defaultRules, { ...doc, models: { blame: {} } }).ok).toBe(true);
  });
});

describe('a new rule set reaches open drafts', () => {
  it('re-lints every open draft with the new rules and sends the report at its current version', async () => {
    let rules = defaultRuleSet;
    const service = new EngineService(async () => createLinter(rules));
    let toPage: ((m: EngineResponse) => void) | undefined;
    const connection = service.connection((m) => setTimeout(() => toPage?.(JSON.parse(JSON.stringify(m))), 0));
    const port: PortLike = {
      postMessage: (m) => setTimeout(() => connection.receive(JSON.parse(JSON.stringify(m))), 0),
      onMessage: {
        addListener(fn) {
          toPage = fn;
        },
      },
      onDisconnect: { addListener() {} },
      disconnect() {},
    };
    const pushed: Array<{ editor: number; ruleIds: string[]; text: string }> = [];
    const client = new EngineClient(
      () => port,
      (editor, report, text) => pushed.push({ editor, ruleIds: report.findings.map((f) => f.ruleId), text }),
    );
    const text = 'The courier messed up your order.';
    const first = await client.lint(1, text, { channel: 'email' });
    expect(first?.findings.map((f) => f.ruleId)).toContain('no-blame-shifting');

    const inForce = ruleSetInForce(defaultRules, OFF_BLAME, null);
    rules = { ...defaultRuleSet, rules: inForce.rules };
    await service.reload(async () => createLinter(rules));
    await new Promise((r) => setTimeout(r, 5));
    expect(pushed).toHaveLength(1);
    expect(pushed[0]).toMatchObject({ editor: 1, text });
    expect(pushed[0]!.ruleIds).not.toContain('no-blame-shifting');
  });
});
