import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('statistics in the browser (docs/api.md, Statistics)', () => {
  it('a responsable sees a suppressed cell as "< 5", exports the CSV, and the map renders', async () => {
    const page = await login(e, 'responsable.eps18');
    await page.getByRole('link', { name: 'Statistiques' }).first().click();
    await page.waitForURL('**/statistiques');
    await page.getByRole('heading', { level: 1, name: 'Statistiques' }).waitFor();
    await expect.poll(() => page.locator('main').innerText()).toContain('EPS Paris 18e');

    await page
      .getByLabel('Indicateur', { exact: true })
      .selectOption({ label: 'Population — Usagers suivis par type de ménage' });
    const table = page.getByRole('table', { name: /Usagers suivis par type de ménage/ });
    await table.waitFor();
    await expect.poll(() => table.innerText()).toContain('< 5');
    // The chart shows the same marks, no bar for a hidden count.
    await expect.poll(() => page.locator('.jalon-stat-chart .jalon-bar-label').allTextContents()).toContain('< 5');

    // The CSV is the table shown: same marks, French CSV.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Exporter en CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^statistiques-contexteFamilial-\d{4}-\d{2}-\d{4}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('< 5');
    expect(csv).toContain('Type de ménage (TYPMR);Effectif');
    for (const line of csv.split('\r\n').filter((l) => /;\d+$/.test(l))) {
      const [label, n] = line.split(';');
      if (label === 'Total') continue;
      expect(await table.innerText(), label).toContain(String(label));
      expect(Number(n)).toBeGreaterThanOrEqual(0);
    }

    // The map of the 20 arrondissements, shaded; the 18e carries its count.
    const map = page.locator('.jalon-map svg');
    await map.waitFor();
    expect(await map.locator('path').count()).toBe(20);
    await expect
      .poll(() => map.locator('[data-arrondissement="18"] text').last().textContent())
      .toMatch(/^\d+$|^< 5$|^secret$/);
    expect(await page.locator('main').innerText()).not.toMatch(/Alix Morvan|Bastien Kerjean/);
    await expectAccessible(page, 'statistics page');
    await page.context().close();
  }, 120_000);

  it('a worker sees their team and their own activity; a secretary has no statistics', async () => {
    const page = await login(e, 'ts1.eps18');
    await page.goto('/statistiques');
    await page.getByRole('heading', { name: 'Mon activité' }).waitFor();
    expect(await page.locator('main').innerText()).toContain('votre équipe');
    await page.context().close();

    const secretary = await login(e, 'secretaire.eps18');
    expect(await secretary.getByRole('link', { name: 'Statistiques' }).count()).toBe(0);
    await secretary.goto('/statistiques');
    await expect.poll(() => secretary.locator('main').innerText()).toContain('Statistiques indisponibles');
    await secretary.context().close();
  }, 120_000);
});
