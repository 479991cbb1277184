// Chromium tracing through CDP, and the few things the benchmark reads from a trace: the page's
// main-thread tasks, the evaluation of the extension's content scripts, and the probe's marks.

/** Enough for tasks (RunTask), script evaluation (EvaluateScript) and console.timeStamp marks. */
const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];

/** Starts tracing the whole browser; the returned function stops it and gives the events. */
export async function startTrace(cdp) {
  const events = [];
  const onData = ({ value }) => {
    for (const e of value) events.push(e);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: CATEGORIES, recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  return async () => {
    const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return readTrace(events);
  };
}

/**
 * The page's renderer main thread is the one the probe's marks are on. Times are in ms on the
 * trace's clock; `dur` is wall time, `cpu` thread time.
 */
function readTrace(events) {
  const marks = events.filter(
    (e) => e.name === 'TimeStamp' && String(e.args?.data?.message).startsWith('tactful-bench:'),
  );
  const main = marks[0] ? { pid: marks[0].pid, tid: marks[0].tid } : null;
  const onMain = (e) => main && e.pid === main.pid && e.tid === main.tid;
  const ms = (us) => (us ?? 0) / 1000;
  // Top-level tasks only (a nested run loop would count its tasks twice).
  const all = events
    .filter((e) => e.ph === 'X' && e.name === 'RunTask' && onMain(e))
    .map((e) => ({ start: ms(e.ts), end: ms(e.ts + e.dur), dur: ms(e.dur), cpu: ms(e.tdur ?? e.dur) }))
    .sort((a, b) => a.start - b.start || b.dur - a.dur);
  const tasks = [];
  for (const t of all) if (!tasks.length || t.start >= tasks[tasks.length - 1].end) tasks.push(t);
  const scripts = events
    .filter((e) => e.ph === 'X' && e.name === 'EvaluateScript' && onMain(e))
    .map((e) => ({ url: String(e.args?.data?.url ?? ''), start: ms(e.ts), end: ms(e.ts + e.dur) }));
  // Script entry points (evaluation, calls into JS from a task, timers, compiles) with their URL.
  const code = events
    .filter((e) => onMain(e) && typeof e.args?.data?.url === 'string' && e.ph === 'X')
    .map((e) => ({ url: e.args.data.url, at: ms(e.ts), end: ms(e.ts + (e.dur ?? 0)) }))
    .sort((a, b) => a.at - b.at);
  const taskAt = (at) => {
    // Binary search: the last task starting at or before `at`.
    let lo = 0;
    let hi = tasks.length - 1;
    let found = null;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (tasks[mid].start <= at) {
        found = tasks[mid];
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found && found.end >= at ? found : null;
  };
  return {
    found: !!main,
    tasks,
    /** Times of the probe's marks by label (a label may repeat). */
    marks: (label) => marks.filter((e) => e.args.data.message === `tactful-bench:${label}`).map((e) => ms(e.ts)),
    /** Tasks that evaluated a script whose URL starts with `prefix` (each task once). */
    evaluationTasks(prefix) {
      const hit = new Set();
      for (const s of scripts.filter((x) => x.url.startsWith(prefix))) {
        const task = tasks.find((t) => t.start <= s.start && t.end >= s.end);
        if (task) hit.add(task);
      }
      return [...hit];
    },
    /** Tasks that ran code from a URL starting with `prefix` (a content script's own tasks). */
    tasksRunning(prefix) {
      const hit = new Set();
      for (const c of code) if (c.url.startsWith(prefix)) hit.add(taskAt(c.at));
      hit.delete(null);
      return hit;
    },
    /**
     * Time inside `task` spent in code from a URL starting with `prefix` (its calls include what
     * they force: layout, style, GC), overlapping calls counted once.
     */
    timeIn(task, prefix) {
      let total = 0;
      let reach = -Infinity;
      for (const c of code) {
        if (c.at < task.start || c.at > task.end || !c.url.startsWith(prefix)) continue;
        const from = Math.max(c.at, reach);
        if (c.end > from) total += c.end - from;
        reach = Math.max(reach, c.end);
      }
      return total;
    },
    /** Tasks overlapping [from, to]. */
    tasksBetween: (from, to) => tasks.filter((t) => t.end >= from && t.start <= to),
  };
}
