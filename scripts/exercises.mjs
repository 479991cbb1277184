// Derives rules/exercises.json, the exercises of the practice page: every bad example of the rule
// files and a few hundred short replies of the labelled corpus (rules/corpus/corpus.jsonl, never
// ../shared/eval), each checked with the default pack. `node scripts/exercises.mjs [--check]`;
// tests/unit/exercises-data.test.ts checks the file is up to date.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import yaml from '@rollup/plugin-yaml';
import { createServer } from 'vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'rules/exercises.json');
const check = process.argv.includes('--check');

// Vite loads the TypeScript sources as the page build does (YAML rule files, import.meta.glob).
const server = await createServer({
  root,
  configFile: false,
  logLevel: 'error',
  plugins: [yaml()],
  server: { middlewareMode: true, hmr: false, watch: null },
  appType: 'custom',
});
try {
  const { createLinter } = await server.ssrLoadModule('/src/engine/index.ts');
  const { defaultRuleSet, defaultRulesWithExamples } = await server.ssrLoadModule('/src/ruleset/default-pack.ts');
  const { deriveExercises, serialiseExercises } = await server.ssrLoadModule('/src/exercises/derive.ts');
  const linter = createLinter(defaultRuleSet);
  const lint = (reply, c) =>
    linter.lint(reply, {
      channel: c.channel,
      customerMessage: c.customerMessage || undefined,
      customerName: c.customerName || undefined,
    }).findings;
  const rows = readFileSync(join(root, 'rules/corpus/corpus.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const text = serialiseExercises(deriveExercises(defaultRulesWithExamples, rows, lint));
  if (check) {
    let current = '';
    try {
      current = readFileSync(out, 'utf8');
    } catch {}
    if (current !== text) {
      console.error('rules/exercises.json is out of date: run node scripts/exercises.mjs');
      process.exitCode = 1;
    }
  } else {
    writeFileSync(out, text);
    const { exercises } = JSON.parse(text);
    const per = {};
    for (const e of exercises) per[e.ruleId] = (per[e.ruleId] ?? 0) + 1;
    console.log(`rules/exercises.json: ${exercises.length} exercises, ${text.length} bytes`, per);
  }
} finally {
  await server.close();
}
