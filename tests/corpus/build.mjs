// Builds the team's labelled corpus, rules/corpus/corpus.jsonl, from its three readings:
//   rules/corpus/raw/<slice>.jsonl             the writer's reading (labels + offending spans)
//   rules/corpus/second-reading/<slice>.labels.jsonl   a blind second reading (customer + reply only)
//   rules/corpus/adjudicated/<slice>.decided.jsonl     an adjudicator's decision on every disagreement
// and prints the agreement per label between the two readings. Near-duplicate replies across
// scenarios are dropped (the later one). `npm run corpus` writes; `--check` fails when the
// committed corpus differs from what the readings give.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const dir = join(root, 'rules/corpus');
const LABELS = [
  'blame_shifting',
  'deflection',
  'apology',
  'apology_needed',
  'follow_up_offer',
  'warm_closing',
  'thanks',
  'greeting',
  'negative_tone',
];
const SPANNED = ['blame_shifting', 'deflection', 'negative_tone'];

const readJsonl = (file) =>
  existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim())
        .map((l) => JSON.parse(l))
    : [];

// Replies whose word 4-grams overlap this much are the same reply written twice.
const NEAR_DUPLICATE = 0.8;
const words = (t) => t.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
function shingles(text) {
  const w = words(text);
  const out = new Set();
  for (let i = 0; i + 4 <= w.length; i++) out.add(w.slice(i, i + 4).join(' '));
  if (w.length < 4) out.add(w.join(' '));
  return out;
}

const slices = readdirSync(join(dir, 'raw'))
  .filter((f) => f.endsWith('.jsonl'))
  .map((f) => f.replace(/\.jsonl$/, ''))
  .sort();

const agree = Object.fromEntries(LABELS.map((l) => [l, { same: 0, total: 0, undecided: 0 }]));
const cases = [];
for (const slice of slices) {
  const first = readJsonl(join(dir, 'raw', `${slice}.jsonl`));
  const second = new Map(readJsonl(join(dir, 'second-reading', `${slice}.labels.jsonl`)).map((r) => [r.id, r]));
  const decided = new Map(readJsonl(join(dir, 'adjudicated', `${slice}.decided.jsonl`)).map((r) => [r.id, r]));
  for (const a of first) {
    const b = second.get(a.id);
    if (!b) throw new Error(`${slice}: ${a.id} has no second reading`);
    const d = decided.get(a.id);
    const labels = {};
    const spans = {};
    for (const l of LABELS) {
      agree[l].total++;
      if (a.labels[l] === b.labels[l]) {
        agree[l].same++;
        labels[l] = a.labels[l];
      } else if (d && typeof d.decided?.[l] === 'boolean') labels[l] = d.decided[l];
      else {
        agree[l].undecided++;
        labels[l] = null; // not settled yet: left out of training and scoring for this label
      }
    }
    for (const l of SPANNED) {
      if (labels[l] !== true) continue;
      const from = d?.spans?.[l]?.length ? d.spans[l] : a.labels[l] ? a.spans?.[l] : b.spans?.[l];
      spans[l] = (from ?? []).filter((s) => a.reply.includes(s));
    }
    cases.push({
      id: a.id,
      scenario: a.scenario,
      industry: a.industry,
      channel: a.channel,
      format: a.format,
      customer: a.customer,
      reply: a.reply,
      labels,
      spans,
    });
  }
}

// Near-duplicates across scenarios: keep the first.
const index = new Map();
const sets = cases.map((c) => shingles(c.reply));
const dropped = new Set();
cases.forEach((c, i) => {
  const seen = new Map();
  for (const s of sets[i]) for (const j of index.get(s) ?? []) seen.set(j, (seen.get(j) ?? 0) + 1);
  for (const [j, shared] of seen) {
    if (cases[j].scenario === c.scenario || dropped.has(j)) continue;
    const jaccard = shared / (sets[i].size + sets[j].size - shared);
    if (jaccard >= NEAR_DUPLICATE) {
      dropped.add(i);
      break;
    }
  }
  if (!dropped.has(i)) for (const s of sets[i]) index.set(s, [...(index.get(s) ?? []), i]);
});
const kept = cases.filter((_, i) => !dropped.has(i));
const text = `${kept.map((c) => JSON.stringify(c)).join('\n')}\n`;

console.log(
  `${kept.length} replies (${dropped.size} near-duplicates dropped) in ${new Set(kept.map((c) => c.scenario)).size} scenarios, ${new Set(kept.map((c) => c.industry)).size} industries`,
);
console.log('label              agreement  disagreements  undecided  positives');
for (const l of LABELS) {
  const a = agree[l];
  const pos = kept.filter((c) => c.labels[l] === true).length;
  console.log(
    `${l.padEnd(18)} ${(a.same / a.total).toFixed(3).padStart(9)}  ${String(a.total - a.same).padStart(13)}  ${String(a.undecided).padStart(9)}  ${String(pos).padStart(9)}`,
  );
}

const out = join(dir, 'corpus.jsonl');
if (process.argv.includes('--check')) {
  if (!existsSync(out) || readFileSync(out, 'utf8') !== text) {
    console.error('rules/corpus/corpus.jsonl is not what the readings give: run `npm run corpus`');
    process.exit(1);
  }
} else writeFileSync(out, text);
