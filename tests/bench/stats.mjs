// Order statistics of a benchmark's samples (milliseconds, bytes): shared by the engine bench
// (run.mjs) and the browser bench (browser.mjs). Samples that are not finite numbers (a run that
// measured nothing) are left out; null when none is left.
export function stats(samples) {
  const s = samples.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return null;
  const at = (q) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
  const mid = s.length >> 1;
  return {
    n: s.length,
    min: s[0],
    median: s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2,
    p90: at(0.9),
    p95: at(0.95),
    max: s[s.length - 1],
  };
}
