import { useSyncExternalStore } from 'preact/compat';
import type { StoreApi } from 'zustand/vanilla';

/** Subscribes a Preact component to a slice of a vanilla zustand store. Select stored values, not new objects. */
export function useStore<S, T>(store: StoreApi<S>, selector: (s: S) => T): T {
  return useSyncExternalStore(store.subscribe, () => selector(store.getState()));
}
