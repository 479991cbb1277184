import type { Finding } from './types';

const PENALTY = { info: 3, warning: 8, error: 15 } as const;

/**
 * The tone score of a set of findings: 100 minus a penalty per finding by level, a rule counting
 * at most twice. Its own module so the page can score what it shows without loading the engine.
 */
export function scoreOf(findings: readonly Pick<Finding, 'ruleId' | 'level'>[]): number {
  let penalty = 0;
  const perRule = new Map<string, number>();
  for (const f of findings) {
    const n = (perRule.get(f.ruleId) ?? 0) + 1;
    perRule.set(f.ruleId, n);
    if (n <= 2) penalty += PENALTY[f.level];
  }
  return Math.max(0, 100 - penalty);
}
