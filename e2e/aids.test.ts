import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/**
 * From a budget to a decided aid application in the browser (docs/api.md, "Budget et aides"): the référent fills the
 * household budget, creates an FSL application, files and instructs it; the site manager decides it (maker-checker:
 * the instructing worker is not offered the decision).
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const statusOf = (page: Page) => page.locator('dl.jalon-dl dd').first().textContent();
async function move(page: Page, label: string) {
  await page.getByLabel('Nouveau statut').selectOption({ label });
  await page.getByRole('button', { name: 'Valider' }).click();
  await expect.poll(() => statusOf(page)).toBe(label);
}

describe('budget and aid application in the browser', () => {
  it('budget → application → instruction by the référent → decision by the site manager', async () => {
    const page = await login(e, 'ts1.eps18');
    const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('tab', { name: 'Budget et aides' }).click();
    await page.getByRole('heading', { name: 'Budget du foyer' }).waitFor();

    await page.getByRole('button', { name: 'Ajouter une ressource' }).click();
    await page.locator('#resource-0-type').selectOption({ label: 'Salaire' });
    await page.locator('#resource-0-amount').fill('1 200,00');
    await page.getByRole('button', { name: 'Ajouter une charge' }).click();
    await page.locator('#charge-0-type').selectOption({ label: 'Loyer (hors charges)' });
    await page.locator('#charge-0-amount').fill('650');
    await page.getByRole('button', { name: 'Enregistrer le budget' }).click();
    await page.getByRole('status').filter({ hasText: 'Budget enregistré' }).waitFor();
    const summary = page.getByRole('table', { name: 'Reste à vivre mensuel' });
    await expect.poll(() => summary.textContent()).toContain('550,00');
    await expectAccessible(page, 'onglet Budget et aides');

    await page.getByRole('button', { name: 'Nouvelle demande d’aide' }).click();
    await page.getByLabel('Montant demandé (€)').fill('400');
    await page.getByLabel('Créancier (bailleur, fournisseur)').fill('Bailleur social de démonstration');
    await page.getByRole('button', { name: 'Créer la demande' }).click();
    await page.waitForURL((u) => /^\/aides\/[0-9a-f-]{36}$/.test(u.pathname));
    const url = new URL(page.url()).pathname;
    await page.getByRole('heading', { name: /Pré-examen de l’éligibilité/ }).waitFor();
    expect(await page.getByRole('table', { name: 'Règles examinées' }).textContent()).toContain(
      'aucune durée de résidence',
    );

    // The pièces of the checklist are missing: the page lists them and does not offer « déposée complète ».
    const pieces = page.getByRole('region', { name: 'Pièces justificatives' });
    await expect.poll(() => pieces.textContent()).toContain('Pièce d’identité ou titre de séjour');
    const options = await page.getByLabel('Nouveau statut').locator('option').allTextContents();
    expect(options).not.toContain('Déposée (complète)');
    // Brought in (as the documents tab does), the page says so and offers the complete dépôt.
    const fileId = (await page.request.get(`/api${url.replace('/aides/', '/aid-applications/')}`).then((r) => r.json()))
      .caseFileId as string;
    const csrf = ((await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    for (const type of ['piece_identite', 'attestation_caf', 'bail', 'quittance', 'rib']) {
      const uploaded = await page.request.post(`/api/usagers/${fileId}/documents`, {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          type,
          file: { name: `${type}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') },
        },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
    }
    await page.reload();
    await expect.poll(() => pieces.textContent()).toContain('Toutes les pièces justificatives');
    await move(page, 'Déposée (complète)');
    await move(page, 'En instruction');
    await move(page, 'En commission ordinaire');
    // The instructing worker is not offered a decision.
    expect(await page.getByLabel('Nouveau statut').count()).toBe(0);
    await expectAccessible(page, 'demande d’aide');

    const manager = await login(e, 'responsable.eps18');
    await manager.goto(url);
    await manager.getByLabel('Nouveau statut').selectOption({ label: 'Accord' });
    await manager.getByLabel('Montant accordé (€)').fill('350');
    await manager.getByRole('button', { name: 'Valider' }).click();
    await expect.poll(() => statusOf(manager)).toBe('Accord');
    const decision = manager.getByRole('region', { name: 'Décision' });
    await expect.poll(() => decision.textContent()).toContain('350,00');
    await manager.getByRole('heading', { name: /Pré-examen de l’éligibilité/ }).waitFor();
    expect(await manager.getByText('Tel qu’établi à la décision').count()).toBe(1);
  });
});
