#!/usr/bin/env node
// The `tactful` command. The engine is TypeScript, bundled by `npm run build:cli` (run on install).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/tactful.mjs', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write(
    'tactful: the CLI is not built; run `npm install` (or `npm run build:cli`) in the Tactful folder\n',
  );
  process.exit(2);
}
const { main } = await import(bundle);
main();
