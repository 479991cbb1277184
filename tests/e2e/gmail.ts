import type { Page } from '@playwright/test';
import { inCoachWorld } from './coach-world';

// What several browser tests do on the Gmail fixture: write the agent's line, read what the
// coach underlines. The coach's highlights are read in its own (isolated) world.

/** Replaces the agent's line of the inline reply (everything above the signature) by typing. */
export async function writeGmail(page: Page, text: string): Promise<void> {
  await page.locator('div[aria-label="Message Body"]').first().click();
  await page.evaluate(() => {
    const el = document.querySelector('div[aria-label="Message Body"]')!;
    const top = el.firstElementChild ?? el;
    const r = document.createRange();
    r.setStart(top, 0);
    r.setEndBefore(top.querySelector('br[clear="all"], .gmail_signature_prefix')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
  });
  await page.keyboard.type(text);
}

/** The Gmail fixture's draft as the host app reads it. */
export const gmailDraft = (page: Page): Promise<string> =>
  page.evaluate(() => (window as any).fixture.gmailDraftText(0) as string);

/**
 * The words underlined in the page (every level; where something is missing, left out), sorted:
 * rich editors' highlights and the spans of a textarea's mirror.
 */
export const underlined = (page: Page): Promise<string[]> =>
  inCoachWorld(page, () => {
    const out: string[] = [];
    for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) {
      if (name.startsWith('tactful-') && !name.includes('missing')) for (const r of h) out.push(r.toString());
    }
    const root = (globalThis as any).__tactfulOverlayRoot as ShadowRoot | undefined;
    for (const s of root?.querySelectorAll('.tactful-u:not(.tactful-missing)') ?? []) out.push(s.textContent ?? '');
    return out.sort();
  });

/** Where to point the mouse to open the card of an underlined phrase; null when not underlined. */
export const pointAt = (page: Page, phrase: string): Promise<{ x: number; y: number } | null> =>
  inCoachWorld(
    page,
    (p) => {
      for (const [name, h] of (CSS as any).highlights as Map<string, Set<Range>>) {
        if (!name.startsWith('tactful-')) continue;
        for (const r of h) {
          if (r.toString() !== p) continue;
          const b = r.getBoundingClientRect();
          return { x: b.left + 8, y: b.top + b.height / 2 };
        }
      }
      return null;
    },
    phrase,
  );
