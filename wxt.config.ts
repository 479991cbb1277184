import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import yaml from '@rollup/plugin-yaml';

// See https://wxt.dev/api/config.html
export default defineConfig({
  vite: () => ({
    plugins: [preact(), yaml()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Tactful',
    description: 'On-device tone coach for customer-service replies. Nothing you type leaves the browser.',
    permissions: ['storage', 'scripting', 'activeTab'],
    // Sites beyond Gmail and Zendesk are asked for one by one, when the user turns them on.
    optional_host_permissions: ['*://*/*'],
    action: { default_title: 'Tactful' },
    // Firefox asks every new extension to declare what it collects: nothing leaves the browser.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'tactful@tactful.dev', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
  webExt: {
    binaries: { chrome: '/usr/bin/chromium' },
    chromiumArgs: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
});
