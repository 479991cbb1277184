import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// `npm run screenshots`: the README's pictures, taken in real Chromium with the built extension.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: { name: 'screenshots', include: ['tests/e2e/screenshots.shot.ts'], environment: 'node', testTimeout: 120_000 },
});
