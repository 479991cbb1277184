import { defineConfig } from 'vite';
import yaml from '@rollup/plugin-yaml';
import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';

// Bundles the CLI (engine + default pack) into one node script run by bin/tactful.mjs.
export default defineConfig({
  plugins: [yaml()],
  build: {
    ssr: fileURLToPath(new URL('./main.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('../../dist/cli', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: {
      external: [...builtinModules, ...builtinModules.map((m) => `node:${m}`)],
      output: { entryFileNames: 'tactful.mjs', format: 'es' },
    },
  },
  ssr: { noExternal: true },
  logLevel: 'warn',
});
