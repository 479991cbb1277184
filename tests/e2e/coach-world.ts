import type { CDPSession, Page } from '@playwright/test';

/**
 * Tactful draws its coach in a closed shadow root, out of reach of the page's scripts — and of
 * Playwright's locators. The tests read it where the content script keeps it: in the content
 * script's own isolated world (`globalThis.__tactfulOverlayRoot`), reached through the DevTools
 * protocol. Clicks are real mouse clicks at the element's place, as a person's would be.
 */

interface World {
  cdp: CDPSession;
  contexts: Map<number, string>;
}
const worlds = new WeakMap<Page, Promise<World>>();

async function worldOf(page: Page): Promise<World> {
  let w = worlds.get(page);
  if (!w) {
    w = (async () => {
      const cdp = await page.context().newCDPSession(page);
      const contexts = new Map<number, string>();
      cdp.on('Runtime.executionContextCreated', ({ context }) => {
        const aux = context.auxData as { type?: string; frameId?: string } | undefined;
        if (aux?.type === 'isolated' && context.origin.startsWith('chrome-extension://'))
          contexts.set(context.id, aux.frameId ?? '');
      });
      cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) => contexts.delete(executionContextId));
      cdp.on('Runtime.executionContextsCleared', () => contexts.clear());
      await cdp.send('Runtime.enable');
      return { cdp, contexts };
    })();
    worlds.set(page, w);
  }
  return w;
}

/**
 * Runs `fn` in the content script's world of the page's main frame. `fn` is serialised: it may
 * use only its argument and globals (`document`, `globalThis.__tactfulOverlayRoot`).
 */
export async function inCoachWorld<T, A = undefined>(page: Page, fn: (arg: A) => T, arg?: A): Promise<T> {
  const { cdp, contexts } = await worldOf(page);
  const { frameTree } = await cdp.send('Page.getFrameTree');
  const main = frameTree.frame.id;
  // The newest content-script context of the main frame (a re-injection replaces the old one).
  const ids = [...contexts].filter(([, frame]) => frame === main).map(([id]) => id);
  const contextId = ids[ids.length - 1];
  if (contextId === undefined) throw new Error('Tactful has no content script in this page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
    contextId,
    returnByValue: true,
    awaitPromise: true,
  });
  if (exceptionDetails)
    throw new Error(`in the coach's world: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

/** Finds elements inside the coach's shadow root, by CSS selector and optional text. */
function query(args: { selector: string; hasText?: string; index?: number; attr?: string; rect?: boolean }) {
  const root = (globalThis as unknown as { __tactfulOverlayRoot?: ShadowRoot }).__tactfulOverlayRoot;
  const all = root ? [...root.querySelectorAll<HTMLElement>(args.selector)] : [];
  const found = args.hasText ? all.filter((e) => (e.textContent ?? '').includes(args.hasText!)) : all;
  const el = found[args.index ?? 0];
  const r = el?.getBoundingClientRect();
  return {
    count: found.length,
    text: el ? (el.textContent ?? '') : null,
    attr: el && args.attr ? el.getAttribute(args.attr) : null,
    rect: r ? { x: r.left + r.width / 2, y: r.top + r.height / 2, width: r.width, height: r.height } : null,
  };
}

/** A small stand-in for a Playwright locator inside the closed shadow root. */
export class CoachLocator {
  constructor(
    private readonly page: Page,
    readonly selector: string,
    private readonly options: { hasText?: string } = {},
  ) {}

  private read(attr?: string) {
    return inCoachWorld(this.page, query, { selector: this.selector, hasText: this.options.hasText, attr });
  }

  async count(): Promise<number> {
    return (await this.read()).count;
  }

  async textContent(): Promise<string | null> {
    return (await this.read()).text;
  }

  /** Waits for the element (like Playwright) and returns the attribute. */
  async getAttribute(name: string, { timeout = 5_000 } = {}): Promise<string | null> {
    return (await this.waitFor(timeout, name)).attr;
  }

  /**
   * A real mouse click at the element's centre, once it is there, has a size and has stopped
   * moving (as Playwright waits for "stable": the card settles above or below the text a frame
   * after it opens, and a click at its first place would miss).
   */
  async click({ timeout = 5_000 } = {}): Promise<void> {
    const deadline = Date.now() + timeout;
    for (;;) {
      const { rect } = await this.waitFor(Math.max(0, deadline - Date.now()));
      await this.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
      const again = (await this.read()).rect;
      if (again && again.x === rect!.x && again.y === rect!.y) {
        await this.page.mouse.click(again.x, again.y);
        return;
      }
      if (Date.now() > deadline) throw new Error(`${this.selector} in the coach did not stop moving in ${timeout} ms`);
    }
  }

  private async waitFor(timeout: number, attr?: string) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const r = await this.read(attr);
      if (r.count > 0 && r.rect && r.rect.width > 0 && r.rect.height > 0) return r;
      if (Date.now() > deadline) throw new Error(`no ${this.selector} in the coach after ${timeout} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

/** `coach(page, '[role="dialog"] button', { hasText: 'Dismiss' })`, like `page.locator`. */
export const coach = (page: Page, selector: string, options?: { hasText?: string }) =>
  new CoachLocator(page, selector, options);

/**
 * The badge's accessible name ("Tactful: 1 error, 2 warnings, tone score 72"): the text it is
 * named by (the counts drawn beside it are hidden from assistive technology); null while absent.
 */
export const badgeName = (page: Page): Promise<string | null> =>
  coach(page, '.tf-badge > .tf-sr-only')
    .textContent()
    .catch(() => null);
