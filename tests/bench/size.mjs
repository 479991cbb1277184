// Shipped size of the engine: a minified browser build with Vite's JS API, nothing external.
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ENTRY = '\0tactful-bench-size-entry';

/** Entries measured: the code each would ship. */
export const SIZE_ENTRIES = [
  {
    label: 'engine + default rule pack',
    code: `export { createLinter } from ${JSON.stringify(`${root}src/engine/index.ts`)};
export { defaultRuleSet } from ${JSON.stringify(`${root}src/ruleset/default-pack.ts`)};`,
  },
  {
    // No rule pack: shows what the pack's import chain adds.
    label: 'engine alone',
    code: `export { createLinter } from ${JSON.stringify(`${root}src/engine/index.ts`)};`,
  },
  { label: 'compromise/two alone', code: `export { default } from 'compromise/two';` },
  { label: 'sentiment alone', code: `export { default } from 'sentiment';` },
];

/** Which package a bundled module belongs to ("src", "rules", or the npm package). */
function packageOf(id) {
  const clean = id.replace(/^\0/, '').replace(/\?.*$/, '');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = clean.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (clean.startsWith(root)) return clean.slice(root.length).split('/')[0];
  return clean.includes('tactful-bench-size-entry') ? 'entry' : clean;
}

/**
 * Builds one entry, returns minified and gzip (level 9) bytes, and each package's share of the
 * tree-shaken code before minification (to see what got pulled in).
 */
async function measure(build, yaml, { label, code }) {
  const result = await build({
    configFile: false,
    root,
    logLevel: 'silent',
    mode: 'production',
    plugins: [
      yaml(),
      {
        name: 'tactful-bench-entry',
        resolveId: (id) => (id === ENTRY ? ENTRY : null),
        load: (id) => (id === ENTRY ? code : null),
      },
    ],
    build: {
      write: false,
      minify: true,
      target: 'es2022',
      modulePreload: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rollupOptions: {
        input: ENTRY,
        preserveEntrySignatures: 'exports-only',
        output: { format: 'es' },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs.filter((o) => o.type === 'chunk');
  const js = chunks.map((c) => c.code).join('\n');
  const bytes = Buffer.byteLength(js);
  const gzip = gzipSync(js, { level: 9 }).length;
  const shares = new Map();
  for (const c of chunks) {
    for (const [id, m] of Object.entries(c.modules ?? {})) {
      const p = packageOf(id);
      shares.set(p, (shares.get(p) ?? 0) + (m.renderedLength ?? 0));
    }
  }
  return { label, bytes, gzip, shares: [...shares].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]) };
}

/** Sizes of `entries` (default: the engine's); tests/bench/peers.mjs passes the peers' entries. */
export async function measureSizes(entries = SIZE_ENTRIES) {
  const { build } = await import('vite');
  const yaml = (await import('@rollup/plugin-yaml')).default;
  const out = [];
  for (const entry of entries) out.push(await measure(build, yaml, entry));
  return out;
}
