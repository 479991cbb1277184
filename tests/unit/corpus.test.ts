import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// The committed corpus is exactly what its readings give (writer, blind second reading,
// adjudication), with near-duplicates dropped: `npm run corpus` rebuilds it.
describe('rules/corpus', () => {
  it('corpus.jsonl is built from its readings', () => {
    expect(() => execFileSync('node', ['tests/corpus/build.mjs', '--check'], { stdio: 'pipe' })).not.toThrow();
  });

  it('holds the replies the learned checks need, each a reply with its customer message and labels', () => {
    const cases = readFileSync('rules/corpus/corpus.jsonl', 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(cases.length).toBeGreaterThanOrEqual(6000);
    expect(new Set(cases.map((c) => c.industry)).size).toBeGreaterThanOrEqual(20);
    expect(new Set(cases.map((c) => c.channel))).toEqual(new Set(['chat', 'email']));
    for (const c of cases) {
      expect(typeof c.reply).toBe('string');
      for (const spans of Object.values(c.spans) as string[][]) for (const s of spans) expect(c.reply).toContain(s);
    }
  });
});
