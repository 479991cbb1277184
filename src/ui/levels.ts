import type { Level } from '../engine';

/**
 * What each level is called wherever a person reads it: card, badge, popup, practice page and
 * options. One table, so a team lead and an agent never see two names for the same level.
 */
export const LEVEL_LABEL: Readonly<Record<Level, string>> = { error: 'Error', warning: 'Warning', info: 'Tip' };

/** Most serious first: the order counts and lists are shown in. */
export const LEVELS: readonly Level[] = ['error', 'warning', 'info'];

/** One level's colour, in three tones of the same hue for the three kinds of surface it lands on. */
export interface LevelColors {
  /** On Tactful's light surfaces (white, #eef1f5), and as a fill under white text: AA for text. */
  light: string;
  /** On Tactful's dark surfaces (#1e2228, #2a2f37), and as a fill under #14161a text: AA for text. */
  dark: string;
  /**
   * Drawn on a surface whose theme Tactful does not know: underlines in a host page. A middle
   * tone that keeps 3:1 (WCAG non-text contrast) against both white and a dark page (#202124).
   */
  page: string;
}

/**
 * The colour of each level, everywhere: card, badge, popup, practice page, options, underlines
 * and the toolbar badge. Nothing else writes a level's colour: stylesheets read it as the custom
 * properties of {@link levelColorCss}, scripts import this table (a unit test checks both).
 */
export const LEVEL_COLOR: Readonly<Record<Level, Readonly<LevelColors>>> = {
  error: { light: '#b3261e', dark: '#ffb4ab', page: '#d93025' },
  warning: { light: '#8a5300', dark: '#f5c46e', page: '#e37400' },
  info: { light: '#0b57d0', dark: '#a8c7fa', page: '#1a73e8' },
};

/** The custom property a stylesheet reads a level's colour from (light or dark, by theme). */
export const levelColorVar = (level: Level) => `--tactful-${level}`;

/**
 * The level colours as custom properties (`--tactful-error`, …) on `selector`: the light tones,
 * and the dark ones under `prefers-color-scheme: dark` (how every Tactful surface picks its theme).
 * Set on the element itself, so a host page's own `--tactful-*` cannot leak in through inheritance.
 */
export function levelColorCss(selector: string): string {
  const declarations = (tone: 'light' | 'dark') =>
    LEVELS.map((level) => `${levelColorVar(level)}:${LEVEL_COLOR[level][tone]}`).join(';');
  return (
    `${selector}{${declarations('light')}}\n` +
    `@media (prefers-color-scheme: dark){${selector}{${declarations('dark')}}}\n`
  );
}

/** How many findings there are of each level. */
export function countByLevel(findings: readonly { level: Level }[]): Record<Level, number> {
  const counts: Record<Level, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.level]++;
  return counts;
}
