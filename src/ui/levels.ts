import type { Level } from '../engine';

/**
 * What each level is called wherever a person reads it: card, badge, popup, practice page and
 * options. One table, so a team lead and an agent never see two names for the same level.
 */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = { error: 'Error', warning: 'Warning', info: 'Tip' };

/** Most serious first: the order counts and lists are shown in. */
export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

/** How many findings there are of each level. */
export function countByLevel(findings: readonly { level: Level }[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}
