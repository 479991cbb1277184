// Learned checks benchmark: prints figures, asserts nothing. Run with `node tests/bench/model.mjs`
// after `npm run train` (reads rules/models/*.json). Builds src/engine/model with Vite's JS API
// into dist/bench-model, then times feature extraction and scoring of the corpus's sentences.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = `${root}dist/bench-model`;
await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: `${root}tests/bench/model-entry.ts`,
    outDir,
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'model.mjs', format: 'es' } },
  },
});
const m = await import(pathToFileURL(`${outDir}/model.mjs`).href);

const modelsDir = `${root}rules/models`;
const files = readdirSync(modelsDir).filter((f) => f.endsWith('.json') && f !== 'cv.json');
let raw = 0;
let gz = 0;
const texts = files.map((f) => readFileSync(`${modelsDir}/${f}`, 'utf8'));
for (const [i, f] of files.entries()) {
  raw += statSync(`${modelsDir}/${f}`).size;
  gz += gzipSync(texts[i], { level: 9 }).length;
}
// JSON.parse + decodeHead of every head, first (cold) time.
const t0 = performance.now();
const heads = texts.map((t) => m.decodeHead(JSON.parse(t)));
const decodeMs = performance.now() - t0;

const sentences = [];
for (const line of readFileSync(`${root}rules/corpus/corpus.jsonl`, 'utf8').split('\n')) {
  if (!line.trim()) continue;
  for (const s of m.splitSentences(JSON.parse(line).reply)) sentences.push(s.text);
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1];
}

/** Median per-sentence time (µs) of `fn`, over batches of 100 sentences, after a warm-up pass. */
function perSentence(fn) {
  for (const s of sentences) fn(s);
  const samples = [];
  for (let i = 0; i + 100 <= sentences.length; i += 100) {
    const start = performance.now();
    for (let j = i; j < i + 100; j++) fn(sentences[j]);
    samples.push(((performance.now() - start) / 100) * 1000);
  }
  return median(samples);
}

const head = heads.find((h) => h.unit === 'sentence') ?? heads[0];
const opts = head.features;
let sink = 0;
const features = perSentence((s) => {
  sink += m.featuresOf(s, opts).length;
});
const one = perSentence((s) => {
  sink += m.probability(head, m.featuresOf(s, opts));
});
const all = perSentence((s) => {
  const f = m.featuresOf(s, opts);
  for (const h of heads) sink += h.unit === 'reply' ? m.evidence(h, f).sum : m.probability(h, f);
});
const why = perSentence((s) => {
  sink += m.weightiest(head, s, 3).length;
});

console.log(
  `model files: ${files.length} heads, ${(raw / 1024).toFixed(0)} KiB raw, ${(gz / 1024).toFixed(0)} KiB gzip`,
);
console.log(`JSON.parse + decodeHead of all heads (cold): ${decodeMs.toFixed(1)} ms`);
console.log(`${sentences.length} corpus sentences, median per sentence (batches of 100):`);
console.log(`  featuresOf:                         ${features.toFixed(1)} µs`);
console.log(`  featuresOf + probability (1 head):  ${one.toFixed(1)} µs`);
console.log(`  featuresOf + all ${heads.length} heads:           ${all.toFixed(1)} µs`);
console.log(`  weightiest (k = 3):                 ${why.toFixed(1)} µs`);
if (sink === 0.5) console.log('');
