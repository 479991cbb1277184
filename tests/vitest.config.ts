import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';
import preact from '@preact/preset-vite';
import yaml from '@rollup/plugin-yaml';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  test: {
    projects: [
      {
        plugins: [yaml()],
        test: {
          name: 'unit',
          root,
          include: ['tests/unit/**/*.test.ts', 'tests/rules/**/*.test.ts'],
          environment: 'node',
          // The CLI tests run the built bundle: built once here, before any file starts.
          globalSetup: ['tests/unit/cli-bundle.setup.ts'],
        },
      },
      {
        plugins: [WxtVitest(), preact(), yaml()],
        test: {
          name: 'dom',
          root,
          include: ['tests/dom/**/*.test.{ts,tsx}'],
          environment: 'happy-dom',
          // Vitest empties CSS imports; a `?inline` one is the text of a shadow root's <style>: keep it.
          css: { include: [/\.css\?inline$/] },
          server: { deps: { inline: ['zustand'] } },
        },
      },
    ],
  },
});
