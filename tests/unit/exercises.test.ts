import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createLinter } from '../../src/engine';
import {
  afterCompletion,
  afterShown,
  drawNext,
  type Exercise,
  exerciseScore,
  isExerciseDone,
  NO_PROGRESS,
  poolOf,
  roundOrder,
} from '../../src/exercises';
import { type CorpusRow, deriveExercises, serialiseExercises } from '../../src/exercises/derive';
import { defaultRuleSet, defaultRulesWithExamples } from '../../src/ruleset/default-pack';

const file = readFileSync('rules/exercises.json', 'utf8');
const exercises: Exercise[] = JSON.parse(file).exercises;
const linter = createLinter(defaultRuleSet);
const lint = (reply: string, c: { customerMessage: string; customerName: string; channel: 'email' | 'chat' }) =>
  linter.lint(reply, {
    channel: c.channel,
    customerMessage: c.customerMessage || undefined,
    customerName: c.customerName || undefined,
  }).findings;

describe('rules/exercises.json', () => {
  it('is derived from the rule files and the corpus and up to date (node scripts/exercises.mjs)', () => {
    const rows: CorpusRow[] = readFileSync('rules/corpus/corpus.jsonl', 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => JSON.parse(l));
    expect(serialiseExercises(deriveExercises(defaultRulesWithExamples, rows, lint))).toBe(file);
  });

  it('is small, has exercises for every rule and unique ids', () => {
    expect(file.length).toBeLessThan(300_000);
    expect(new Set(exercises.map((e) => e.id)).size).toBe(exercises.length);
    expect(new Set(exercises.map((e) => e.ruleId))).toEqual(new Set(defaultRuleSet.rules.map((r) => r.id)));
    expect(exercises.length).toBeGreaterThanOrEqual(200);
  });

  it('holds replies the rule flags, each with a good version it does not', () => {
    for (const e of exercises) {
      expect(lint(e.reply, e).some((f) => f.ruleId === e.ruleId)).toBe(true);
      expect(lint(e.good, e).some((f) => f.ruleId === e.ruleId || f.level === 'error')).toBe(false);
    }
  });

  it('never draws from the held-out evaluation set', () => {
    const script = readFileSync('scripts/exercises.mjs', 'utf8');
    expect(script).not.toMatch(/dev\.jsonl'|shared\/eval\//);
  });
});

describe('drawing exercises', () => {
  const pool = poolOf(exercises, 'no-shouting');

  it('is seeded: the same order every time, a different one per rule and per round', () => {
    expect(roundOrder(pool, 'no-shouting', 0).map((e) => e.id)).toEqual(
      roundOrder(pool, 'no-shouting', 0).map((e) => e.id),
    );
    expect(roundOrder(pool, 'no-shouting', 1).map((e) => e.id)).not.toEqual(
      roundOrder(pool, 'no-shouting', 0).map((e) => e.id),
    );
  });

  it('repeats nothing until the pool is used up, and never twice in a row across rounds', () => {
    let cursor: { round: number; next: number } | undefined;
    const ids: string[] = [];
    for (let i = 0; i < pool.length * 3; i++) {
      const drawn = drawNext(exercises, 'no-shouting', cursor)!;
      ids.push(drawn.exercise.id);
      cursor = drawn.cursor;
    }
    for (let r = 0; r < 3; r++)
      expect(new Set(ids.slice(r * pool.length, (r + 1) * pool.length)).size).toBe(pool.length);
    for (let i = 1; i < ids.length; i++) expect(ids[i]).not.toBe(ids[i - 1]);
  });

  it('draws from every rule for "any", and nothing from an unknown rule', () => {
    expect(poolOf(exercises, 'any')).toHaveLength(exercises.length);
    expect(drawNext(exercises, 'no-such-rule')).toBeNull();
  });
});

describe('scoring', () => {
  it('takes 25 points per hint and all of them for a shown answer', () => {
    expect(exerciseScore(0, false)).toBe(100);
    expect(exerciseScore(1, false)).toBe(75);
    expect(exerciseScore(2, false)).toBe(50);
    expect(exerciseScore(0, true)).toBe(0);
  });

  it('is done when changed, and neither the rule nor an error flags it', () => {
    const f = (ruleId: string, level: 'warning' | 'error') =>
      ({ ruleId, level, message: '', why: '', start: 0, end: 1, actual: 'x', fixes: [] }) as never;
    expect(isExerciseDone('no-shouting', 'A!!!', 'A!!!', [])).toBe(false);
    expect(isExerciseDone('no-shouting', 'A!!!', '  ', [])).toBe(false);
    expect(isExerciseDone('no-shouting', 'A!!!', 'A!', [f('no-shouting', 'warning')])).toBe(false);
    expect(isExerciseDone('no-shouting', 'A!!!', 'A!', [f('no-deflection', 'error')])).toBe(false);
    expect(isExerciseDone('no-shouting', 'A!!!', 'A!', [f('require-thanks', 'warning')])).toBe(true);
  });

  it('counts a streak of exercises done without a shown answer, and keeps the bests', () => {
    let p = afterCompletion(NO_PROGRESS, 100);
    p = afterCompletion(p, 75);
    expect(p).toEqual({ streak: 2, bestStreak: 2, bestScore: 100, completed: 2 });
    p = afterShown(p);
    expect(p.streak).toBe(0);
    p = afterCompletion(p, 0);
    expect(p).toEqual({ streak: 0, bestStreak: 2, bestScore: 100, completed: 3 });
  });
});
