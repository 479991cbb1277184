import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import yaml from '@rollup/plugin-yaml';
import { mkdir } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { readdirSync } from 'node:fs';
import sharp from 'sharp';
import { DEFAULT_MATCHES } from './src/host/sites';

/** The extension's mark; PNGs of each size are rendered from it at build time (see `hooks`). */
const ICON_SOURCE = 'assets/icon.svg';
/** The SVG's own width and height, at which sharp's default 72 dpi renders it 1:1. */
const ICON_SOURCE_SIZE = 128;
/** Toolbar (16, 32), extensions page (48) and install/store (128) sizes. */
const ICON_SIZES = [16, 32, 48, 128] as const;
const iconPath = (size: number) => `icons/${size}.png`;

/**
 * The learned heads (rules/models/*.json, not cv.json) ship as files of their own: the content
 * script asks the background for them when an editor is first focused, so their weights are
 * not parsed on every page load.
 */
const MODEL_FILES = readdirSync('rules/models').filter((f) => f.endsWith('.json') && f !== 'cv.json');
const ICONS = Object.fromEntries(ICON_SIZES.map((size) => [size, iconPath(size)]));

// Only for tests/e2e/start.test.ts: a remote-debugging port for the Chromium `npm start` opens,
// so the test can see which tabs it shows. Unset, Chromium opens no port.
const chromiumDebuggingPort = process.env.TACTFUL_CHROMIUM_DEBUGGING_PORT;

/**
 * The public half of a key pair, so that Chrome and Chromium give this build the same id on every
 * machine and profile: mpeapjgceonjcnjohfmigfeffiomklcj (the first 32 hex digits of the SHA-256 of
 * this DER key, 0-f written a-p). It only fixes the id that enterprise policies
 * (`3rdparty.extensions.<id>`) and tests/e2e/policy.test.ts name; it signs nothing, and no private
 * key was kept. The Chrome Web Store (or a CRX signed with another key) gives its own id. Firefox
 * uses the gecko id below.
 */
const CHROME_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAmp6qPksM+32xzi/L+Z8VEVLoSgTy3avnmJcJbRW+hjFxV2l7P9SKglNXr8mfAC5TrPJVitQdoJyKQj+mrGQ/weE/G2kJWPIA+gClHK+f+ApZpHd+6h+QBYh9KqQxUn88IwcIAJ0EK9Phb/gU9eUhZPCnc87Tt4GzdwfSEtestEpuQEWGkkyBSJ2Q9w3QQROF5jPVmV4799mxLYAVNej76wb8eO6Zw1PpSq4EJk/Y6XZfwnsWbC8ct32vrxZ93Bu4rdib5XiGTtUMMZcdMdKiNLhC4EqRka+CqCninnHOUNV1eg6Io9FNn+sI9Tc/9G8POfxHlnyVyKXSbDYFKg8J+wIDAQAB';

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [preact(), yaml()],
    build: { target: 'es2022' },
    // Workers (the options page's teach worker, src/teach/worker.ts) are bundled on their own:
    // they need the YAML plugin too (the rule files), and an ES module worker may share chunks.
    worker: { format: 'es', plugins: () => [yaml()] },
  }),
  manifest: ({ browser }) => ({
    name: 'Tactful',
    description: 'On-device tone coach for customer-service replies. Nothing you type leaves the browser.',
    permissions: ['storage', 'scripting', 'activeTab'],
    // The default sites (the content script's own matches): the background injects the coach
    // there when the agent first goes near an editor.
    host_permissions: [...DEFAULT_MATCHES],
    // Sites beyond Gmail and Zendesk are asked for one by one, when the user turns them on.
    optional_host_permissions: ['*://*/*'],
    icons: ICONS,
    action: { default_title: 'Tactful', default_icon: ICONS },
    // A command, so the key shows in the browser's shortcut settings and can be changed there.
    commands: {
      'next-suggestion': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Go to the next Tactful suggestion in the reply',
      },
    },
    // Firefox asks every new extension to declare what it collects: nothing leaves the browser.
    // Firefox reads managed storage from policies.json (3rdparty.Extensions.<gecko id>) with no
    // schema, and knows neither `key` nor `storage.managed_schema`: those are Chrome's only.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'tactful@tactful.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {
          key: CHROME_KEY,
          // What an organisation may set by policy (storage.managed): Chrome reads only what the
          // schema declares, and shows it on chrome://policy.
          storage: { managed_schema: 'managed-schema.json' },
        }),
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    chromiumArgs: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(chromiumDebuggingPort ? [`--remote-debugging-port=${chromiumDebuggingPort}`] : []),
    ],
  },
  hooks: {
    // Each size is rendered from the vector (not scaled down from 128 px) so the 16 px toolbar
    // icon stays sharp. They go to .wxt/icons/<output folder>/ and WXT copies them into the build
    // like public files, so they are in every build, dev build and zip. One folder per output
    // keeps a dev server and a build running at the same time from writing the same files.
    'build:publicAssets': async (wxt, files) => {
      const source = resolve(wxt.config.root, ICON_SOURCE);
      const renderDir = resolve(wxt.config.wxtDir, 'icons', basename(wxt.config.outDir));
      await mkdir(renderDir, { recursive: true });
      for (const size of ICON_SIZES) {
        const rendered = resolve(renderDir, `${size}.png`);
        await sharp(source, { density: (72 * size) / ICON_SOURCE_SIZE })
          .resize(size, size)
          .png()
          .toFile(rendered);
        files.push({ absoluteSrc: rendered, relativeDest: iconPath(size) });
      }
      for (const f of MODEL_FILES) {
        files.push({ absoluteSrc: resolve(wxt.config.root, 'rules/models', f), relativeDest: `models/${f}` });
      }
    },
    // Lets extension code name the icons in browser.runtime.getURL() with type checking.
    'prepare:publicPaths': (_wxt, paths) => {
      paths.push(...ICON_SIZES.map(iconPath), ...MODEL_FILES.map((f) => `models/${f}`));
    },
  },
});
