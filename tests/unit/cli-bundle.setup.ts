// Vitest global set-up of the unit project: the CLI tests run dist/cli/tactful.mjs as a real
// process, so it is built here once, before any test file starts, when it is missing or older
// than its sources (two test files building it at once would race on the same output).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'tactful.mjs');

function newestMtime(path: string): number {
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((f) => newestMtime(join(path, f))));
}

export default function buildCli(): void {
  const stale =
    !existsSync(bundle) ||
    statSync(bundle).mtimeMs < Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'rules')));
  if (!stale) return;
  const b = spawnSync('npm', ['run', 'build:cli'], { cwd: root, encoding: 'utf8', timeout: 180_000 });
  // rules/ may be mid-edit: an earlier bundle still serves the CLI's own tests, which never
  // depend on the default pack's findings.
  if (b.status !== 0 && !existsSync(bundle)) throw new Error(`npm run build:cli failed:\n${b.stdout}\n${b.stderr}`);
}
