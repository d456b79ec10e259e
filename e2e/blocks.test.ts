import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startE2E, submitLogin, type E2E } from './harness.js';

/** The first uses of the building blocks: attach and preview a document; mark an appointment (workflow). */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function openFirstFile(): Promise<{ page: Page; path: string }> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await submitLogin(page, 'ts1.eps18');
  const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
  await link.click();
  await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
  return { page, path: new URL(page.url()).pathname };
}

describe('building blocks in the browser', () => {
  it('attaches a document to the file and previews it in the page', async () => {
    const { page } = await openFirstFile();
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByLabel(/Fichier \(glissez-le ici/).setInputFiles({
      name: 'quittance.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await page.getByLabel('Type de document').selectOption('quittance');
    await page.getByRole('button', { name: 'Ajouter le document' }).click();
    const table = page.getByRole('table', { name: 'Documents du dossier' });
    await poll(() => table.innerText()).toContain('Quittance de loyer');
    await table.getByRole('button', { name: 'Aperçu' }).first().click();
    const img = page.getByRole('img', { name: 'Aperçu : Quittance de loyer' });
    // Loaded under the page's CSP: the image has its natural size.
    await poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);

    // A renamed program is refused with the French message, nothing listed.
    await page.getByLabel(/Fichier \(glissez-le ici/).setInputFiles({
      name: 'facture.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('MZ not a pdf'),
    });
    await page.getByLabel('Type de document').selectOption('facture');
    await page.getByRole('button', { name: 'Ajouter le document' }).click();
    await poll(() => page.locator('main').innerText()).toContain('Type de fichier non accepté');
    expect(await table.innerText()).not.toContain('Facture');
  });

  it('marks a started appointment honoré, keeps its history; an appointment ahead can only be cancelled', async () => {
    const { page, path } = await openFirstFile();
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    // Distinctive durations find the two entries among the demo's. At 18:00 UTC, after the demo's appointments (office
    // hours, 8:00–16:45 UTC): neither clashes with one of the worker's (a clash answers 409), whatever the hour now.
    const create = (days: number, durationMinutes: number) => {
      const at = new Date();
      at.setUTCDate(at.getUTCDate() + days);
      at.setUTCHours(18, 0, 0, 0);
      return page.request.post(`/api${path}/journal`, {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { type: 'rendez_vous', occurredAt: at.toISOString(), durationMinutes },
      });
    };
    expect((await create(-1, 47)).status()).toBe(201);
    expect((await create(3, 53)).status()).toBe(201);
    await page.reload();
    await page.getByRole('tab', { name: 'Journal' }).click();
    const entry = (minutes: number) => page.locator('article').filter({ hasText: `${minutes} min` });
    await poll(() => entry(47).count()).toBe(1);
    const started = entry(47).getByRole('group', { name: /^Statut — / });
    const ahead = entry(53).getByRole('group', { name: /^Statut — / });
    expect(await ahead.getByRole('button', { name: 'Honoré' }).isDisabled()).toBe(true);
    expect(await ahead.getByRole('button', { name: 'Annulé' }).isDisabled()).toBe(false);
    await started.getByRole('button', { name: 'Honoré' }).click();
    await poll(() => started.getByRole('button', { name: 'Honoré' }).getAttribute('aria-pressed')).toBe('true');
    await poll(() => entry(47).innerText()).toContain('Historique du statut (1)');
  });
});
