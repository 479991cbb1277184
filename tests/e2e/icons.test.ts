import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { EXTENSION_DIR, launchWithExtension, type ExtensionBrowser } from './browser';

// The extension's icon (issue #7): without one Chromium shows a grey letter in the toolbar and on
// chrome://extensions. The PNGs are rendered from assets/icon.svg at build time.

const ICON_SIZES = [16, 32, 48, 128];

interface IconManifest {
  icons?: Record<string, string>;
  action?: { default_icon?: Record<string, string> };
}

let manifest: IconManifest;

beforeAll(async () => {
  manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
});

/** Width and height from a PNG's IHDR chunk, which the format requires to come first. */
async function pngSize(file: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(file);
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('extension icon in the built manifest', () => {
  test('lists a PNG of each size Chromium asks for, with exactly those pixel sizes', async () => {
    expect(Object.keys(manifest.icons ?? {}).map(Number)).toEqual(expect.arrayContaining(ICON_SIZES));
    for (const size of ICON_SIZES) {
      const path = manifest.icons?.[size];
      expect(path, `icons.${size}`).toMatch(/\.png$/);
      expect(await pngSize(join(EXTENSION_DIR, path!))).toEqual({ width: size, height: size });
    }
  });

  test('gives the toolbar button the same icons', () => {
    expect(manifest.action?.default_icon).toEqual(manifest.icons);
  });
});

describe('extension icon in real Chromium', () => {
  let browser: ExtensionBrowser;

  beforeAll(async () => {
    browser = await launchWithExtension();
  });

  afterAll(async () => {
    await browser?.close();
  });

  test("each icon URL loads as an image of its size from the extension's origin", async () => {
    const page = await browser.openExtensionPage('practice.html');
    for (const size of ICON_SIZES) {
      const path = manifest.icons?.[size] ?? '';
      const decoded = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode(); // rejects when the URL does not load or is not an image
        return { width: image.naturalWidth, height: image.naturalHeight };
      }, `/${path}`);
      expect(decoded, path).toEqual({ width: size, height: size });
    }
  });
});
