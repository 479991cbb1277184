import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CorpusError,
  HEADS,
  defaultCorpusPath,
  defaultModelsDir,
  pickThreshold,
  readCorpus,
  train,
  trainCommand,
} from '../../src/cli/train';
import { decodeHead, probability } from '../../src/engine/model/classifier';
import { featuresOf } from '../../src/engine/model/features';
import { mulberry32 } from '../../src/engine/model/learn';

const tmp = () => mkdtempSync(join(tmpdir(), 'tactful-train-'));

// A tiny synthetic corpus with obvious rules: blaming names the warehouse, deflecting sends the
// customer to "the manufacturer", negative tone says "calm down", a complaint says "broken".
function syntheticCorpus(scenarios: number): string {
  const random = mulberry32(7);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  const openers = ['Hi Sam,', 'Hello there,', 'Thanks for writing.', 'Good morning,'];
  const middles = ['We have checked your order.', 'Your parcel is on its way.', 'We looked into it today.'];
  const closers = ['Have a great day!', 'Best wishes.', 'Talk soon.'];
  const lines: string[] = [];
  for (let s = 0; s < scenarios; s++) {
    const complaint = random() < 0.5;
    const customer = complaint ? `My ${pick(['kettle', 'lamp', 'chair'])} arrived broken.` : 'Just saying thanks!';
    for (let r = 0; r < 4; r++) {
      const blame = random() < 0.3;
      const deflect = random() < 0.3;
      const tone = random() < 0.3;
      const sentences = [pick(openers), pick(middles)];
      const spans: Record<string, string[]> = {};
      const offend = (on: boolean, label: string, sentence: string) => {
        if (!on) return;
        sentences.push(sentence);
        spans[label] = [sentence];
      };
      offend(blame, 'blame_shifting', 'The warehouse packed it wrong.');
      offend(deflect, 'deflection', 'Please ask the manufacturer.');
      offend(tone, 'negative_tone', 'Calm down please.');
      sentences.push(pick(closers));
      lines.push(
        JSON.stringify({
          id: `s${s}-r${r}`,
          scenario: `s${s}`,
          customer,
          reply: sentences.join(' '),
          labels: { blame_shifting: blame, deflection: deflect, negative_tone: tone, apology_needed: complaint },
          spans,
        }),
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

describe('train: corpus lines', () => {
  it('refuses bad lines, naming file:line and what to fix, before writing anything', () => {
    const dir = tmp();
    const file = join(dir, 'mine.jsonl');
    const good = { id: 'a', reply: 'The courier lost it.', labels: { blame_shifting: false } };
    writeFileSync(
      file,
      [
        JSON.stringify(good),
        '{not json',
        JSON.stringify({ id: 'b', labels: { blame_shifting: false } }),
        JSON.stringify({ id: 'c', reply: 'Hi.', labels: { blame_shifting: 'yes' } }),
        JSON.stringify({ id: 'd', reply: 'The courier lost it.', labels: { blame_shifting: true } }),
        JSON.stringify({
          id: 'e',
          reply: 'The courier lost it.',
          labels: { blame_shifting: true },
          spans: { blame_shifting: ['The driver lost it.'] },
        }),
        JSON.stringify(good),
        JSON.stringify({ id: 'f', reply: 'Hi.', labels: { greeting: true } }),
        '',
      ].join('\n'),
    );
    let message = '';
    try {
      readCorpus([file]);
    } catch (e) {
      expect(e).toBeInstanceOf(CorpusError);
      message = (e as Error).message;
    }
    expect(message).toMatch(/^7 bad corpus lines; nothing was trained:/);
    expect(message).toContain(`${file}:2: not valid JSON`);
    expect(message).toContain(`${file}:3: "reply" must be the reply's text`);
    expect(message).toContain(`${file}:4: "labels.blame_shifting" must be true, false or null`);
    expect(message).toContain(
      `${file}:5: "labels.blame_shifting" is true but "spans.blame_shifting" is missing; list the offending sentence(s)`,
    );
    expect(message).toContain(`${file}:6: "spans.blame_shifting" has "The driver lost it.", which is not in the reply`);
    expect(message).toContain(`${file}:7: id "a" is already used at ${file}:1`);
    expect(message).toContain(`${file}:8: "labels" has none of blame_shifting`);

    const err: string[] = [];
    const out = join(dir, 'models');
    const status = trainCommand(['--no-default-corpus', '--corpus', file, '--out', out], {
      stdout: () => {},
      stderr: (s) => err.push(s),
    });
    expect(status).toBe(2);
    expect(err.join('')).toContain(`${file}:2: not valid JSON`);
    expect(() => readdirSync(out)).toThrow();
    expect(() => readCorpus([join(dir, 'missing.jsonl')])).toThrow(/does not exist; check the path/);
    expect(trainCommand(['--bogus'], { stdout: () => {}, stderr: () => {} })).toBe(2);
  });
});

describe('train: a tiny synthetic corpus', () => {
  it('learns the obvious rules, picks thresholds by CV and writes the same files twice', () => {
    const dir = tmp();
    const corpus = join(dir, 'synthetic.jsonl');
    writeFileSync(corpus, syntheticCorpus(60));
    const out = join(dir, 'models');
    const lines: string[] = [];
    const status = trainCommand(['--no-default-corpus', '--corpus', corpus, '--out', out], {
      stdout: (s) => lines.push(s),
      stderr: (s) => lines.push(s),
    });
    expect(status).toBe(0);
    expect(lines.join('')).toMatch(/head\s+threshold\s+replies\s+accuracy\s+precision\s+recall/);
    expect(readdirSync(out).sort()).toEqual([...HEADS.map((h) => `${h.id}.json`), 'cv.json'].sort());
    const cv = JSON.parse(readFileSync(join(out, 'cv.json'), 'utf8'));
    for (const h of cv.heads) expect(h.atThreshold.accuracy).toBeGreaterThan(0.95);
    const blame = decodeHead(JSON.parse(readFileSync(join(out, 'blame.json'), 'utf8')));
    expect(blame.threshold).toBeGreaterThan(0);
    expect(blame.threshold).toBeLessThan(1);
    const p = (t: string) => probability(blame, featuresOf(t, blame.features));
    expect(p('The warehouse packed it wrong.')).toBeGreaterThan(blame.threshold);
    expect(p('Your parcel is on its way.')).toBeLessThan(blame.threshold);

    const again = train({ corpus: [corpus] });
    for (const [name, text] of Object.entries(again.outputs)) expect(text).toBe(readFileSync(join(out, name), 'utf8'));
  });

  it('trains only the heads asked for, and says which heads exist', () => {
    const dir = tmp();
    const corpus = join(dir, 'synthetic.jsonl');
    writeFileSync(corpus, syntheticCorpus(30));
    expect(Object.keys(train({ corpus: [corpus], heads: ['complaint'] }).files)).toEqual(['complaint']);
    expect(() => train({ corpus: [corpus], heads: ['nope'] })).toThrow(/no head "nope"; heads are blame, deflection/);
    // A team's file that labels only some things trains the heads it can.
    const only = join(dir, 'only-complaints.jsonl');
    const line = (id: string, customer: string, needed: boolean) =>
      JSON.stringify({ id, scenario: id, customer, reply: 'Thanks, noted.', labels: { apology_needed: needed } });
    writeFileSync(
      only,
      Array.from({ length: 20 }, (_, i) =>
        line(`m${i}`, i % 2 ? `My order ${i} is broken` : `Lovely service ${i}`, i % 2 === 1),
      ).join('\n'),
    );
    const log: string[] = [];
    expect(Object.keys(train({ corpus: [only], log: (l) => log.push(l) }).files)).toEqual(['complaint']);
    expect(log.join('\n')).toContain('blame: skipped; head "blame" needs replies labelled both true and false');
    expect(() => train({ corpus: [only], heads: ['blame'] })).toThrow(/needs replies labelled both true and false/);
  });

  it('picks the most accurate threshold that keeps precision, between two scores', () => {
    const s = (score: number, label: boolean) => ({ score, label });
    const scores = [
      s(0.9, true),
      s(0.8, true),
      s(0.7, false),
      s(0.6, true),
      s(0.55, true),
      s(0.2, false),
      s(0.1, false),
    ];
    // Precision >= 0.9 holds down to 0.8 (accuracy 5/7); below 0.55 accuracy is 6/7 at precision 0.8.
    expect(pickThreshold(scores, 0.9)).toBeCloseTo(0.75, 10);
    expect(pickThreshold(scores, 0)).toBeCloseTo(0.375, 10);
    // Equal accuracy: the higher threshold (fewer alarms) wins.
    expect(pickThreshold([s(0.9, true), s(0.7, false), s(0.6, true), s(0.1, false)], 0)).toBeCloseTo(0.8, 10);
  });
});

describe('shipped models', () => {
  it('are what `npm run train` makes from the committed corpus and settings', { timeout: 300_000 }, () => {
    const result = train({ corpus: [defaultCorpusPath()] });
    const dir = defaultModelsDir();
    const committed = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(committed, 'rules/models holds exactly the trained files').toEqual(Object.keys(result.outputs).sort());
    for (const [name, text] of Object.entries(result.outputs)) {
      const stale = readFileSync(join(dir, name), 'utf8') !== text;
      expect(stale, `rules/models/${name} is stale: run \`npm run train\``).toBe(false);
    }
  });

  it('load, and stay within 1.5 MB gzip in all', () => {
    const dir = defaultModelsDir();
    let gz = 0;
    for (const name of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
      const text = readFileSync(join(dir, name), 'utf8');
      gz += gzipSync(text, { level: 9 }).length;
      if (name !== 'cv.json') expect(decodeHead(JSON.parse(text)).id).toBe(name.replace(/\.json$/, ''));
    }
    expect(gz).toBeLessThanOrEqual(1.5 * 1024 * 1024);
  });
});
