import type { BrowserContext } from '@playwright/test';
import { expect } from 'vitest';

/**
 * Opens a fixture page and watches everything a page could see go wrong: its own errors
 * (`pageerror`, console errors, the fixture's collected `error`/`unhandledrejection` events) and,
 * through the DevTools protocol, exceptions thrown in any world of the page — the content
 * script's isolated one included. Resolves once the fixture says it is ready.
 */
export async function openWatched(context: BrowserContext, url: string) {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  const cdp = await context.newCDPSession(page);
  cdp.on('Runtime.exceptionThrown', ({ exceptionDetails }) =>
    errors.push(`exception: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`),
  );
  await cdp.send('Runtime.enable');
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => (window as any).fixture?.ready === true)).toBe(true);
  const allErrors = async () => [...errors, ...(await page.evaluate(() => (window as any).fixture.errors as string[]))];
  return { page, allErrors };
}
