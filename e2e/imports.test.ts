import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/** The legacy import in the browser (docs/api.md, "Imports"): upload, map, preview, commit, report. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });

/** A COORDIN-like export of three synthetic persons, in Windows-1252 like the old tool writes it. */
function coordinExport(tag: string): Buffer {
  const rows = [
    'NUM_DOSSIER;NOM_NAISSANCE;PRENOM;DATE_NAISSANCE;SEXE;SITUATION_FAMILIALE;DATE_ENTRETIEN;TYPE_ENTRETIEN;OBSERVATIONS',
    `E1${tag};Légerimport${tag};Hélène;03/04/1961;2;M;05/01/2022;ENT;Premier entretien`,
    `E2${tag};Faureimport${tag};Loïc;14/09/1977;1;C;;;`,
    `E3${tag};Nguyenimport${tag};Zoé;22/11/1990;2;M;;;`,
  ];
  return latin1(rows.join('\r\n') + '\r\n');
}
const latin1 = (s: string) => Buffer.from(s, 'latin1');

describe('imports in the browser', () => {
  it('the responsable uploads a COORDIN export, maps its codes, previews, commits and downloads the report', async () => {
    const tag = randomUUID().replace(/\D/g, '').slice(0, 6).padEnd(6, '7');
    const page = await login(e, 'responsable.eps18');
    await page.getByRole('link', { name: 'Imports' }).first().click();
    await page.waitForURL((u) => u.pathname === '/imports');
    await page.getByLabel('Ancien outil (profil de colonnes)').selectOption('coordin');
    await page
      .getByLabel(/Fichier exporté/)
      .setInputFiles({ name: 'coordin.csv', mimeType: 'text/csv', buffer: coordinExport(tag) });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Prêt à valider');
    await expectAccessible(page, 'imports: codes to map');
    await page.getByLabel(/Situation conjugale : « M »/).fill('MAR');
    await page.getByLabel(/Situation conjugale : « C »/).fill('Célibataire');
    await page.getByRole('button', { name: 'Enregistrer les correspondances' }).click();
    await poll(() => page.getByRole('button', { name: 'Valider l’import' }).count()).toBe(1);
    const preview = page.getByRole('table', { name: /Aperçu des premières lignes/ });
    await poll(() => preview.innerText()).toContain(`Légerimport${tag}`);
    expect(await preview.innerText()).toContain('Hélène');
    expect(await page.getByTestId('import-counts').innerText()).toContain('3 créations');
    await page.getByRole('button', { name: 'Valider l’import' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Importé');
    expect(await page.getByTestId('import-counts').innerText()).toContain('3 importées');
    const href = await page.getByRole('link', { name: 'Télécharger le rapport (CSV)' }).getAttribute('href');
    const report = await page.request.get(href ?? '');
    expect(report.status()).toBe(200);
    const text = await report.text();
    expect(text).toContain(`E1${tag};Légerimport${tag};Hélène;1961-04-03;Créée;`);
    await expectAccessible(page, 'imports: committed');
    // The imported file is found by the search of the site.
    const found = await page.request.get(`/api/usagers/search?q=${encodeURIComponent(`Faureimport${tag}`)}`);
    expect(found.status()).toBe(200);
    expect((await found.text()).toLowerCase()).toContain(`faureimport${tag}`);
    await page.context().close();
  });
});
