// Scores the rule pack against labelled replies (default ../shared/eval/dev.jsonl) with the
// scorer that ships beside them: `npm run eval [-- CASES.jsonl]`. Prints, asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cases = resolve(process.argv[2] ?? join(root, '../shared/eval/dev.jsonl'));
const scorer = join(dirname(cases), 'score.mjs');
if (!existsSync(cases) || !existsSync(scorer)) {
  console.error(`eval: need ${cases} and ${scorer} (the labelled replies and their scorer)`);
  process.exit(2);
}
const dir = mkdtempSync(join(tmpdir(), 'tactful-eval-'));
const input = join(dir, 'input.jsonl');
// Only what the CLI reads: the labels stay with the scorer.
writeFileSync(
  input,
  `${readFileSync(cases, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const c = JSON.parse(l);
      return JSON.stringify({ id: c.id, reply: c.reply, customer: c.customer, channel: c.channel });
    })
    .join('\n')}\n`,
);
const predictions = join(dir, 'predictions.jsonl');
// The CLI exits 1 when a reply has an error-level finding (expected here) and 2 on bad input.
const lint = spawnSync('node', [join(root, 'bin/tactful.mjs'), 'lint', '--jsonl', input], { maxBuffer: 1 << 28 });
if (lint.status !== 0 && lint.status !== 1) {
  process.stderr.write(lint.stderr);
  console.error(`eval: tactful lint --jsonl exited ${lint.status ?? lint.signal}`);
  process.exit(2);
}
writeFileSync(predictions, lint.stdout);
try {
  execFileSync('node', [scorer, cases, predictions], { stdio: 'inherit' });
} catch {
  // The scorer exits 1 below its goal; the table above says by how much.
}
console.log(`predictions: ${predictions}`);
