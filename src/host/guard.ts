/** Errors never reach the host page: they are swallowed here and noted quietly. */
export function guard<T>(fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    console.debug('[Tactful]', e);
    return undefined;
  }
}

/** Events a page's own script made (`el.click()`, `dispatchEvent`) never drive the coach. */
export const fromUser = (e: Event) => e.isTrusted;
