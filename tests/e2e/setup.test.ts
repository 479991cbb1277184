import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

// The Node version the README's Set-up promises (issue #7): the one Vite 8 needs, declared in
// package.json, and the install warnings it explains are the ones npm really prints on Node 20.

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${ROOT}/${path}`, 'utf8'));

const pkg = readJson('package.json');
const lock = readJson('package-lock.json');
const readme = readFileSync(`${ROOT}/README.md`, 'utf8');
const setUp = readme.slice(readme.indexOf('## Set-up'), readme.indexOf('\n## ', readme.indexOf('## Set-up') + 1));

describe('Node version in the Set-up', () => {
  test('package.json asks for exactly the Node versions Vite declares (Vite is what needs them)', () => {
    expect(pkg.engines?.node).toBe(readJson('node_modules/vite/package.json').engines.node);
    expect(pkg.engines.node).toBe('^20.19.0 || >=22.12.0');
  });

  test('the README states those versions', () => {
    expect(setUp).toMatch(/20\.19\b/);
    expect(setUp).toMatch(/22\.12\+/);
  });

  test('the packages whose engine warning the README explains are installed and declare Node 22', () => {
    const warned = ['wxt', '@topcli/prompts'];
    for (const name of warned) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(setUp).toContain(`\`${name}@${entry.version}\``);
      expect(entry.engines.node, name).toMatch(/^>=\s*22(\.0\.0)?$/);
    }
  });

  test('this Node satisfies the stated minimum', () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    expect(major > 22 || (major === 22 && minor >= 12) || (major === 20 && minor >= 19)).toBe(true);
  });
});
