// Types for chromium-flags.mjs (plain Node ESM, so the TypeScript tests can import it).
export declare const CHROMIUM_FLAGS: readonly string[];
