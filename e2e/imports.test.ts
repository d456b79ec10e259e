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

  it('saves a profile, imports the next export with it and a team; the recent imports open again', async () => {
    const tagA = randomUUID().replace(/\D/g, '').slice(0, 6).padEnd(6, '3');
    const tagB = randomUUID().replace(/\D/g, '').slice(0, 6).padEnd(6, '4');
    const profileName = `Profil EPS 18 ${tagA}`;
    const page = await login(e, 'responsable.eps18');
    await page.goto('/imports');
    const file = page.getByLabel(/Fichier exporté/);
    await file.setInputFiles({ name: `coordin-${tagA}.csv`, mimeType: 'text/csv', buffer: coordinExport(tagA) });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Prêt à valider');
    const first = new URL(page.url()).searchParams.get('import');
    expect(first).toMatch(/^[0-9a-f-]{36}$/);
    await page.getByLabel(/Situation conjugale : « M »/).fill('MAR');
    await page.getByLabel(/Situation conjugale : « C »/).fill('Célibataire');
    await page.getByLabel(/Enregistrer ces correspondances comme profil/).fill(profileName);
    await page.getByRole('button', { name: 'Enregistrer les correspondances' }).click();
    await poll(() => page.getByRole('button', { name: 'Valider l’import' }).count()).toBe(1);

    // The next export of the site: the saved profile maps its codes, the chosen team goes to the files created.
    await page.goto('/imports');
    const profile = page.getByLabel(/Profil de correspondance enregistré/);
    await poll(() => profile.locator('option').allInnerTexts()).toContain(`${profileName} (COORDIN)`);
    await profile.selectOption({ label: `${profileName} (COORDIN)` });
    const team = page.getByLabel('Équipe des dossiers créés');
    const teamName = (await team.locator('option').nth(1).innerText()).trim();
    await team.selectOption({ label: teamName });
    await file.setInputFiles({ name: `coordin-${tagB}.csv`, mimeType: 'text/csv', buffer: coordinExport(tagB) });
    await page.getByRole('button', { name: 'Analyser le fichier' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Prêt à valider');
    expect(await page.getByRole('heading', { name: '2. Valeurs sans correspondance' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Valider l’import' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Importé');
    const found = await page.request.get(`/api/usagers/search?q=${encodeURIComponent(`Nguyenimport${tagB}`)}`);
    const hit = ((await found.json()) as { results: { displayName: string; teamName: string | null }[] }).results.find(
      (r) => r.displayName.toLowerCase().includes(`nguyenimport${tagB}`),
    );
    expect(hit?.teamName).toBe(teamName);

    // The recent imports: both listed; the first one opens again from the list.
    const recent = page.getByRole('table', { name: 'Imports récents' });
    await poll(() => recent.innerText()).toContain(`coordin-${tagB}.csv`);
    expect(await recent.innerText()).toContain(`coordin-${tagA}.csv`);
    await expectAccessible(page, 'imports: recent imports');
    await recent.getByRole('link', { name: new RegExp(`coordin-${tagA}\\.csv`) }).click();
    await page.waitForURL((u) => u.searchParams.get('import') === first);
    await poll(() => page.getByRole('heading', { level: 2, name: new RegExp(`coordin-${tagA}\\.csv`) }).count()).toBe(
      1,
    );
    await page.context().close();
  });
});
