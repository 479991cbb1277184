// The Chromium flags TOOLCHAIN.md lists for this machine (no background networking: it is refused
// here). Plain Node ESM, so both the TypeScript browser tests and the .mjs browser bench use it.
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
