// Prints self and inclusive time per function of a V8 .cpuprofile (node --cpu-prof output), and
// with --lines, the hottest source lines of the named functions of dist/cli/tactful.mjs.
//   node tests/bench/summarise-profile.mjs FILE.cpuprofile [top] [--lines lint,phraseFindings]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const linesAt = args.indexOf('--lines');
const lineFns = linesAt >= 0 ? args.splice(linesAt, 2)[1].split(',') : [];
const [file, topArg] = args;
const top = Number(topArg ?? 25);
const prof = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(prof.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of prof.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Sample counts weighted by the time deltas.
const selfTime = new Map();
prof.samples.forEach((id, i) => {
  selfTime.set(id, (selfTime.get(id) ?? 0) + (prof.timeDeltas[i] ?? 0));
});

const key = (n) => {
  const f = n.callFrame;
  const where = f.url ? `${f.url.replace(/^.*\/(dist|node_modules|src)\//, '$1/')}:${f.lineNumber + 1}` : '';
  return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const incl = new Map();
let total = 0;
for (const [id, t] of selfTime) {
  total += t;
  const n = byId.get(id);
  self.set(key(n), (self.get(key(n)) ?? 0) + t);
  // Inclusive: once per distinct function on the stack.
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const k = key(byId.get(cur));
    if (seen.has(k)) continue;
    seen.add(k);
    incl.set(k, (incl.get(k) ?? 0) + t);
  }
}
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`total sampled ${(total / 1000).toFixed(0)} ms`);
console.log('\nself time');
for (const [k, t] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);
console.log('\ninclusive time');
for (const [k, t] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(t)}  ${k}`);

if (lineFns.length) {
  const bundle = readFileSync(new URL('../../dist/cli/tactful.mjs', import.meta.url), 'utf8').split('\n');
  const tickMs = (prof.endTime - prof.startTime) / 1000 / prof.samples.length;
  for (const fn of lineFns) {
    const lines = new Map();
    let ticks = 0;
    for (const n of prof.nodes) {
      if (n.callFrame.functionName !== fn || !n.callFrame.url.includes('tactful.mjs')) continue;
      for (const t of n.positionTicks ?? []) {
        lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
        ticks += t.ticks;
      }
    }
    console.log(`\n${fn}: self ${(ticks * tickMs).toFixed(0)} ms, hottest lines (dist/cli/tactful.mjs)`);
    for (const [l, t] of [...lines].sort((a, b) => b[1] - a[1]).slice(0, 6)) {
      console.log(
        `${(t * tickMs).toFixed(0).padStart(6)} ms  ${String(l).padStart(6)}  ${bundle[l - 1].trim().slice(0, 100)}`,
      );
    }
  }
}
