// The in-page probe. It runs in an isolated world of its own (created at document start through
// CDP, invisible to the page's scripts and to Tactful's), so it relies on nothing inside the
// extension: only on what a person would see — the underlines. Tactful paints them with the CSS
// Custom Highlight API (highlights named `tactful-*`); the highlight registry is the document's,
// so every world can read it.
//
// "Painted": the probe checks the highlights in each requestAnimationFrame callback. Highlights
// added by a task show in the next frame's rendering, which starts with the rAF callbacks; the
// probe stamps the time in a task posted from that callback, i.e. after that frame's paint.

export const PROBE_WORLD = 'tactful-bench';

function probe() {
  if (globalThis.__tactfulBench) return;
  const B = {
    /** Long tasks (> 50 ms) seen by the page's performance timeline. */
    longTasks: [],
    /** event.timeStamp of the first mousedown and of the last keydown. */
    mousedownAt: null,
    lastKeyAt: null,
  };
  globalThis.__tactfulBench = B;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) B.longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long-task timing: the trace still has every task.
  }
  // Marks in the trace (TimeStamp events), to find the same moments there.
  B.mark = (label) => console.timeStamp(`tactful-bench:${label}`);
  addEventListener(
    'mousedown',
    (e) => {
      if (B.mousedownAt !== null) return;
      B.mousedownAt = e.timeStamp;
      B.mark('focus');
    },
    true,
  );
  addEventListener(
    'keydown',
    (e) => {
      B.lastKeyAt = e.timeStamp;
    },
    true,
  );

  /** Every range of Tactful's highlights (one Range may sit in several highlights). */
  const ranges = () => {
    const out = new Set();
    for (const [name, highlight] of CSS.highlights)
      if (name.startsWith('tactful')) for (const r of highlight) out.add(r);
    return [...out];
  };
  /** What to count: all underlines, or those over exactly `text`. */
  const count = (text) => (text == null ? ranges().length : ranges().filter((r) => r.toString() === text).length);
  B.count = count;

  /**
   * Resolves once at least `min` underlines (over `text`, if given) are painted: with the time
   * after that frame's paint, and whether they were there already when armed.
   */
  B.arm = ({ min = 1, text = null, timeout = 30_000 } = {}) => {
    const armedAt = performance.now();
    const already = count(text) >= min;
    B.armed = new Promise((resolve) => {
      const tick = () => {
        const n = count(text);
        if (n >= min) {
          setTimeout(() => {
            B.mark('painted');
            resolve({ at: performance.now(), n, already, armedAt });
          }, 0);
          return;
        }
        if (performance.now() - armedAt > timeout) return resolve(null);
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    return already;
  };
}

export const PROBE_SOURCE = `(${probe.toString()})();`;
