import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutGenogram, renderGenogramSvg, sampleFamily } from '@jalon/core';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM } from './harness.js';

/**
 * The genogram's drawing in Chromium against a committed reference image (docs/domain.md §8 conventions). The first
 * run writes the reference (to be reviewed and committed); later runs compare pixel by pixel, in the browser's own
 * canvas (no image library), with a small tolerance for anti-aliasing.
 */
const REFERENCE = join(dirname(fileURLToPath(import.meta.url)), 'reference', 'genogram-sample.png');

let browser: Browser;
beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
});
afterAll(() => browser.close());

async function screenshot(svg: string): Promise<Buffer> {
  const page = await browser.newPage({ deviceScaleFactor: 1 });
  await page.setContent(`<html><body style="margin:0;background:#fff">${svg}</body></html>`);
  const shot = await page.locator('svg').screenshot();
  await page.close();
  return shot;
}

/** Share of pixels whose colour differs by more than `threshold` on a channel (1 when the sizes differ). */
async function pixelDiff(a: Buffer, b: Buffer, threshold = 48): Promise<number> {
  const page = await browser.newPage();
  const share = await page.evaluate(
    async ({ a, b, threshold }) => {
      const load = async (src: string) => {
        const img = new Image();
        img.src = src;
        await img.decode();
        const c = document.createElement('canvas');
        [c.width, c.height] = [img.width, img.height];
        const ctx = c.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        return ctx.getImageData(0, 0, c.width, c.height);
      };
      const [x, y] = [await load(a), await load(b)];
      if (x.width !== y.width || x.height !== y.height) return 1;
      let diff = 0;
      for (let i = 0; i < x.data.length; i += 4)
        if ([0, 1, 2].some((k) => Math.abs(x.data[i + k]! - y.data[i + k]!) > threshold)) diff++;
      return diff / (x.width * x.height);
    },
    {
      a: `data:image/png;base64,${a.toString('base64')}`,
      b: `data:image/png;base64,${b.toString('base64')}`,
      threshold,
    },
  );
  await page.close();
  return share;
}

describe('genogram drawing in Chromium', () => {
  it('matches the committed reference image', async () => {
    const g = sampleFamily();
    const shot = await screenshot(
      renderGenogramSvg(g, layoutGenogram(g), { relations: [{ a: 'f', b: 'm', kind: 'conflictual' }] }),
    );
    if (!existsSync(REFERENCE)) {
      mkdirSync(dirname(REFERENCE), { recursive: true });
      writeFileSync(REFERENCE, shot);
    }
    expect(await pixelDiff(shot, readFileSync(REFERENCE))).toBeLessThan(0.005);
  });

  it('the comparison fails on a different drawing (the test can fail)', async () => {
    const g = sampleFamily();
    g.persons[0]!.deceased = false;
    g.unions[1]!.divorceYear = undefined;
    const other = await screenshot(renderGenogramSvg(g, layoutGenogram(g)));
    expect(await pixelDiff(other, readFileSync(REFERENCE))).toBeGreaterThan(0.001);
  });
});
