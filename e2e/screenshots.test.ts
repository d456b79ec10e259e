import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, submitLogin, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 390, height: 844 },
] as const;
/** Each role's home (where login lands) and its other main pages. */
const PAGES: Record<string, string[]> = {
  'ts1.eps18': ['', '/agenda'],
  'secretaire.eps18': ['', '/agenda'],
  'responsable.eps18': ['', '/acces-motives', '/statistiques'],
  admin: [''],
  dpo: [''],
};

/** Text of the header's logo block that is hidden by its box or by a clipping ancestor (empty when all shows). */
const clippedLogo = (page: Page) =>
  page.evaluate(() => {
    const logo = document.querySelector('.fr-header__logo .fr-logo');
    if (!logo) return 'no logo';
    const range = document.createRange();
    range.selectNodeContents(logo);
    const text = range.getBoundingClientRect();
    const problems: string[] = [];
    for (let el: Element | null = logo; el && el !== document.body; el = el.parentElement) {
      const style = getComputedStyle(el);
      if (style.overflow === 'visible' && style.overflowX === 'visible') continue;
      const box = el.getBoundingClientRect();
      if (
        text.left < box.left - 1 ||
        text.right > box.right + 1 ||
        text.top < box.top - 1 ||
        text.bottom > box.bottom + 1
      )
        problems.push(
          `${el.className}: text ${Math.round(text.width)}×${Math.round(text.height)} in box ${Math.round(box.width)}×${Math.round(box.height)}`,
        );
    }
    if (logo.scrollWidth > logo.clientWidth + 1)
      problems.push(`logo scrollWidth ${logo.scrollWidth} > ${logo.clientWidth}`);
    return problems.join('; ');
  });

describe('main pages of each role at 1366×768 and 390×844', () => {
  for (const [who, pages] of Object.entries(PAGES)) {
    it(`${who}: main pages fit the screen, logo whole, screenshots saved`, async () => {
      for (const viewport of VIEWPORTS) {
        const context = await e.browser.newContext({
          baseURL: e.baseUrl,
          locale: 'fr-FR',
          timezoneId: 'Europe/Paris',
          viewport,
        });
        const page = await context.newPage();
        await submitLogin(page, who);
        for (const path of pages) {
          if (path) await page.goto(path);
          await page.locator('main h1').first().waitFor();
          await page.waitForLoadState('networkidle');
          const where = new URL(page.url()).pathname;
          const label = `${who} ${viewport.width}×${viewport.height} (${where})`;
          const name = `${who}${where === '/' ? '' : where}`.replace(/[./]+/g, '-');
          await page.screenshot({
            path: `e2e/screenshots/${name}-${viewport.width}x${viewport.height}.png`,
            fullPage: true,
          });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          expect(overflow, `horizontal overflow on ${label}`).toBeLessThanOrEqual(0);
          expect(await clippedLogo(page), `logo clipped on ${label}`).toBe('');
          if (viewport.width === 1366) await expectAccessible(page, label);
        }
        await context.close();
      }
    }, 180_000);
  }
});
