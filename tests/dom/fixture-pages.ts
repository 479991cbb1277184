import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as ckeditor5 from 'ckeditor5';

// The e2e fixture pages, loaded into happy-dom so host adapters are tested on the same markup.
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '../e2e/fixtures/pages');
export const fixtureFile = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

interface FixtureWindow {
  fixture: Record<string, any>;
  happyDOM: { setURL(url: string): void };
}
export const win = window as unknown as FixtureWindow;

/**
 * Loads a fixture page as the browser would see it at `url`: its body, its title, and its
 * scripts (common.js first), run as classic scripts in this window. zendesk.js is an ES module
 * importing CKEditor 5 from the fixture server: here that import is bound to CKEditor 5 from npm.
 */
export function loadFixture(page: string, url: string) {
  win.happyDOM.setURL(url);
  const html = fixtureFile(`${page}.html`);
  document.title = /<title>([^<]*)<\/title>/.exec(html)?.[1] ?? '';
  document.body.innerHTML = /<body>([\s\S]*)<\/body>/.exec(html)![1]!;
  new Function(fixtureFile('common.js'))();
  const code = fixtureFile(`${page}.js`).replace(
    /^import\s*\{([^}]*)\}\s*from\s*'\/vendor\/ckeditor5\/ckeditor5\.js';/m,
    'const {$1} = __ckeditor5;',
  );
  new Function('__ckeditor5', code)(ckeditor5);
  return win.fixture;
}

/** Lets MutationObserver callbacks (microtasks) and timers run. */
export const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));
