// Scores the rule pack against labelled replies (default ../shared/eval/dev.jsonl) with the
// scorer that ships beside them: `npm run eval [-- CASES.jsonl] [--rules PATH]`. Prints, asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const rulesAt = args.indexOf('--rules');
// A team's rule set (or a folder of rule files) instead of the pack, as `tactful lint --rules` takes.
const rules = rulesAt >= 0 ? ['--rules', resolve(args.splice(rulesAt, 2)[1] ?? '')] : [];
const cases = resolve(args[0] ?? join(root, '../shared/eval/dev.jsonl'));
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
const lint = spawnSync('node', [join(root, 'bin/tactful.mjs'), 'lint', '--jsonl', input, ...rules], {
  maxBuffer: 1 << 28,
});
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

// The learned heads' cross-validated figures on the team corpus (5 folds split by scenario), as
// `npm run train` measured them: the figure for replies the rules were not written from.
const cv = JSON.parse(readFileSync(join(root, 'rules/models/cv.json'), 'utf8'));
console.log(`\ncross-validation on rules/corpus (${cv.corpus.replies} replies, ${cv.folds} folds by scenario):`);
console.table(
  cv.heads.map((h) => ({
    head: h.head,
    threshold: h.threshold,
    acc: h.atThreshold.accuracy.toFixed(3),
    prec: h.atThreshold.precision.toFixed(3),
    rec: h.atThreshold.recall.toFixed(3),
    'acc if it never fired': ((h.atThreshold.fp + h.atThreshold.tn) / h.replies).toFixed(3),
  })),
);
