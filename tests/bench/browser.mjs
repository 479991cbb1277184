// Tactful in a real browser: prints figures, asserts nothing. Run with `npm run bench:browser`
// after `npm run build`. Debian's headless Chromium loads the BUILT extension (.output/chrome-mv3)
// and opens the Gmail and Zendesk fixture pages under their real host names; the same runs
// without the extension give the page's own cost. Only the build, the fixture pages and what a
// person sees (the underlines, read from the page's highlight registry) are relied on, so the
// figures stay comparable whatever the extension does inside.
//
// How each figure is taken (one new tab per run; the two browsers, with and without the
// extension, are open side by side and their runs alternate):
// - Content script size: the manifest's content-script files for the sites, bytes and gzip -9.
// - Its evaluation: the main-thread task(s) that evaluate a chrome-extension:// script during
//   page load, from a trace (RunTask around EvaluateScript): thread CPU time.
// - CPU navigation → first click: thread CPU time of every task on the page's renderer main
//   thread (a fresh process per tab), from the trace, up to SETTLE_MS after the load event (just
//   before the click). Tasks that ran Tactful's code (a chrome-extension:// URL in the trace) are
//   also summed on their own. (Performance.getMetrics' TaskDuration is wall time: on a shared
//   machine it counts the time the thread waited for a core.)
// - Focus → underline: mousedown's event time → the first frame showing a tactful-* highlight,
//   stamped after that frame's paint (see browser/probe.mjs); the longest main-thread task in
//   that window comes from the trace, with the time Tactful's own JS took inside it, and beside
//   it the longest task the same click gives without the extension (the page's own).
// - Drafts: a draft of N words (tests/bench/drafts.mjs) is put into the editor from the page
//   (Gmail: DOM lines; Zendesk: CKEditor's setData) before the first click.
// - Typing: the bursts of browser/sites.mjs typed at the end of the draft, one key every
//   KEY_DELAY_MS; last key's keydown → the new "!!!" underline painted. Long tasks from the trace.
// - Heap: Runtime.getHeapUsage (the renderer's whole V8 isolate: page and content script) after
//   HeapProfiler.collectGarbage, before the click and FOCUS_IDLE_MS after the underlines.
// Every run is traced (same categories with and without the extension), which slows the main
// thread a little for both.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { makeDraft } from './drafts.mjs';
import { CHROMIUM, EXTENSION_DIR, ROOT, launch, readManifest } from './browser/chromium.mjs';
import { PROBE_SOURCE, PROBE_WORLD } from './browser/probe.mjs';
import { BURSTS, SITES, clickTarget } from './browser/sites.mjs';
import { startTrace } from './browser/trace.mjs';
import { stats } from './stats.mjs';

const QUICK = process.argv.includes('--quick');
/**
 * Runs per figure (per site); drafts also run without the extension, half as often (the page's own
 * longest task, for context). `--quick` is a smoke run, not for reporting.
 */
const RUNS = QUICK
  ? { load: 2, drafts: { 150: 2, 1000: 1, 10000: 1 }, typing: 1, bursts: 3 }
  : { load: 10, drafts: { 150: 6, 1000: 6, 10000: 3 }, typing: 3, bursts: 6 };
/** After the load event (and the fixture's editor being ready) before the first click. */
const SETTLE_MS = 1000;
/** After a draft is put into the editor, before the click. */
const PREFILL_SETTLE_MS = 500;
/** After the focus (and the underlines) before the heap is read. */
const FOCUS_IDLE_MS = 500;
const KEY_DELAY_MS = 90;
const BURST_PAUSE_MS = 400;
const LONG_TASK_MS = 50;

const progress = (s) => process.stderr.write(`${s}\n`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function fail(message) {
  console.error(`bench:browser: ${message}`);
  process.exit(1);
}

// ---------------------------------------------------------------------------------------------
// Preconditions: one clear line when the benchmark cannot run.

const manifest = readManifest();
if (!manifest) fail(`no built extension at ${EXTENSION_DIR}: run npm run build`);
if (!existsSync(CHROMIUM)) fail(`no Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
let chromium;
try {
  ({ chromium } = createRequire(join(ROOT, 'package.json'))('@playwright/test'));
} catch {
  fail('@playwright/test is not installed: run npm ci');
}
const { startFixtureServer } = await import('../e2e/fixtures/server.mjs');

// ---------------------------------------------------------------------------------------------
// Helpers

const ms = (x) => (x == null ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1));
const mb = (bytes) => (bytes / 1e6).toFixed(2);
const kb = (bytes) => (bytes / 1024).toFixed(1);
const signed = (x, fmt) => (x >= 0 ? `+${fmt(x)}` : `−${fmt(-x)}`);

function table(headers, rows, align) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) =>
    cells
      .map((c, i) => (align[i] === 'r' ? String(c).padStart(widths[i]) : String(c).padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function markdown(headers, rows, align) {
  const sep = align.map((a) => (a === 'r' ? '---:' : ':---'));
  return [headers, sep, ...rows].map((r) => `| ${r.join(' | ')} |`).join('\n');
}

/** Content-script files the manifest injects on the fixture hosts (JS and CSS). */
function contentScriptFiles() {
  const hosts = SITES.map((s) => new URL(s.url).host);
  const matches = (pattern) => {
    const m = /^(\*|https?):\/\/([^/]+)\//.exec(pattern);
    if (!m) return pattern === '<all_urls>';
    const host = m[2];
    return hosts.some((h) => host === '*' || h === host || (host.startsWith('*.') && h.endsWith(host.slice(1))));
  };
  const files = new Set();
  for (const cs of manifest.content_scripts ?? [])
    if ((cs.matches ?? []).some(matches)) for (const f of [...(cs.js ?? []), ...(cs.css ?? [])]) files.add(f);
  return [...files].map((f) => {
    const data = readFileSync(join(EXTENSION_DIR, f));
    return { file: f, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
  });
}

// ---------------------------------------------------------------------------------------------
// One tab: probe world, CDP domains, helpers.

async function openTab(browser) {
  const page = await browser.context.newPage();
  const cdp = await browser.context.newCDPSession(page);
  const probeContexts = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => {
    if (context.name === PROBE_WORLD) probeContexts.push(context.id);
  });
  await cdp.send('Page.enable');
  await cdp.send('Runtime.enable');
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source: PROBE_SOURCE, worldName: PROBE_WORLD });
  /** Evaluates `expression` in the probe's world of the main frame (the newest one). */
  const probe = async (expression) => {
    const contextId = probeContexts[probeContexts.length - 1];
    if (contextId === undefined) throw new Error('the probe world was not created in the page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId,
      returnByValue: true,
      awaitPromise: true,
    });
    if (exceptionDetails) throw new Error(`probe: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
    return result.value;
  };
  const heap = async () => {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  };
  return { page, cdp, probe, heap, close: () => page.close() };
}

/** Navigates and waits for the fixture's editor, then until SETTLE_MS after the load event. */
async function load(tab, url) {
  await tab.page.goto(url, { waitUntil: 'load', timeout: 30_000 });
  const deadline = Date.now() + 15_000;
  while (!(await tab.page.evaluate(() => window.fixture?.ready === true))) {
    if (Date.now() > deadline) throw new Error(`${url}: the fixture page never became ready`);
    await sleep(50);
  }
  const sinceLoad = await tab.page.evaluate(
    () => performance.now() - (performance.getEntriesByType('navigation')[0]?.loadEventEnd ?? 0),
  );
  await sleep(Math.max(0, SETTLE_MS - sinceLoad));
}

const nextFrames = (page) =>
  page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));

async function focusEditor(tab, site, which, extension) {
  const point = await tab.page.evaluate(clickTarget, { selector: site.editor, which });
  if (!point) throw new Error(`${site.name}: no editor (${site.editor}) in the page`);
  await nextFrames(tab.page);
  const before = extension ? await tab.probe('__tactfulBench.arm({ min: 1 })') : false;
  await tab.page.mouse.click(point.x, point.y);
  return before;
}

// ---------------------------------------------------------------------------------------------
// Runs

/**
 * Load the page, click into the editor. With the extension: until the underlines are painted.
 * `draft`: words of a draft put into the editor before the click.
 */
async function focusRun(browser, site, { extension, draft = 0, measureHeap = true }) {
  const tab = await openTab(browser);
  try {
    const stopTrace = await startTrace(tab.cdp);
    await load(tab, site.url);
    if (draft) {
      await tab.page.evaluate(site.prefill, { text: makeDraft(draft) });
      await sleep(PREFILL_SETTLE_MS);
    }
    // The CPU figure ends here, before the forced GC of the heap reading.
    await tab.probe('__tactfulBench.mark("settled")');
    const heapLoad = measureHeap ? await tab.heap() : null;
    const before = await focusEditor(tab, site, 'first', extension);
    let latency = null;
    if (extension) {
      const painted = await tab.probe('__tactfulBench.armed');
      const down = await tab.probe('__tactfulBench.mousedownAt');
      if (!painted) throw new Error(`${site.name}: no underline within 30 s of the focus`);
      latency = painted.at - down;
    }
    await sleep(FOCUS_IDLE_MS);
    const heapFocus = measureHeap ? await tab.heap() : null;
    const trace = await stopTrace();
    const focusAt = trace.marks('focus')[0];
    const paintedAt = trace.marks('painted')[0];
    // With the extension: focus → painted. Without: the FOCUS_IDLE_MS after the click (the page's own).
    const until = extension ? paintedAt : focusAt + FOCUS_IDLE_MS;
    const span = focusAt !== undefined && until !== undefined ? trace.tasksBetween(focusAt, until) : [];
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const evalTasks = trace.evaluationTasks(prefix);
    const ours = trace.tasksRunning(prefix);
    const settledAt = trace.marks('settled')[0];
    const beforeClick = trace.tasks.filter((t) => settledAt !== undefined && t.end <= settledAt);
    return {
      heapLoad,
      heapFocus,
      latency,
      underlinedBeforeFocus: before,
      ...longestOf(span, trace, prefix),
      cpuToClick: beforeClick.reduce((sum, t) => sum + t.cpu, 0),
      oursCpuToClick: beforeClick.filter((t) => ours.has(t)).reduce((sum, t) => sum + t.cpu, 0),
      evalCpu: evalTasks.length ? evalTasks.reduce((s, t) => s + t.cpu, 0) : null,
      evalWall: evalTasks.length ? evalTasks.reduce((s, t) => s + t.dur, 0) : null,
      evalTasks: evalTasks.length,
    };
  } finally {
    await tab.close();
  }
}

/**
 * The longest of `tasks` (whatever ran in it) and the time Tactful's own JS took inside it (calls
 * from a chrome-extension:// URL, with what they force; continuations of its promises run in
 * microtask checkpoints the trace does not attribute, so this is a lower bound).
 */
function longestOf(tasks, trace, prefix) {
  const longest = [...tasks].sort((a, b) => b.dur - a.dur)[0];
  if (process.env.BENCH_DEBUG)
    progress(
      `  longest tasks: ${[...tasks]
        .sort((a, b) => b.dur - a.dur)
        .slice(0, 4)
        .map((t) => `${ms(t.dur)} ms (Tactful ${ms(trace.timeIn(t, prefix))})`)
        .join(', ')}`,
    );
  return { longest: longest?.dur ?? null, longestTactful: longest ? trace.timeIn(longest, prefix) : null };
}

/** Focus at the end of the draft, then type the bursts; each last key → its "!!!" underline. */
async function typingRun(browser, site) {
  const tab = await openTab(browser);
  try {
    await load(tab, site.url);
    await focusEditor(tab, site, 'last', true);
    if (!(await tab.probe('__tactfulBench.armed'))) throw new Error(`${site.name}: no underline after the focus`);
    await sleep(FOCUS_IDLE_MS);
    const stopTrace = await startTrace(tab.cdp);
    await tab.probe('__tactfulBench.mark("typing")');
    const baseline = await tab.probe('__tactfulBench.count("!!!")');
    const latencies = [];
    for (let k = 0; k < RUNS.bursts; k++) {
      const text = BURSTS[k % BURSTS.length];
      await tab.page.keyboard.type(text.slice(0, -1), { delay: KEY_DELAY_MS });
      await tab.probe(`__tactfulBench.arm({ min: ${baseline + k + 1}, text: '!!!', timeout: 10000 })`);
      await sleep(KEY_DELAY_MS);
      await tab.page.keyboard.press(text.slice(-1));
      const painted = await tab.probe('__tactfulBench.armed');
      const lastKey = await tab.probe('__tactfulBench.lastKeyAt');
      latencies.push(painted && !painted.already ? painted.at - lastKey : null);
      await sleep(BURST_PAUSE_MS);
    }
    await tab.probe('__tactfulBench.mark("typed")');
    const trace = await stopTrace();
    const tasks = trace.tasksBetween(trace.marks('typing')[0], trace.marks('typed')[0]);
    const prefix = `chrome-extension://${browser.extensionId}/`;
    const long = tasks.filter((t) => t.dur > LONG_TASK_MS);
    return {
      latencies,
      missed: latencies.filter((x) => x === null).length,
      longTasks: long.length,
      ...longestOf(tasks, trace, prefix),
    };
  } finally {
    await tab.close();
  }
}

// ---------------------------------------------------------------------------------------------
// Main

const started = Date.now();
const load0 = os.loadavg();

let server;
const browsers = [];
const results = {};
let chromiumVersion = '';
try {
  server = await startFixtureServer();
  const withExt = await launch({ chromium, port: server.port, extension: true });
  browsers.push(withExt);
  const bare = await launch({ chromium, port: server.port, extension: false });
  browsers.push(bare);
  {
    const tab = await openTab(bare);
    chromiumVersion = (await tab.cdp.send('Browser.getVersion')).product;
    await tab.close();
  }

  for (const site of SITES) {
    const r = { with: [], without: [], drafts: {}, typing: [] };
    results[site.name] = r;
    progress(`${site.name}: warm-up`);
    // Untimed: fills the HTTP cache (CKEditor) and wakes the extension's background.
    await focusRun(withExt, site, { extension: true });
    await focusRun(bare, site, { extension: false });

    progress(`${site.name}: load and first focus, ${RUNS.load} runs with and ${RUNS.load} without the extension`);
    for (let i = 0; i < RUNS.load; i++) {
      r.with.push(await focusRun(withExt, site, { extension: true }));
      r.without.push(await focusRun(bare, site, { extension: false }));
      if (process.env.BENCH_DEBUG) progress(JSON.stringify({ with: r.with.at(-1), without: r.without.at(-1) }));
    }
    for (const [words, runs] of Object.entries(RUNS.drafts)) {
      progress(`${site.name}: first lint of a ${words}-word draft, ${runs} runs (${Math.ceil(runs / 2)} without)`);
      const list = { with: [], without: [] };
      r.drafts[words] = list;
      for (let i = 0; i < runs; i++) {
        const options = { draft: Number(words), measureHeap: false };
        list.with.push(await focusRun(withExt, site, { ...options, extension: true }));
        if (i % 2 === 0) list.without.push(await focusRun(bare, site, { ...options, extension: false }));
      }
    }
    progress(`${site.name}: typing, ${RUNS.typing} runs of ${RUNS.bursts} bursts`);
    for (let i = 0; i < RUNS.typing; i++) r.typing.push(await typingRun(withExt, site));
  }
} catch (error) {
  for (const b of browsers) await b.close();
  await server?.close();
  fail(error instanceof Error ? error.message : String(error));
}
for (const b of browsers) await b.close();
await server.close();
const load1 = os.loadavg();
const seconds = (Date.now() - started) / 1000;

// ---------------------------------------------------------------------------------------------
// Report

const files = contentScriptFiles();
const size = { bytes: files.reduce((s, f) => s + f.bytes, 0), gzip: files.reduce((s, f) => s + f.gzip, 0) };
const rows = [];
const verdict = (ok) => (ok == null ? '–' : ok ? 'pass' : 'FAIL');
/** One figure: label, site, n, value, target, pass (null: not judged). */
const row = (what, site, n, value, target, ok) => rows.push({ what, site, n, value, target, ok });

row(
  'content script size',
  'both',
  '–',
  `${size.bytes.toLocaleString('en-US')} B, ${kb(size.gzip)} KiB gzip (${files.map((f) => f.file).join(', ')})`,
  '≤ 40 KB gzip',
  size.gzip <= 40 * 1024,
);
for (const site of SITES) {
  const r = results[site.name];
  const name = site.name;
  const get = (list, key) => list.map((x) => x[key]).filter((x) => x != null);
  const maxOf = (list, key) => Math.max(0, ...get(list, key));
  /** Tactful's JS inside the longest task of all the runs. */
  const tactfulIn = (list) => [...list].sort((a, b) => (b.longest ?? 0) - (a.longest ?? 0))[0]?.longestTactful;

  const ev = stats(get(r.with, 'evalCpu'));
  const evWall = stats(get(r.with, 'evalWall'));
  const tasks = maxOf(r.with, 'evalTasks');
  row(
    'content script evaluation task: main-thread CPU',
    name,
    ev?.n ?? 0,
    ev
      ? `${ms(ev.median)} ms (p95 ${ms(ev.p95)}; wall ${ms(evWall.median)} ms)${tasks > 1 ? `, ${tasks} tasks` : ''}`
      : 'not found in the trace',
    '≤ 10 ms',
    ev ? ev.median <= 10 : null,
  );

  const cw = stats(get(r.with, 'cpuToClick'));
  const cb = stats(get(r.without, 'cpuToClick'));
  const own = stats(get(r.with, 'oursCpuToClick'));
  row(
    'main-thread CPU, navigation → first click',
    name,
    cw.n,
    `${ms(cw.median)} ms with, ${ms(cb.median)} without: ${signed(cw.median - cb.median, ms)} ms (tasks that ran Tactful's code: ${ms(own.median)} ms)`,
    '≤ +15 ms',
    cw.median - cb.median <= 15,
  );

  const lat = stats(get(r.with, 'latency'));
  const pre = r.with.filter((x) => x.underlinedBeforeFocus).length;
  row(
    'focus (first click) → first underline painted',
    name,
    lat.n,
    `${ms(lat.median)} ms (p95 ${ms(lat.p95)})${pre ? `; underlined before the focus in ${pre} runs` : ''}`,
    '≤ 100 ms',
    lat.median <= 100,
  );
  const lt = stats(get(r.with, 'longest'));
  const alone = stats(get(r.without, 'longest'));
  row(
    '  longest main-thread task in that window',
    name,
    lt.n,
    `${ms(lt.median)} ms, max ${ms(lt.max)} (Tactful's JS in it ${ms(tactfulIn(r.with))}; page alone after a click ${ms(alone.median)}, max ${ms(alone.max)})`,
    '≤ 50 ms (max)',
    lt.max <= LONG_TASK_MS,
  );

  for (const [words, list] of Object.entries(r.drafts)) {
    const d = stats(get(list.with, 'latency'));
    const dl = stats(get(list.with, 'longest'));
    const da = stats(get(list.without, 'longest'));
    row(
      `first lint of a ${Number(words).toLocaleString('en-US')}-word draft: focus → underlines; longest task`,
      name,
      d.n,
      `${ms(d.median)} ms (p95 ${ms(d.p95)}); longest task ${ms(dl.median)} ms, max ${ms(dl.max)} (Tactful's JS in it ${ms(tactfulIn(list.with))}; page alone ${ms(da.median)}, max ${ms(da.max)})`,
      'no task > 50 ms',
      dl.max <= LONG_TASK_MS,
    );
  }

  const typed = r.typing.flatMap((t) => t.latencies).filter((x) => x != null);
  const tl = stats(typed);
  const missed = r.typing.reduce((s, t) => s + t.missed, 0);
  row(
    `last key → underline while typing (1 key / ${KEY_DELAY_MS} ms)`,
    name,
    typed.length + missed,
    tl
      ? `median ${ms(tl.median)} ms, p95 ${ms(tl.p95)} ms${missed ? `; ${missed} bursts never underlined` : ''}`
      : 'no underline after typing',
    'p95 ≤ 100 ms',
    tl ? tl.p95 <= 100 && !missed : false,
  );
  const longAll = r.typing.reduce((s, t) => s + t.longTasks, 0);
  const worst = [...r.typing].sort((a, b) => b.longest - a.longest)[0];
  row(
    `long tasks (> ${LONG_TASK_MS} ms) while typing`,
    name,
    typed.length + missed,
    `${longAll} (longest task ${ms(worst?.longest)} ms, Tactful's JS in it ${ms(worst?.longestTactful)})`,
    'none',
    longAll === 0,
  );

  for (const [key, label] of [
    ['heapLoad', 'JS heap after load'],
    ['heapFocus', 'JS heap after focus'],
  ]) {
    const hw = stats(get(r.with, key));
    const hb = stats(get(r.without, key));
    const diff = hw.median - hb.median;
    row(
      label,
      name,
      hw.n,
      `${mb(hw.median)} MB with, ${mb(hb.median)} without: ${signed(diff, mb)} MB`,
      '≤ +3 MB',
      diff <= 3e6,
    );
  }
}

const loadLine = `Load: ${os.cpus().length} CPUs (nproc ${nproc()}), loadavg ${fmtLoad(load0)} at start, ${fmtLoad(load1)} at end; ${chromiumVersion} headless (${CHROMIUM}); Node ${process.version}; ${seconds.toFixed(0)} s.`;
const draftRuns = Object.entries(RUNS.drafts)
  .map(([words, n]) => `${words} words × ${n} (${Math.ceil(n / 2)} without)`)
  .join(', ');
const runsLine =
  `Runs per site: ${RUNS.load} page loads with and ${RUNS.load} without the extension (after one warm-up each); ` +
  `drafts ${draftRuns}; typing ${RUNS.typing} runs × ${RUNS.bursts} bursts. ` +
  'Medians unless stated; pass/fail on the median, or on p95 / the maximum where the target says so. ' +
  "Task limits count every task in the window; beside the longest: Tactful's JS inside it (a lower bound: " +
  'continuations of its promises are not attributed) and the same page without the extension.' +
  (QUICK ? ' QUICK RUN: too few runs to report.' : '');

console.log(`\nTactful in Chromium — ${new Date().toISOString()}\n${loadLine}\n${runsLine}\n`);
console.log(
  table(
    ['figure', 'site', 'n', 'value', 'target', 'pass'],
    rows.map((r) => [r.what, r.site, r.n, r.value, r.target, verdict(r.ok)]),
    ['l', 'l', 'r', 'l', 'l', 'l'],
  ),
);
console.log('\nMarkdown:\n');
console.log(
  markdown(
    ['Figure', 'Site', 'Runs', 'Measured', 'Target', 'Pass'],
    rows.map((r) => [r.what.trim(), r.site, r.n, r.value, r.target, verdict(r.ok)]),
    ['l', 'l', 'r', 'l', 'l', 'l'],
  ),
);
console.log(`\n${loadLine}\n${runsLine}`);

function nproc() {
  try {
    return execFileSync('nproc', { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
}
function fmtLoad(l) {
  return l.map((x) => x.toFixed(2)).join(' ');
}
