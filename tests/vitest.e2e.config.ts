import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// Real Chromium with the built extension (.output/chrome-mv3); one browser test file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'e2e',
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
