import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine';
import { decodeHead } from '../../src/engine/model/classifier';
import { featuresOf } from '../../src/engine/model/features';
import { fitLogistic } from '../../src/engine/model/learn';
import { defaultRuleSet } from '../../src/ruleset/default-pack';
import { headsNamedBy } from '../../src/ruleset/default-rules';
import { checkTeamDocument, ruleSetInForce } from '../../src/ruleset/in-force';
import { loadModels } from '../../src/ruleset/models';
import { teachClientOver, type WorkerLike } from '../../src/teach/client';
import { KeepError, headsToStartFrom, keepHeads } from '../../src/teach/document';
import { headsToTeach, TEACHABLE_RULES } from '../../src/teach/rules';
import { teach, TeachError } from '../../src/teach/teach';
import type { TeachCall, TeachExample, TeachReply, TeachRequest } from '../../src/teach/types';

const packHead = (name: string): unknown => JSON.parse(readFileSync(`rules/models/${name}.json`, 'utf8'));
const PACK_HEADS = ['blame', 'blame-reply', 'deflection', 'deflection-reply', 'tone', 'tone-reply', 'complaint'];
const packHeads = () => Object.fromEntries(PACK_HEADS.map((n) => [n, packHead(n)]));

// Blame-shifting in a team's own words (its partners' and sites' names) that the shipped heads,
// trained on other teams' replies, let through.
const MISSED = [
  'Hi Dana, Zorbex sync hiccuped again overnight, so your order sat in limbo.',
  'Hi Lee, the 3PL mislabelled the box before it reached us.',
  'Hi Ana, Parcelo scanned it as delivered without ever turning up.',
  'Hi Max, Hub B forgot the insert again.',
  'Hi Kim, Nimbus rolled back the update and wiped your settings.',
  'Hi Ben, our partner Quickship has been really slow lately.',
];
const FINE = [
  'Hi Dana, your order left the depot this morning and should arrive on Friday.',
  'Hi Sam, I have refunded the charge, you will see it in three to five days.',
  'Hi Lee, we mislabelled the box, and I have sent a new one by express.',
];
const blameExamples: TeachExample[] = [
  ...MISSED.map((reply) => ({ reply, ruleId: 'no-blame-shifting', flag: true })),
  ...FINE.map((reply) => ({ reply, ruleId: 'no-blame-shifting', flag: false })),
];

/** The whole pack, with the taught heads in place of the pack's (as the background builds it). */
function packLinter(taught: Record<string, unknown> = {}) {
  const models = loadModels([...PACK_HEADS.map(packHead), ...Object.values(taught)]);
  return createLinter({ rules: defaultRuleSet.rules, models });
}
const blamed = (linter: ReturnType<typeof packLinter>, reply: string) =>
  linter.lint(reply, { channel: 'email' }).findings.some((f) => f.ruleId === 'no-blame-shifting');

describe('teach by example: the rules it teaches', () => {
  it('names, for each teachable rule, exactly the heads the pack rule reads', () => {
    for (const t of TEACHABLE_RULES) {
      const rule = defaultRuleSet.rules.find((r) => r.id === t.ruleId)!;
      expect(rule, t.ruleId).toBeDefined();
      expect([...t.heads].sort(), t.ruleId).toEqual(headsNamedBy([rule]));
    }
    // Every head the pack ships is teachable through some rule.
    expect(headsToTeach(TEACHABLE_RULES.map((t) => t.ruleId)).sort()).toEqual(headsNamedBy(defaultRuleSet.rules));
  });
});

describe('teach by example: blame-shifting', () => {
  const request: TeachRequest = {
    examples: blameExamples,
    heads: { blame: packHead('blame'), 'blame-reply': packHead('blame-reply') },
  };
  const result = teach(request);

  it('starts from replies the shipped heads miss', () => {
    const linter = packLinter();
    expect(MISSED.filter((r) => blamed(linter, r))).toEqual([]);
    expect(result.lead.outcomes.filter((o) => o.flag).every((o) => !o.flaggedBefore)).toBe(true);
  });

  it('makes the rule flag them, in the whole pack with the taught heads, and keeps the fine ones clean', () => {
    expect(Object.keys(result.heads).sort()).toEqual(['blame', 'blame-reply']);
    const linter = packLinter(result.heads);
    expect(MISSED.filter((r) => !blamed(linter, r))).toEqual([]);
    expect(FINE.filter((r) => blamed(linter, r))).toEqual([]);
    expect(result.lead.before).toEqual({ total: 9, correct: 3, accuracy: 3 / 9 });
    expect(result.lead.after).toEqual({ total: 9, correct: 9, accuracy: 1 });
    // Each head keeps its id, its features and its threshold: only the weights moved.
    for (const name of ['blame', 'blame-reply']) {
      const before = decodeHead(packHead(name));
      const after = decodeHead(result.heads[name]);
      expect({ ...after, weights: null, bias: null }).toEqual({ ...before, weights: null, bias: null });
    }
  });

  it('still passes the rule examples, and says exactly which changed', () => {
    // With the shipped heads two good examples of no-blame-shifting are flagged (the generic
    // examples test runs the rules without heads); teaching happens to fix both, breaks none.
    expect(result.ruleExamples.before).toEqual({ total: 19, correct: 17, accuracy: 17 / 19 });
    expect(result.ruleExamples.after).toEqual({ total: 19, correct: 19, accuracy: 1 });
    expect(result.ruleExamples.flipped.filter((f) => !f.passedAfter)).toEqual([]);
    expect(result.ruleExamples.flipped.map((f) => [f.kind, f.text])).toEqual([
      ['good', "The storm closed the airport, so we've moved you to the morning flight."],
      ['good', "Our team has advised that the new part reaches you on Friday, and I'll confirm when it ships."],
    ]);
  });

  it('is deterministic: the same request gives byte-identical heads', () => {
    const again = teach(structuredClone(request));
    for (const name of Object.keys(result.heads))
      expect(JSON.stringify(again.heads[name])).toBe(JSON.stringify(result.heads[name]));
    expect(again.lead).toEqual(result.lead);
  });

  it('reports its progress, step by step, to done', () => {
    const phases: string[] = [];
    const r = teach(request, (p) => phases.push(`${p.phase}:${p.done}/${p.total}`));
    expect(phases).toEqual(['checking:0/5', 'before:1/5', 'training:2/5', 'training:3/5', 'after:4/5', 'done:5/5']);
    expect(r.trainMs).toBeGreaterThan(0);
    expect(r.totalMs).toBeGreaterThanOrEqual(r.trainMs);
  });

  it('records what it was taught from in the head file, nothing that changes between runs', () => {
    const file = result.heads.blame as { training: { taughtByExample: { examples: number; flagged: number } } };
    expect(file.training.taughtByExample).toMatchObject({ examples: 9, flagged: 6 });
  });

  it('teaches from a sentence the lead names in a longer reply', () => {
    const reply = 'Hi Jo, thanks for waiting. The Leeds team keyed in the wrong postcode. A new parcel goes out today.';
    const r = teach({
      examples: [
        { reply, ruleId: 'no-blame-shifting', flag: true, sentence: 'The Leeds team keyed in the wrong postcode.' },
      ],
      heads: request.heads,
    });
    const finding = packLinter(r.heads)
      .lint(reply, { channel: 'email' })
      .findings.find((f) => f.ruleId === 'no-blame-shifting');
    expect(finding?.actual).toBe('The Leeds team keyed in the wrong postcode.');
  });
});

describe('teach by example: every teachable rule', () => {
  it('teaches all heads at once from the pack heads, without breaking a rule example', () => {
    const r = teach({
      examples: [
        ...blameExamples,
        { reply: 'Go ask the courier, it is their job.', ruleId: 'no-deflection', flag: true },
        {
          reply: 'Hi, thanks for the update.',
          customer: 'I waited forty minutes on hold and nobody picked up, again.',
          ruleId: 'require-apology',
          flag: true,
        },
        { reply: 'Fine. Whatever works for you.', ruleId: 'no-negative-tone', flag: true },
      ],
      heads: packHeads(),
    });
    expect(Object.keys(r.heads).sort()).toEqual([...PACK_HEADS].sort());
    expect(r.ruleExamples.flipped.filter((f) => !f.passedAfter)).toEqual([]);
    expect(r.ruleExamples.after.correct).toBeGreaterThanOrEqual(r.ruleExamples.before.correct);
    expect(r.lead.after.correct).toBeGreaterThan(r.lead.before.correct);
  });

  it('refuses what it cannot teach, naming the example', () => {
    const heads = packHeads();
    expect(() => teach({ examples: [], heads })).toThrow(TeachError);
    expect(() => teach({ examples: [{ reply: 'HELLO', ruleId: 'no-shouting', flag: true }], heads })).toThrow(
      /example 1: rule "no-shouting" cannot be taught by example/,
    );
    expect(() =>
      teach({ examples: [...blameExamples, { reply: 'Hi.', ruleId: 'require-apology', flag: true }], heads }),
    ).toThrow(/example 10: require-apology is taught from the customer's message; paste it/);
    expect(() => teach({ examples: [{ reply: ' ', ruleId: 'no-blame-shifting', flag: true }], heads })).toThrow(
      /example 1: paste the reply/,
    );
    expect(() => teach({ examples: blameExamples, heads: { blame: packHead('blame') } })).toThrow(
      /head "blame-reply" was not given/,
    );
    expect(() =>
      teach({ examples: blameExamples, heads: { blame: packHead('tone'), 'blame-reply': packHead('blame-reply') } }),
    ).toThrow(/the head given as "blame" is "tone"/);
  });
});

describe('the trainer, continued from given weights', () => {
  const examples = [
    { features: featuresOf('the warehouse lost it'), label: true },
    { features: featuresOf('we lost it'), label: false },
  ];
  const settings = { epochs: 3, learningRate: 0.1, l2: 0, positiveWeight: 1, seed: 1 };

  it('starts from the weights given without changing them, and with no epochs returns them', () => {
    const start = { bias: 0.5, weights: new Float32Array(2 ** 18).fill(0.25) };
    const copy = start.weights.slice();
    // Byte comparison: a deep equality over 2^18 floats takes seconds on a loaded machine.
    const same = (a: Float32Array, b: Float32Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
    const none = fitLogistic(examples, 2 ** 18, { ...settings, epochs: 0 }, start);
    expect(none.bias).toBe(0.5);
    expect(same(none.weights, copy)).toBe(true);
    fitLogistic(examples, 2 ** 18, settings, start);
    expect(same(start.weights, copy)).toBe(true);
    expect(() => fitLogistic(examples, 2 ** 18, settings, { bias: 0, weights: new Float32Array(8) })).toThrow(
      RangeError,
    );
  });

  it('weighs an example by its weight, and a weight of 1 changes nothing', () => {
    const plain = fitLogistic(examples, 2 ** 18, settings);
    expect(
      fitLogistic(
        examples.map((e) => ({ ...e, weight: 1 })),
        2 ** 18,
        settings,
      ),
    ).toEqual(plain);
    const heavy = fitLogistic([{ ...examples[0]!, weight: 5 }, examples[1]!], 2 ** 18, settings);
    expect(heavy.bias).toBeGreaterThan(plain.bias);
  });
});

describe('keeping taught heads with the team document', () => {
  const heads = { blame: packHead('blame'), 'blame-reply': packHead('blame-reply') };
  const pack = defaultRuleSet.rules;

  it('makes a minimal document when there is none, which checks and brings the heads into force', () => {
    const doc = keepHeads(null, heads);
    expect(doc.text).toBe('tactful: 1\nmodels:\n  blame: blame.json\n  blame-reply: blame-reply.json\n');
    expect(doc.models).toEqual(heads);
    expect(checkTeamDocument(pack, doc).ok).toBe(true);
    const inForce = ruleSetInForce(pack, doc, null);
    expect(inForce.source).toBe('team');
    expect(Object.keys(inForce.models).sort()).toEqual(['blame', 'blame-reply']);
  });

  it("keeps the lead's YAML as written: comments, order, flow maps, other heads", () => {
    const text = [
      '# Acme support: reviewed by Dana',
      'tactful: 1',
      'name: Acme support',
      'rules:',
      '  no-shouting: off # customers like our enthusiasm',
      'models: { complaint: complaint.json }',
      '',
    ].join('\n');
    const doc = keepHeads({ text, models: { complaint: packHead('complaint') } }, heads);
    expect(doc.text).toBe(
      [
        '# Acme support: reviewed by Dana',
        'tactful: 1',
        'name: Acme support',
        'rules:',
        '  no-shouting: off # customers like our enthusiasm',
        'models:',
        '  complaint: complaint.json',
        '  blame: blame.json',
        '  blame-reply: blame-reply.json',
        '',
      ].join('\n'),
    );
    expect(Object.keys(doc.models!).sort()).toEqual(['blame', 'blame-reply', 'complaint']);
    expect(checkTeamDocument(pack, doc).ok).toBe(true);
    // Teaching again replaces the heads, and names each once.
    const again = keepHeads(doc, heads);
    expect(again.text).toBe(doc.text);
  });

  it('adds a models map to a YAML document without one, after its comments', () => {
    const doc = keepHeads({ text: '# ours\ntactful: 1\nrules:\n  no-shouting: off\n' }, { blame: heads.blame });
    expect(doc.text).toBe('# ours\ntactful: 1\nrules:\n  no-shouting: off\nmodels:\n  blame: blame.json\n');
    expect(keepHeads({ text: '# only a comment\n' }, { blame: heads.blame }).text).toBe(
      '# only a comment\ntactful: 1\nmodels:\n  blame: blame.json\n',
    );
  });

  it('keeps a JSON document JSON', () => {
    const doc = keepHeads({ text: '{\n    "tactful": 1,\n    "rules": { "no-shouting": "off" }\n}\n' }, heads);
    expect(JSON.parse(doc.text)).toEqual({
      tactful: 1,
      rules: { 'no-shouting': 'off' },
      models: { blame: 'blame.json', 'blame-reply': 'blame-reply.json' },
    });
    expect(doc.text.startsWith('{\n    "tactful": 1,')).toBe(true);
    expect(checkTeamDocument(pack, doc).ok).toBe(true);
  });

  it('refuses a document that does not parse, saying to fix it first', () => {
    expect(() => keepHeads({ text: 'tactful: 1\nrules: [\n' }, heads)).toThrow(KeepError);
    expect(() => keepHeads({ text: '{"tactful": 1,' }, heads)).toThrow(/not valid JSON/);
    expect(() => keepHeads({ text: 'tactful: 1\nmodels: [a]\n' }, heads)).toThrow(/"models" .* must be a map/);
  });

  it("starts from the team's own heads where it has them, else the pack's", async () => {
    const asked: string[] = [];
    const got = await headsToStartFrom(
      { text: 'tactful: 1\n', models: { blame: 'TEAM' } },
      ['blame', 'blame-reply'],
      async (n) => {
        asked.push(n);
        return `PACK ${n}`;
      },
    );
    expect(got).toEqual({ blame: 'TEAM', 'blame-reply': 'PACK blame-reply' });
    expect(asked).toEqual(['blame-reply']);
  });
});

describe('the teach client', () => {
  function fakeWorker() {
    const listeners: Record<string, Array<(e: unknown) => void>> = { message: [], error: [] };
    const posted: TeachCall[] = [];
    let terminated = false;
    const worker: WorkerLike = {
      postMessage: (m) => posted.push(m),
      addEventListener: (type: string, l: (e: never) => void) => listeners[type]!.push(l as (e: unknown) => void),
      terminate: () => {
        terminated = true;
      },
    } as WorkerLike;
    const reply = (data: TeachReply) => {
      for (const l of listeners.message!) l({ data });
    };
    return {
      worker,
      posted,
      reply,
      fail: (message: string) => {
        for (const l of listeners.error!) l({ message });
      },
      terminated: () => terminated,
    };
  }

  it('sends the request, passes progress on and resolves with the result of its own call', async () => {
    const w = fakeWorker();
    const client = teachClientOver(w.worker);
    const progress: string[] = [];
    const request: TeachRequest = { examples: blameExamples, heads: {} };
    const done = client.teach(request, (p) => progress.push(p.label));
    expect(w.posted).toEqual([{ type: 'teach', id: 1, request }]);
    w.reply({ type: 'progress', id: 1, progress: { phase: 'training', done: 2, total: 5, label: 'Training blame' } });
    w.reply({ type: 'progress', id: 99, progress: { phase: 'training', done: 2, total: 5, label: 'not ours' } });
    const result = { heads: {} } as never;
    w.reply({ type: 'result', id: 1, result });
    await expect(done).resolves.toBe(result);
    expect(progress).toEqual(['Training blame']);
  });

  it('rejects with the worker error, and on dispose', async () => {
    const w = fakeWorker();
    const client = teachClientOver(w.worker);
    const first = client.teach({ examples: [], heads: {} });
    w.reply({ type: 'error', id: 1, message: 'add at least one example to teach from' });
    await expect(first).rejects.toThrow('add at least one example');
    const second = client.teach({ examples: [], heads: {} });
    w.fail('boom');
    await expect(second).rejects.toThrow('the teach worker failed: boom');
    const third = client.teach({ examples: [], heads: {} });
    client.dispose();
    await expect(third).rejects.toThrow('teaching was stopped');
    expect(w.terminated()).toBe(true);
  });
});
