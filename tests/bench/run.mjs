// Tactful engine benchmark: prints figures, asserts nothing. Run with `npm run bench`
// (builds dist/cli/tactful.mjs first). Single process, except one short child per import-cost
// sample, so the measured process never pays compromise's import inside a timed lint. Last, the
// peer linters (harper.js, write-good, alex: peers.mjs) on the same drafts, for comparison.
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { CUSTOMER_MESSAGE, countWords, makeDraft, middleEdit, parsedEdit, prng } from './drafts.mjs';
import { benchPeers, peerTables } from './peers.mjs';
import { measureSizes } from './size.mjs';
import { stats } from './stats.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const bundle = new URL('../../dist/cli/tactful.mjs', import.meta.url);

// First thing: import the engine bundle (compromise, sentiment and the rule pack evaluate here),
// so that no timed lint below includes it.
const importStart = performance.now();
const { createLinter, defaultRuleSet } = await import(bundle.href);
const bundleImportMs = performance.now() - importStart;

const OPTIONS = { channel: 'email', customerMessage: CUSTOMER_MESSAGE };
const SIZES = [
  { words: 150, cold: 200, edit: 500 },
  { words: 1000, cold: 80, edit: 400 },
  { words: 10000, cold: 30, edit: 300 },
];
const TARGETS = { edit: { 1000: 2, 10000: 3 }, cold: { 1000: 40 } };

// ---------------------------------------------------------------------------------------------
// Helpers

const ms = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x >= 1 ? x.toFixed(2) : x.toFixed(3));
const kib = (b) => (b / 1024).toFixed(1);
const pad = (s, n) => String(s).padEnd(n);
const lpad = (s, n) => String(s).padStart(n);
const fmtInt = (n) => n.toLocaleString('en-US');

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (align[i] === 'r' ? lpad(c, widths[i]) : pad(c, widths[i]))).join('  ');
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdown(headers, rows, align) {
  const sep = align.map((a) => (a === 'r' ? '---:' : ':---'));
  return [headers, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

// Same reading of a pattern string as the engine's patternType (src/engine/patterns.ts).
function patternKind(p) {
  if (/^\/(.+)\/([a-z]*)$/s.test(p)) return 'regex';
  if (/[#()[\]{}|*+?!~@<>]/.test(p)) return 'compromise';
  return 'literal';
}

// Whether the engine would parse a sentence with compromise: some compromise pattern has all
// its required words in it (mirrors requiredWords in src/engine/patterns.ts).
function compromiseParses(ruleSet, sentence) {
  const lower = sentence.toLowerCase();
  const patterns = ruleSet.rules.flatMap((r) =>
    ['patterns', 'unless', 'alternatives'].flatMap((f) => r.check[f] ?? []).concat(r.check.when?.draft ?? []),
  );
  return patterns
    .map((p) => (typeof p === 'string' ? p : p.match))
    .filter((p) => patternKind(p) === 'compromise')
    .filter((p) =>
      p.split(/\s+/).every((token) => {
        if (/^[a-z]+$/i.test(token)) return lower.includes(token.toLowerCase());
        if (/^\(([a-z]+\|)+[a-z]+\)$/i.test(token))
          return token
            .slice(1, -1)
            .toLowerCase()
            .split('|')
            .some((w) => lower.includes(w));
        return true;
      }),
    );
}

function rulePackSummary(ruleSet) {
  const kinds = { literal: 0, regex: 0, compromise: 0 };
  const add = (list) => {
    for (const p of list ?? []) kinds[patternKind(typeof p === 'string' ? p : p.match)]++;
  };
  for (const r of ruleSet.rules) {
    const c = r.check;
    add(c.patterns);
    add(c.unless);
    add(c.alternatives);
    add(c.when?.draft);
  }
  return { rules: ruleSet.rules.length, ...kinds };
}

/** Import cost of compromise in a fresh node (file cache warm): import, then first and second parse. */
function importCostSample(specifier) {
  const script = `
    const t0 = performance.now();
    const m = await import(${JSON.stringify(specifier)});
    const t1 = performance.now();
    const nlp = m.default;
    let first = null, second = null;
    if (typeof nlp === 'function') {
      nlp('Hi Dana, your order left our warehouse on Monday.').json();
      const t2 = performance.now();
      nlp('The refund will show on your statement within five days.').json();
      first = t2 - t1; second = performance.now() - t2;
    }
    console.log(JSON.stringify({ importMs: t1 - t0, first, second }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

// ---------------------------------------------------------------------------------------------
// Lint timings

/**
 * A warmed linter (the text linted once, plus 20 untimed edits), then `runs` timed lints of
 * `textAt(k)`. Returns the timings and how many sentences each lint re-analysed.
 */
function editBench(base, textAt, runs) {
  const linter = createLinter(defaultRuleSet);
  linter.lint(base, OPTIONS);
  for (let k = 1; k <= 20; k++) linter.lint(textAt(k), OPTIONS);
  const times = [];
  const analysed = new Map();
  let report;
  for (let k = 21; k < 21 + runs; k++) {
    const text = textAt(k);
    const t = performance.now();
    report = linter.lint(text, OPTIONS);
    times.push(performance.now() - t);
    analysed.set(report.timings.analysed, (analysed.get(report.timings.analysed) ?? 0) + 1);
  }
  return { ...stats(times), analysed: [...analysed].sort((x, y) => x[0] - y[0]), report };
}

/** Cold lint: a fresh linter each run, so the per-sentence cache is empty (5 untimed first). */
function coldBench(text, runs) {
  for (let i = 0; i < 5; i++) createLinter(defaultRuleSet).lint(text, OPTIONS);
  const times = [];
  let report;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    report = createLinter(defaultRuleSet).lint(text, OPTIONS);
    times.push(performance.now() - t);
  }
  return { ...stats(times), report };
}

const pack = rulePackSummary(defaultRuleSet);
const drafts = SIZES.map((s) => {
  const text = makeDraft(s.words);
  return { ...s, text, actualWords: countWords(text) };
});

// The first lint in this process: cold cache and JIT (and compromise set-up, if it parses).
const firstStart = performance.now();
createLinter(defaultRuleSet).lint(drafts[0].text, OPTIONS);
const firstLintMs = performance.now() - firstStart;

const results = [];
for (const d of drafts) {
  const cold = coldBench(d.text, d.cold);
  const coldReport = cold.report;

  // One-word edit in the sentence nearest the middle: a new word every run, so the edited
  // sentence is never in the cache (which keeps sentences seen before, to make undo free).
  const middle = middleEdit(d.text);
  const middleParses = compromiseParses(defaultRuleSet, middle.sentence).length > 0;
  const edit = editBench(d.text, middle.text, d.edit);
  // The same, in a sentence that compromise has to parse (a blame-shifting match).
  const parsed = parsedEdit(d.text);
  const parsedRun = editBench(parsed.base, parsed.text, d.edit);
  // Its own cold lint (the draft plus that sentence), for the edit/cold ratio.
  const parsedCold = coldBench(parsed.base, Math.ceil(d.cold / 2));
  const parsedFlagged = parsedRun.report.findings.some(
    (f) => f.start <= parsed.at && parsed.at - f.start < 60 && /warehouse/i.test(f.actual),
  );
  // Edit and undo: two variants alternating. The undone sentence is still cached, so nothing is
  // re-analysed: the floor of a lint call at this length.
  const undo = editBench(d.text, (k) => middle.text(k % 2), d.edit);

  results.push({
    words: d.words,
    actualWords: d.actualWords,
    chars: d.text.length,
    sentences: coldReport.timings.sentences,
    distinct: coldReport.timings.analysed,
    findings: coldReport.findings.length,
    cold,
    edits: [
      { kind: 'word in the middle sentence', ...edit, cold, sentence: middle.sentence, parses: middleParses },
      {
        kind: 'word in a sentence compromise parses',
        ...parsedRun,
        cold: parsedCold,
        sentence: parsed.sentence,
        flagged: parsedFlagged,
        parses: compromiseParses(defaultRuleSet, parsed.sentence).length > 0,
      },
      { kind: 'undo (2 variants alternating)', ...undo, cold },
    ],
  });
}

// ---------------------------------------------------------------------------------------------
// Huge input: 1 MB pastes of every shape, each linted cold (a fresh linter) a few times. Bounded
// work is the point (issue 12): long sentences skip compromise, quotes are blanked in one pass,
// findings are never spread as arguments.

const HUGE = 1_000_000;
const HUGE_WORDS = (
  'the order refund parcel we you they sorry account delivery warehouse team system forgot lost help ' +
  'today call email policy department know find out cannot please thanks customer issue problem late ' +
  'broken courier invoice have has decided must entered'
).split(' ');

function hugeWords(bytes) {
  const r = prng(7);
  const out = [];
  for (let n = 0; n < bytes; ) {
    const w = HUGE_WORDS[Math.floor(r() * HUGE_WORDS.length)];
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ').slice(0, bytes);
}

function hugeJson(bytes) {
  const r = prng(9);
  const items = [];
  for (let i = 0, n = 2; n < bytes; i++) {
    const note = `${HUGE_WORDS[Math.floor(r() * HUGE_WORDS.length)]} ${HUGE_WORDS[Math.floor(r() * HUGE_WORDS.length)]}`;
    const s = JSON.stringify({ id: i, name: `item ${i}`, note, ok: r() < 0.5, tags: ['a', 'b'] });
    items.push(s);
    n += s.length + 1;
  }
  return `[${items.join(',')}]`.slice(0, bytes);
}

function hugeProse(bytes) {
  let words = Math.ceil(bytes / 5.5);
  let text = makeDraft(words);
  while (text.length < bytes) {
    words = Math.ceil(words * 1.1);
    text = makeDraft(words);
  }
  return text.slice(0, bytes);
}

const HUGE_CASES = [
  { label: 'random words, no punctuation (1 MB)', make: () => hugeWords(HUGE) },
  { label: 'JSON blob (1 MB)', make: () => hugeJson(HUGE) },
  { label: "'?? ' × 130,000 (390 KB)", make: () => '?? '.repeat(130_000) },
  { label: "'?? ' × 333,333 (1 MB)", make: () => '?? '.repeat(333_333) },
  { label: 'normal prose (1 MB)', make: () => hugeProse(HUGE) },
  {
    label: 'prose as one sentence (1 MB)',
    make: () =>
      hugeProse(HUGE)
        .replace(/[.!?…]+/g, ',')
        .replace(/\n+/g, ' '),
  },
];
const HUGE_RUNS = 3;
const HUGE_TARGET_MS = 2000;

const huge = HUGE_CASES.map(({ label, make }) => {
  const text = make();
  const wall = [];
  const cpu = [];
  let report;
  for (let i = 0; i < HUGE_RUNS; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    report = createLinter(defaultRuleSet).lint(text, OPTIONS);
    wall.push(performance.now() - t);
    const u = process.cpuUsage(c);
    cpu.push((u.user + u.system) / 1000);
  }
  return { label, chars: text.length, report, wall: stats(wall), cpu: stats(cpu) };
});

// ---------------------------------------------------------------------------------------------
// Slow team regexes: what the safety check lets through (two repeats in a row, length³ at worst)
// on text built to defeat them, with the default time budget. Long sentences are read in windows
// (src/engine/patterns.ts) and the lint stops at its deadline, saying how far it read.

const slowRule = (pattern) => ({
  id: 'no-slow',
  level: 'warning',
  description: 'Disallow a slow pattern.',
  message: 'A slow pattern matched.',
  why: 'Only here to be slow.',
  check: { kind: 'phrase', patterns: [pattern] },
});
const SLOW_CASES = [
  { pattern: '/.*a.*b/', label: '"a" × 1,000', make: () => 'a'.repeat(1000) },
  { pattern: '/.*a.*b/', label: '"a" × 4,000', make: () => 'a'.repeat(4000) },
  { pattern: '/.*a.*b/', label: '"a" × 1,000,000', make: () => 'a'.repeat(HUGE) },
  { pattern: '/\\w+!/', label: '"a" × 1,000,000', make: () => 'a'.repeat(HUGE) },
  { pattern: '/.*a.*b/', label: 'normal prose (1 MB)', make: () => hugeProse(HUGE) },
];
const SLOW_RUNS = 3;
const slow = SLOW_CASES.map(({ pattern, label, make }) => {
  const text = make();
  const set = { ...defaultRuleSet, rules: [...defaultRuleSet.rules, slowRule(pattern)] };
  const wall = [];
  let report;
  for (let i = 0; i < SLOW_RUNS; i++) {
    const t = performance.now();
    report = createLinter(set).lint(text, OPTIONS);
    wall.push(performance.now() - t);
  }
  // Before windows: one scan of the whole text, timed once where it ends in seconds.
  let wholeScanMs = null;
  if (text.length <= 4000) {
    const re = new RegExp(pattern.slice(1, -1), 'g');
    const t = performance.now();
    while (re.exec(text)) {}
    wholeScanMs = performance.now() - t;
  }
  return { pattern, label, chars: text.length, report, wall: stats(wall), wholeScanMs };
});

// ---------------------------------------------------------------------------------------------
// Import cost (children), shipped size (Vite), machine

const importSamples = [0, 1, 2].map(() => importCostSample('compromise/two'));
const bundleSamples = [0, 1, 2].map(() => importCostSample(bundle.href));
const sizes = await measureSizes();

// Peer linters (harper.js, write-good, alex) on the same drafts, last: harper's WebAssembly must
// not be in this process while the engine is timed.
const peers = await benchPeers(drafts, stats);

// ---------------------------------------------------------------------------------------------
// Report

const cpus = os.cpus();
const out = [];
const say = (s = '') => out.push(s);

say('Tactful engine benchmark');
say('========================');
say(
  `Machine: ${cpus[0]?.model ?? 'unknown CPU'}, ${cpus.length} cores, Node ${process.version}, ${os.platform()} ${os.release()}`,
);
say(
  `Load:    ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')} (1/5/15 min at the end of the run; above the core count, figures are noisy)`,
);
say(`Date:    ${new Date().toISOString()}`);
say(
  `Rules:   ${pack.rules} in the default pack; patterns: ${pack.literal} literal, ${pack.regex} regex, ${pack.compromise} compromise`,
);
say(`Options: channel email, with a customer message (${countWords(CUSTOMER_MESSAGE)} words)`);
say();

say('Import and start-up (not included in any lint figure below)');
const imp = stats(importSamples.map((s) => s.importMs));
const first = stats(importSamples.map((s) => s.first));
const bimp = stats(bundleSamples.map((s) => s.importMs));
say(`  import compromise/two, fresh node, 3 samples:   median ${ms(imp.median)} ms (${ms(imp.min)}–${ms(imp.max)})`);
say(
  `    then its first nlp() call: ${ms(first.median)} ms; the second: ${ms(stats(importSamples.map((s) => s.second)).median)} ms`,
);
say(
  `  import dist/cli/tactful.mjs, fresh node, 3 samples: median ${ms(bimp.median)} ms (${ms(bimp.min)}–${ms(bimp.max)})`,
);
say(`  import dist/cli/tactful.mjs in this process:    ${ms(bundleImportMs)} ms`);
say(`  first lint in this process (${drafts[0].actualWords} words, cold cache and JIT): ${ms(firstLintMs)} ms`);
say();

const COLD_HEAD = ['draft', 'words', 'sentences', 'distinct', 'findings', 'cold median', 'cold p90', 'runs'];
const COLD_ALIGN = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
const coldRows = (unit) =>
  results.map((r, i) => [
    `${fmtInt(r.words)} words`,
    fmtInt(r.actualWords),
    fmtInt(r.sentences),
    fmtInt(r.distinct),
    fmtInt(r.findings),
    `${ms(r.cold.median)}${unit}`,
    `${ms(r.cold.p90)}${unit}`,
    SIZES[i].cold,
  ]);
const EDIT_HEAD = ['draft', 'edit', 'analysed', 'median', 'p90', 'edit/cold', 'runs'];
const EDIT_ALIGN = ['l', 'l', 'r', 'r', 'r', 'r', 'r'];
const editRows = (unit) =>
  results.flatMap((r) =>
    r.edits.map((e) => [
      `${fmtInt(r.words)} words`,
      e.kind,
      e.analysed.map(([a, n]) => (e.analysed.length > 1 ? `${a} (×${n})` : `${a}`)).join(', '),
      `${ms(e.median)}${unit}`,
      `${ms(e.p90)}${unit}`,
      `${((100 * e.median) / e.cold.median).toFixed(1)}%`,
      e.n,
    ]),
  );

say('Cold lint (ms): a fresh createLinter(defaultRuleSet) and one lint, so the sentence cache is empty');
say(table(COLD_HEAD, coldRows(''), COLD_ALIGN));
say('  distinct: sentences a cold lint analysed (a repeated sentence is analysed once)');
say();
say('Edits (ms): a warmed linter, then the text with one word changed; analysed = sentences re-analysed');
say(table(EDIT_HEAD, editRows(''), EDIT_ALIGN));
say('  the changed word is a new word every run, so the edited sentence is never already cached');
say('  (the cache keeps sentences seen before); "undo" alternates two variants, which the cache');
say('  serves, so it is the cost of a lint call that re-analyses nothing.');
say('  edit/cold: edit median over the cold median of the same text (the parsed-sentence rows lint');
say('  the draft with that sentence inserted after the middle).');
for (const r of results) {
  const [m, p] = r.edits;
  const parse = (e) => (e.parses ? 'compromise parses it' : 'no compromise parse');
  say(`  ${fmtInt(r.words)} words, middle sentence (${parse(m)}): "${m.sentence}"`);
  say(
    `  ${''.padEnd(fmtInt(r.words).length)}        parsed sentence (${parse(p)}${p.flagged ? ', flagged' : ', NOT flagged'}): "${p.sentence}"`,
  );
}
const [e1k, e10k] = [1000, 10000].map((w) => results.find((r) => r.words === w).edits[0].median);
say(`  growth of the middle edit from 1,000 to 10,000 words: ×${(e10k / e1k).toFixed(1)} (draft ×10)`);
say();

say('Targets (reported, not asserted)');
const check = (label, value, limit) =>
  say(`  ${value <= limit ? 'MET   ' : 'MISSED'} ${label}: ${ms(value)} ms (target ≤ ${limit} ms)`);
const byWords = (w) => results.find((r) => r.words === w);
for (const w of [1000, 10000]) {
  const [middle, parsed] = byWords(w).edits;
  check(`edit median at ${fmtInt(w)} words, middle sentence`, middle.median, TARGETS.edit[w]);
  check(`edit median at ${fmtInt(w)} words, sentence compromise parses`, parsed.median, TARGETS.edit[w]);
}
check('cold lint at 1,000 words', byWords(1000).cold.median, TARGETS.cold[1000]);
say();

const HUGE_HEAD = ['input', 'chars', 'sentences', 'findings', 'cold median', 'cold max', 'CPU median', 'runs'];
const HUGE_ALIGN = ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r'];
const hugeRows = (unit) =>
  huge.map((h) => [
    h.label,
    fmtInt(h.chars),
    fmtInt(h.report.timings.sentences),
    fmtInt(h.report.findings.length),
    `${ms(h.wall.median)}${unit}`,
    `${ms(h.wall.max)}${unit}`,
    `${ms(h.cpu.median)}${unit}`,
    HUGE_RUNS,
  ]);
say('Huge input (ms): a fresh createLinter(defaultRuleSet) and one lint of each 1 MB paste');
say(table(HUGE_HEAD, hugeRows(''), HUGE_ALIGN));
say('  CPU: user + system time of the process during the lint (GC threads included); on a loaded');
say('  machine it is the steadier figure. Sentences over 2,000 characters are not parsed by compromise.');
for (const h of huge) check(`cold lint, ${h.label}`, h.wall.median, HUGE_TARGET_MS);
say();

const SLOW_HEAD = ['team regex', 'text', 'checked', 'cold median', 'cold max', 'one whole scan (before)', 'runs'];
const SLOW_ALIGN = ['l', 'l', 'l', 'r', 'r', 'r', 'r'];
const slowRows = (unit) =>
  slow.map((c) => [
    `\`${c.pattern}\``,
    c.label,
    c.report.incomplete
      ? `first ${fmtInt(c.report.incomplete.checkedTo)} of ${fmtInt(c.chars)} chars`
      : `all ${fmtInt(c.chars)} chars`,
    `${ms(c.wall.median)}${unit}`,
    `${ms(c.wall.max)}${unit}`,
    c.wholeScanMs === null ? 'not timed (hours or more)' : `${ms(c.wholeScanMs)}${unit}`,
    SLOW_RUNS,
  ]);
say('Slow team regexes (ms): the pack plus one custom rule, a fresh linter, default time budget (2,000 ms)');
say(table(SLOW_HEAD, slowRows(''), SLOW_ALIGN));
say('  Text longer than 1,000 characters is read in windows; the deadline is checked between them.');
for (const c of slow) check(`slow regex ${c.pattern} on ${c.label}`, c.wall.median, HUGE_TARGET_MS + 500);
say();

say('Shipped size (Vite browser build, minified, all dependencies bundled; gzip level 9)');
const SIZE_HEAD = ['bundle', 'minified KiB', 'gzip KiB'];
const sizeRows = sizes.map((s) => [s.label, kib(s.bytes), kib(s.gzip)]);
say(table(SIZE_HEAD, sizeRows, ['l', 'r', 'r']));
const total = sizes[0];
const renderedTotal = total.shares.reduce((n, [, b]) => n + b, 0);
say(`  what "${total.label}" is made of (tree-shaken code before minification):`);
say(
  '    ' +
    total.shares
      .filter(([, b]) => b / renderedTotal >= 0.005)
      .map(([p, b]) => `${p} ${kib(b)} KiB (${((100 * b) / renderedTotal).toFixed(0)}%)`)
      .join(', '),
);
say();

const peerTab = peerTables(
  peers,
  { results, importMs: bimp.median, firstLintMs, size: sizes[0], rules: pack.rules },
  { ms, fmtInt, kib },
);
say('Peers on the same drafts (ms): cold = a fresh linter and one lint; edit = the same one-word edit in');
say("the middle sentence, re-linted; ÷ Tactful = the peer median over the engine's, same draft and measure");
say(table(peerTab.timing.head, peerTab.timing.rows(''), peerTab.timing.align));
say('  runs: cold/edit. None of the peers re-lints incrementally: each edit lints the whole text again');
say("  (harper caches its expression rules' results per chunk, not the parse or its other rules).");
say();
say('Peers: import in a fresh node (median of 3), set-up before the first lint, first lint (peers: one sentence');
say('in that fresh node; Tactful: the 150-word draft in this process), browser size (Vite, minified, gzip');
say('level 9; harper with its WebAssembly)');
say(table(peerTab.startup.head, peerTab.startup.rows(''), peerTab.startup.align));
for (const note of peerTab.notes) say(`  ${note}`);
say();

say('Markdown');
say();
say(
  `Engine lint times on ${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} cores, load ${os.loadavg()[0].toFixed(1)}), Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${pack.rules} rules (${pack.compromise} compromise patterns).`,
);
say();
say(markdown(COLD_HEAD, coldRows(' ms'), COLD_ALIGN));
say();
say(markdown(EDIT_HEAD, editRows(' ms'), EDIT_ALIGN));
say();
say(markdown(HUGE_HEAD, hugeRows(' ms'), HUGE_ALIGN));
say();
say(markdown(SLOW_HEAD, slowRows(' ms'), SLOW_ALIGN));
say();
say(markdown(SIZE_HEAD, sizeRows, ['l', 'r', 'r']));
say();
say(markdown(peerTab.timing.head, peerTab.timing.rows(' ms'), peerTab.timing.align));
say();
say(markdown(peerTab.startup.head, peerTab.startup.rows(' ms'), peerTab.startup.align));

console.log(out.join('\n'));
