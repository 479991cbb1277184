import { type StorageItemKey, storage, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';

/**
 * Storage is the truth, but it is not trusted to hold what this version wrote: a value from an
 * older version, another tool, a sync gone wrong or a hand edit in DevTools can sit under any
 * key. Every setting is read through `read`, which keeps what it can use of the stored value
 * (the user's rules, sites and drafts are not thrown away for one bad field) and gives
 * `undefined` when nothing is usable; the item's fallback is used then. Reading never throws.
 */
export interface SettingOptions<T> extends WxtStorageItemOptions<T> {
  fallback: T;
  /** The stored value as this version uses it, or undefined when it cannot be used. */
  read(stored: unknown): T | undefined;
}

/** A WXT storage item whose value is checked (and repaired where it can be) on every read and watch. */
export function defineSetting<T>(
  key: StorageItemKey,
  { read, ...options }: SettingOptions<T>,
): WxtStorageItem<T, Record<string, unknown>> {
  const item = storage.defineItem<T>(key, options);
  const clean = (value: unknown): T => {
    if (value === null || value === undefined) return options.fallback;
    try {
      const used = read(value);
      return used === undefined ? options.fallback : used;
    } catch {
      return options.fallback;
    }
  };
  return {
    key: item.key,
    get defaultValue() {
      return item.fallback;
    },
    get fallback() {
      return item.fallback;
    },
    getValue: async () => clean(await item.getValue()),
    getMeta: () => item.getMeta(),
    setValue: (value) => item.setValue(value),
    setMeta: (meta) => item.setMeta(meta),
    removeValue: (opts) => item.removeValue(opts),
    removeMeta: (properties) => item.removeMeta(properties),
    watch: (cb) => item.watch((next, prev) => cb(clean(next), clean(prev))),
    watchMeta: (cb) => item.watchMeta(cb),
    migrate: () => item.migrate(),
  };
}

// ---- readers shared by the settings -------------------------------------------------------

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Own, ordinary keys only: `__proto__` and friends never become settings. */
export const safeKey = (k: string) => k !== '__proto__' && k !== 'constructor' && k !== 'prototype';

/** A finite number, or undefined. */
export const finite = (x: unknown): number | undefined => (typeof x === 'number' && Number.isFinite(x) ? x : undefined);

/** A natural number (0, 1, 2 …), or undefined. */
export const natural = (x: unknown): number | undefined =>
  Number.isSafeInteger(x) && (x as number) >= 0 ? (x as number) : undefined;

/**
 * A list of strings: from an array (anything not a string is dropped), or from the older
 * `{ id: true }` map shape (the keys switched on).
 */
export function stringList(x: unknown): string[] | undefined {
  if (Array.isArray(x)) return [...new Set(x.filter((v): v is string => typeof v === 'string' && v !== ''))];
  if (isRecord(x)) return Object.keys(x).filter((k) => safeKey(k) && k !== '' && x[k] === true);
  return undefined;
}

/**
 * Why the browser refused to store something, in words for the person who lost nothing but must
 * act: a full quota (chrome.storage.local holds 10 MB), or the browser's own message.
 */
export function storageProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/quota/i.test(message)) return 'the browser’s storage for Tactful is full';
  return `the browser would not store it (${message})`;
}
