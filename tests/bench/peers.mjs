// Peer linters on the engine benchmark's own drafts, so Tactful's figures stand beside theirs:
// harper.js (Automattic's grammar checker, Rust compiled to WebAssembly), write-good (passive
// voice, weasel words) and alex (insensitive wording). run.mjs calls benchPeers() after every
// engine timing, so the 30 MiB of WebAssembly that harper loads is never in the process while the
// engine is timed, and formats peerTables() next to its own tables.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { middleEdit } from './drafts.mjs';
import { measureSizes } from './size.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const require = createRequire(import.meta.url);

// Far fewer runs than the engine's: harper takes seconds on 10,000 words, and the whole peer run
// has to stay under about two minutes on 2 cores. warm = untimed runs first (JIT, lazy tables);
// none at 10,000 words, where the two smaller drafts have warmed everything up already.
const RUNS = {
  150: { warm: 2, cold: 15, edit: 15 },
  1000: { warm: 2, cold: 10, edit: 10 },
  10000: { warm: 0, cold: 5, edit: 5 },
};

// The drafts are plain e-mail text; harper would read them as Markdown by default.
const HARPER_OPTIONS = { language: 'plaintext' };

// harper.js ships the WebAssembly in the package; its `binary` module reads it with fs under Node.
// The "full" binary also initialises the slim one (both files are read: see wasmFiles).
const HARPER_LOAD = `
  const harper = await import('harper.js');
  const { binary } = await import('harper.js/binary');`;

/**
 * Each peer: how to load it here and in a fresh node (`child*`, code strings), how to get a
 * linter, and how to read its findings. `fresh()` gives a linter with no state from earlier
 * lints; only harper has such state (see `relint`).
 */
const PEERS = [
  {
    name: 'harper.js',
    pkg: 'harper.js',
    checks: 'grammar, spelling, style',
    // harper's LintGroup keeps the results of its expression rules per chunk of text in an LRU
    // (1,000 chunks), but parses the whole document and runs every other rule again on each lint.
    relint: 'whole text (rule cache per chunk)',
    childLoad: HARPER_LOAD,
    childInit: `
      const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
      await linter.setup();`,
    childLint: (s) => `await linter.lint(${s}, ${JSON.stringify(HARPER_OPTIONS)});`,
    sizeEntry: `export { LocalLinter, Dialect } from 'harper.js';\nexport { binary } from 'harper.js/binary';`,
    wasmFiles: ['harper_wasm_bg.wasm', 'harper_wasm_slim_bg.wasm'],
    async load() {
      const harper = await import('harper.js');
      const { binary } = await import('harper.js/binary');
      return {
        // A new LocalLinter (dictionary built, setup() done, untimed) has an empty chunk cache.
        async fresh() {
          const linter = new harper.LocalLinter({ binary, dialect: harper.Dialect.American });
          await linter.setup();
          return {
            lint: (text) => linter.lint(text, HARPER_OPTIONS),
            dispose: () => linter.dispose(),
          };
        },
      };
    },
    findings: (lints) =>
      lints.map((l) => {
        const span = l.span();
        return { start: span.start, end: span.end, kind: l.lint_kind(), text: l.get_problem_text() };
      }),
  },
  {
    name: 'write-good',
    pkg: 'write-good',
    checks: 'passive voice, weasel words, wordiness',
    relint: 'whole text',
    childLoad: `const writeGood = (await import('write-good')).default;`,
    childInit: '',
    childLint: (s) => `writeGood(${s});`,
    sizeEntry: `export { default } from 'write-good';`,
    async load() {
      const writeGood = require('write-good');
      const linter = { lint: (text) => writeGood(text), dispose() {} };
      return { fresh: async () => linter };
    },
    findings: (suggestions) =>
      suggestions.map((s) => ({
        start: s.index,
        end: s.index + s.offset,
        kind: s.reason.replace(/^"[^"]*" /, ''),
        text: s.reason.match(/^"([^"]*)"/)?.[1] ?? '',
      })),
  },
  {
    name: 'alex',
    pkg: 'alex',
    checks: 'insensitive, profane wording',
    relint: 'whole text',
    childLoad: `const { text: alex } = await import('alex');`,
    childInit: '',
    childLint: (s) => `alex(${s});`,
    sizeEntry: `export { text } from 'alex';`,
    async load() {
      // alex is ESM only; `text` checks plain text (its default export reads Markdown).
      const { text: alex } = await import('alex');
      const linter = { lint: (text) => alex(text).messages, dispose() {} };
      return { fresh: async () => linter };
    },
    findings: (messages) =>
      messages.map((m) => ({
        start: m.position?.start.offset ?? 0,
        end: m.position?.end.offset ?? 0,
        kind: `${m.source.replace(/^retext-/, '')}/${m.ruleId}`,
        text: m.actual ?? '',
      })),
  },
];

const version = (pkg) => JSON.parse(readFileSync(`${root}node_modules/${pkg}/package.json`, 'utf8')).version;

/** Import, set-up and first lints of a peer in a fresh node (file cache warm), like run.mjs does. */
function importCostSample(peer) {
  const script = `
    const t0 = performance.now();
    ${peer.childLoad}
    const t1 = performance.now();
    ${peer.childInit}
    const t2 = performance.now();
    ${peer.childLint(JSON.stringify('Hi Dana, your order left our warehouse on Monday.'))}
    const t3 = performance.now();
    ${peer.childLint(JSON.stringify('The refund will show on your statement within five days.'))}
    console.log(JSON.stringify({ importMs: t1 - t0, initMs: t2 - t1, first: t3 - t2, second: performance.now() - t3 }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop());
}

/** Cold lints: a fresh linter each run (made untimed), then one timed lint of the draft. */
async function coldBench(peer, loaded, text, runs, stats) {
  const once = async () => {
    const linter = await loaded.fresh();
    const t = performance.now();
    const raw = await linter.lint(text);
    const ms = performance.now() - t;
    const findings = peer.findings(raw);
    await linter.dispose();
    return { ms, findings };
  };
  for (let i = 0; i < runs.warm; i++) await once();
  const times = [];
  let findings;
  for (let i = 0; i < runs.cold; i++) ({ ms: times[i], findings } = await once());
  return { ...stats(times), findings };
}

/**
 * The engine's one-word edit (drafts.mjs middleEdit: a new word every run) on one linter that has
 * linted the draft and three edits untimed. None of the peers has an incremental mode: each call
 * lints the whole text again.
 */
async function editBench(loaded, text, runs, stats) {
  const middle = middleEdit(text);
  const linter = await loaded.fresh();
  await linter.lint(text);
  for (let k = 1; k <= 3; k++) await linter.lint(middle.text(k));
  const times = [];
  for (let k = 21; k < 21 + runs.edit; k++) {
    const edited = middle.text(k);
    const t = performance.now();
    await linter.lint(edited);
    times.push(performance.now() - t);
  }
  await linter.dispose();
  return stats(times);
}

/** Minified and gzip bytes of what a page would load: the Vite build, plus harper's WebAssembly. */
async function peerSizes() {
  const built = await measureSizes(PEERS.map((p) => ({ label: p.name, code: p.sizeEntry })));
  return PEERS.map((p, i) => {
    const wasm = (p.wasmFiles ?? []).map((f) => readFileSync(`${root}node_modules/${p.pkg}/dist/${f}`));
    const wasmBytes = wasm.reduce((n, b) => n + b.length, 0);
    const wasmGzip = wasm.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    return { js: built[i].bytes, jsGzip: built[i].gzip, wasmBytes, wasmGzip };
  });
}

/**
 * Times every peer on `drafts` (run.mjs's, each { words, text }) with run.mjs's `stats`.
 * Returns { peers, seconds }: per peer its version, start-up medians, size, and per draft the
 * cold and edit timings and the cold lint's findings; seconds = the whole peer run.
 */
export async function benchPeers(drafts, stats) {
  const start = performance.now();
  const out = [];
  for (const peer of PEERS) {
    const loaded = await peer.load();
    const perDraft = [];
    for (const d of drafts) {
      const runs = RUNS[d.words];
      const cold = await coldBench(peer, loaded, d.text, runs, stats);
      const edit = await editBench(loaded, d.text, runs, stats);
      perDraft.push({ words: d.words, cold, edit, runs });
    }
    const samples = [0, 1, 2].map(() => importCostSample(peer));
    const startup = Object.fromEntries(
      ['importMs', 'initMs', 'first', 'second'].map((k) => [k, stats(samples.map((s) => s[k])).median]),
    );
    out.push({ ...peer, version: version(peer.pkg), drafts: perDraft, startup });
  }
  const sizes = await peerSizes();
  return { peers: out.map((p, i) => ({ ...p, size: sizes[i] })), seconds: (performance.now() - start) / 1000 };
}

const ratio = (x) => (x >= 100 ? `×${Math.round(x).toLocaleString('en-US')}` : `×${x.toFixed(x >= 10 ? 0 : 1)}`);
const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/**
 * Rows for run.mjs's table() and markdown(). `tactful` = { results (run.mjs's), importMs (the
 * bundle in a fresh node), firstLintMs, size (measureSizes()[0]), rules }; `fmt` = run.mjs's
 * { ms, fmtInt, kib }.
 */
export function peerTables({ peers, seconds }, tactful, { ms, fmtInt, kib }) {
  const timing = {
    head: [
      'draft',
      'linter',
      'findings',
      'cold median',
      'cold p90',
      'cold ÷ Tactful',
      'edit median',
      'edit p90',
      'edit ÷ Tactful',
      'runs',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    rows: (unit) =>
      tactful.results.flatMap((r) => {
        const edit = r.edits[0];
        const base = [
          `${fmtInt(r.words)} words`,
          'Tactful',
          fmtInt(r.findings),
          `${ms(r.cold.median)}${unit}`,
          `${ms(r.cold.p90)}${unit}`,
          '1',
          `${ms(edit.median)}${unit}`,
          `${ms(edit.p90)}${unit}`,
          '1',
          `${r.cold.n}/${edit.n}`,
        ];
        const rows = peers.map((p) => {
          const d = p.drafts.find((x) => x.words === r.words);
          return [
            `${fmtInt(r.words)} words`,
            p.name,
            fmtInt(d.cold.findings.length),
            `${ms(d.cold.median)}${unit}`,
            `${ms(d.cold.p90)}${unit}`,
            ratio(d.cold.median / r.cold.median),
            `${ms(d.edit.median)}${unit}`,
            `${ms(d.edit.p90)}${unit}`,
            ratio(d.edit.median / edit.median),
            `${d.cold.n}/${d.edit.n}`,
          ];
        });
        return [base, ...rows];
      }),
  };

  const startup = {
    head: [
      'linter',
      'version',
      'import',
      'set-up',
      'first lint',
      'minified KiB',
      'gzip KiB',
      'checks',
      're-lint after an edit',
    ],
    align: ['l', 'l', 'r', 'r', 'r', 'r', 'r', 'l', 'l'],
    rows: (unit) => [
      [
        'Tactful',
        JSON.parse(readFileSync(`${root}package.json`, 'utf8')).version,
        `${ms(tactful.importMs)}${unit}`,
        '—',
        `${ms(tactful.firstLintMs)}${unit}`,
        kib(tactful.size.bytes),
        kib(tactful.size.gzip),
        `tone (${tactful.rules} rules)`,
        'edited sentence only',
      ],
      ...peers.map((p) => [
        p.name,
        p.version,
        `${ms(p.startup.importMs)}${unit}`,
        p.startup.initMs >= 0.5 ? `${ms(p.startup.initMs)}${unit}` : '—',
        `${ms(p.startup.first)}${unit}`,
        kib(p.size.js + p.size.wasmBytes),
        kib(p.size.jsGzip + p.size.wasmGzip),
        p.checks,
        p.relint,
      ]),
    ],
  };

  // What each peer flags on the 1,000-word draft, and how much of it Tactful flags too.
  const notes = peers.map((p) => {
    const words = 1000;
    const found = p.drafts.find((x) => x.words === words).cold.findings;
    const mine = tactful.results.find((r) => r.words === words).cold.report.findings;
    const kinds = new Map();
    for (const f of found) {
      const k = kinds.get(f.kind) ?? { n: 0, texts: new Set() };
      k.n++;
      k.texts.add(f.text);
      kinds.set(f.kind, k);
    }
    const top = [...kinds]
      .sort((a, b) => b[1].n - a[1].n)
      .slice(0, 4)
      .map(([kind, k]) => `${kind} ×${k.n} (${[...k.texts].slice(0, 3).join(', ')})`)
      .join('; ');
    const shared = found.filter((f) => mine.some((m) => overlaps(f, m))).length;
    return `${p.name}: ${found.length} at ${fmtInt(words)} words, ${shared} inside a Tactful finding's span. ${top}`;
  });
  const harper = peers.find((p) => p.name === 'harper.js');
  if (harper?.size.wasmBytes)
    notes.push(
      `harper.js size: ${kib(harper.size.js)} KiB of JS (${kib(harper.size.jsGzip)} gzip) and ${kib(harper.size.wasmBytes)} KiB of WebAssembly (${kib(harper.size.wasmGzip)} gzip; ${harper.wasmFiles.join(' + ')}, both read by its default binary).`,
    );
  notes.push(`the peer run took ${seconds.toFixed(0)} s (timings, fresh-node imports, sizes).`);
  return { timing, startup, notes };
}
