import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { login, startE2E, type E2E } from './harness.js';

/** Motivated access (docs/api.md): a worker of another site opens a file with a reason, the DPO reviews it; an access export PDF is downloaded. */

let e: E2E;
let fileId = '';
let fileNumber = '';
beforeAll(async () => {
  e = await startE2E();
}, 180_000);
afterAll(() => e?.close());

describe('motivated access and access export', () => {
  it('a worker of the 10e opens a file of the 18e with a reason; the DPO marks it reviewed', async () => {
    const owner = await login(e, 'ts1.eps18');
    const mine = (await (await owner.request.get('/api/usagers/mine')).json()) as {
      items: { id: string; fileNumber: string }[];
    };
    expect(mine.items.length).toBeGreaterThan(0);
    fileId = mine.items[0]?.id ?? '';
    fileNumber = mine.items[0]?.fileNumber ?? '';
    await owner.context().close();

    const worker = await login(e, 'ts1.eps10');
    await worker.goto(`/usagers/${fileId}`);
    await expect.poll(() => worker.locator('main').innerText()).toContain('Dossier introuvable ou non accessible');
    await worker.getByLabel('Motif').selectOption('accueil_sans_rdv');
    await worker.getByLabel(/Justification/).fill('Trop court');
    await worker.getByRole('button', { name: 'Ouvrir le dossier pour 24 heures' }).click();
    await expect
      .poll(() => worker.locator('main').innerText())
      .toContain('La justification doit compter au moins 15 caractères');
    await worker.getByLabel(/Justification/).fill('La personne se présente à notre accueil sans rendez-vous');
    await worker.getByRole('button', { name: 'Ouvrir le dossier pour 24 heures' }).click();
    await expect.poll(() => worker.getByRole('tab', { name: 'Foyer' }).count(), { timeout: 15_000 }).toBe(1);
    await worker.context().close();

    const dpo = await login(e, 'dpo');
    await dpo.goto('/acces-motives');
    const card = dpo.getByTestId('acces-motive').filter({ hasText: fileNumber });
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(1);
    expect(await card.innerText()).toContain('La personne se présente à notre accueil');
    await card.getByLabel('Commentaire de revue').fill('Accueil confirmé par le site du 10e');
    await card.getByRole('button', { name: 'Marquer comme revu' }).click();
    await expect.poll(() => card.count(), { timeout: 15_000 }).toBe(0);
    await dpo.getByText('Revus', { exact: true }).click();
    await expect
      .poll(() => dpo.getByTestId('acces-motive').filter({ hasText: fileNumber }).innerText(), { timeout: 15_000 })
      .toContain('Accueil confirmé par le site du 10e');
    await dpo.context().close();
  });

  it('the responsable records the person’s access request; the DPO downloads the whole file, in French', async () => {
    const page = await login(e, 'responsable.eps18');
    await page.goto(`/usagers/${fileId}`);
    const open = page.getByRole('button', { name: 'Enregistrer une demande d’accès de la personne' });
    await expect.poll(() => open.count(), { timeout: 15_000 }).toBe(1);
    // The responsable prints nothing: the whole file is the DPO's answer (docs/security.md, "Access requests").
    expect(await page.getByRole('link', { name: 'Impression (PDF)' }).count()).toBe(0);
    await open.click();
    await page.getByLabel('Vérification de l’identité').selectOption('copie_piece');
    await page.getByRole('button', { name: 'Enregistrer la demande' }).click();
    await expect.poll(() => page.getByText('Demande enregistrée').count(), { timeout: 15_000 }).toBe(1);
    await page.context().close();

    const dpo = await login(e, 'dpo');
    await dpo.goto('/dpo');
    const row = dpo.getByRole('row').filter({ hasText: fileNumber });
    await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1);
    const [download] = await Promise.all([
      dpo.waitForEvent('download'),
      row.getByRole('link', { name: 'PDF' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^acces-donnees-${fileNumber}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`),
    );
    const path = await download.path();
    const { pages, text } = await pdfText(readFileSync(path));
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(text).toContain('Vos données personnelles');
    expect(text).toContain(`Dossier n° ${fileNumber}`);
    expect(text).toContain('l’ensemble de votre dossier');
    expect(text).toContain('Consultations de votre dossier');
    expect(text).toContain('EPS Paris 10e'); // the motivated access of the first test, by role and site
    await dpo.context().close();
  });
});
