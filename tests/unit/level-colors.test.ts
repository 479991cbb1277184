// The level colours live in one table (src/ui/levels.ts): every level has its three tones there,
// they are readable where they are used, and no other source file writes one of them (or one of
// the palettes the table replaced) as a hex code, so copies cannot drift apart again.
import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { LEVEL_COLOR, LEVELS, levelColorCss } from '../../src/ui/levels';

const root = fileURLToPath(new URL('../..', import.meta.url));
const TABLE = 'src/ui/levels.ts';

/** WCAG 2 relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

// The surfaces of coach.css, popup.css and practice.css (background, subtle fill, chip text).
const LIGHT_SURFACES = ['#ffffff', '#eef1f5', '#f5f6f8'];
const DARK_SURFACES = ['#1e2228', '#2a2f37', '#15181e', '#1e222a', '#14161a'];
// Host pages: a light one and Gmail's dark theme.
const PAGES = ['#ffffff', '#202124'];

/** The palettes the table replaced: none may come back as a copy. */
const RETIRED = [
  ['#c62828', '#b26a00', '#1565c0', '#ff7b72', '#f0b44c', '#79b8ff'], // practice.css
  ['#a50e0e', '#7a4100', '#174ea6', '#fce8e6', '#fef7e0', '#e8f0fe'], // options.css
].flat();

const HEX = /#(?:[0-9a-f]{8}|[0-9a-f]{6}|[0-9a-f]{3,4})\b/gi;
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs|css|html)$/;

/** `#abc` and `#aabbcc` (and with alpha) as lower-case #rrggbb, to compare. */
function normalise(hex: string): string {
  const h = hex.slice(1).toLowerCase();
  const rgb = h.length <= 4 ? [...h.slice(0, 3)].map((c) => c + c).join('') : h.slice(0, 6);
  return `#${rgb}`;
}

function sourceFiles(dir: string): string[] {
  return (readdirSync(posix.join(root, dir), { recursive: true }) as string[])
    .map((f) => posix.join(dir, f.split('\\').join('/')))
    .filter((f) => SOURCE.test(f))
    .sort();
}

/** `file:line #hex` for each level colour written outside the table. */
function copiesIn(file: string, forbidden: Set<string>): string[] {
  const out: string[] = [];
  readFileSync(posix.join(root, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      for (const m of line.matchAll(HEX)) if (forbidden.has(normalise(m[0]))) out.push(`${file}:${i + 1} ${m[0]}`);
    });
  return out;
}

describe('LEVEL_COLOR', () => {
  it('has a light, a dark and a page tone for every level', () => {
    expect(Object.keys(LEVEL_COLOR).sort()).toEqual([...LEVELS].sort());
    for (const level of LEVELS) {
      for (const tone of ['light', 'dark', 'page'] as const) expect(LEVEL_COLOR[level][tone]).toMatch(/^#[0-9a-f]{6}$/);
    }
  });

  it('reads as text (WCAG AA, 4.5:1) on the surfaces of its theme, and under white or near-black text', () => {
    for (const level of LEVELS) {
      const { light, dark } = LEVEL_COLOR[level];
      for (const bg of LIGHT_SURFACES)
        expect(contrast(light, bg), `${level} ${light} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      for (const bg of DARK_SURFACES)
        expect(contrast(dark, bg), `${level} ${dark} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('keeps underlines on a host page visible (3:1) on light and dark pages', () => {
    for (const level of LEVELS) {
      const { page } = LEVEL_COLOR[level];
      for (const bg of PAGES) expect(contrast(page, bg), `${level} ${page} on ${bg}`).toBeGreaterThanOrEqual(3);
    }
  });

  it('gives stylesheets one custom property per level, light and dark', () => {
    const css = levelColorCss(':root');
    for (const level of LEVELS) {
      expect(css).toContain(`--tactful-${level}:${LEVEL_COLOR[level].light}`);
      expect(css).toMatch(
        new RegExp(
          `@media \\(prefers-color-scheme: dark\\)\\{:root\\{[^}]*--tactful-${level}:${LEVEL_COLOR[level].dark}`,
        ),
      );
    }
  });
});

describe('level colours in source files', () => {
  const forbidden = new Set([...LEVELS.flatMap((l) => Object.values(LEVEL_COLOR[l])), ...RETIRED]);
  const files = [...sourceFiles('src'), ...sourceFiles('entrypoints')].filter((f) => f !== TABLE);

  it('are written only in src/ui/levels.ts', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.flatMap((f) => copiesIn(f, forbidden))).toEqual([]);
  });

  it('finds a copy in any of its spellings', () => {
    const probe = (text: string) => [...text.matchAll(HEX)].map((m) => normalise(m[0])).filter((h) => forbidden.has(h));
    expect(probe(`color: #B3261E; x: '#d93025' #0b57d0cc`)).toEqual(['#b3261e', '#d93025', '#0b57d0']);
    expect(probe('#fff #1e2228 #b3261')).toEqual([]);
  });
});
