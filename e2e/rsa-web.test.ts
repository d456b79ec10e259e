import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cafFlux } from '../server/src/modules/rsa-ep/flux/fixtures.js';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/**
 * The RSA pages around the follow-up (docs/api.md, "RSA" and "RSA : flux CAF"): the administrator's referential of
 * actions, edited with the keyboard; the CAF flux upload, its status and counts, and its review on the imports page.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 20_000 });
const tagOf = () =>
  randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)
    .padEnd(6, 'x');
const focusedName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.textContent);

describe('the RSA action referential (administration)', () => {
  it('the administrator adds, edits and deactivates an action with the keyboard; the workers no longer see it', async () => {
    const tag = tagOf();
    const page = await login(e, 'admin');
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByRole('tab', { name: 'Actions RSA' }).click();
    await page.getByRole('heading', { name: 'Référentiel des actions RSA' }).waitFor();
    // The seeded referential, by theme.
    expect(await page.getByRole('region', { name: 'Thème Emploi' }).innerText()).toContain('Formation qualifiante');
    await expectAccessible(page, 'référentiel des actions RSA');

    await page.getByRole('button', { name: 'Ajouter une action' }).focus();
    await page.keyboard.press('Enter');
    // The form opens on its first field; the fields follow each other with Tab; Enter sends.
    await poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe('theme');
    await page.keyboard.type('Mobilité');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Se déplacer');
    await page.keyboard.press('Tab');
    await page.keyboard.type(`Aide au permis ${tag}`);
    await page.keyboard.press('Enter');
    const mobility = page.getByRole('region', { name: 'Thème Mobilité' });
    await poll(() => mobility.innerText()).toContain(`Aide au permis ${tag}`);
    expect(await mobility.innerText()).toContain('Se déplacer');
    // The focus comes back to the new action's row.
    await poll(() => focusedName(page)).toBe(`Modifier l’action Aide au permis ${tag}`);

    // Edited from its row: renamed, then deactivated.
    await page.keyboard.press('Enter');
    const form = page.getByRole('form', { name: `Modifier l’action « Aide au permis ${tag} »` });
    await form.getByRole('textbox', { name: /^Action/ }).fill(`Aide au permis de conduire ${tag}`);
    await form.getByRole('button', { name: 'Enregistrer l’action' }).click();
    await poll(() => mobility.innerText()).toContain(`Aide au permis de conduire ${tag}`);
    await poll(() => focusedName(page)).toBe(`Modifier l’action Aide au permis de conduire ${tag}`);
    await mobility.getByRole('button', { name: `Désactiver l’action Aide au permis de conduire ${tag}` }).click();
    await poll(() => mobility.getByRole('row').filter({ hasText: tag }).textContent()).toContain('Désactivée');
    // A required field left empty: the French message next to it, nothing sent.
    await page.getByRole('button', { name: 'Ajouter une action' }).click();
    await page.getByRole('button', { name: 'Ajouter l’action' }).click();
    await poll(() => page.getByRole('form', { name: 'Ajouter une action' }).innerText()).toMatch(/Thème/);
    expect(await page.locator('[aria-invalid="true"]').count()).toBeGreaterThan(0);
    await expectAccessible(page, 'référentiel des actions RSA : formulaire');
    await page.context().close();

    // The social workers' plan d'action offers the active actions only.
    const worker = await login(e, 'ts1.eps18');
    const offered = await (await worker.request.get('/api/rsa/actions')).text();
    expect(offered).toContain('Formation qualifiante');
    expect(offered).not.toContain(tag);
    await worker.context().close();
  });
});

describe('the CAF flux', () => {
  it('a malformed flux is refused with its line; a flux is analysed, its uncertain match reviewed and committed', async () => {
    const tag = tagOf();
    // A person already followed on the site (a worker opened the file), whom the flux names with a typo.
    const known = { birthName: `Fluxconnu${tag}`, firstNames: 'Apolline', birthDate: '1979-06-21' };
    const worker = await login(e, 'ts1.eps18');
    const wme = (await (await worker.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const created = await worker.request.post('/api/usagers', {
      headers: { 'x-csrf-token': wme.csrfToken },
      data: known,
    });
    expect(created.status(), await created.text()).toBe(201);
    await worker.context().close();

    const page = await login(e, 'responsable.eps18');
    await page.getByRole('link', { name: 'Flux CAF' }).first().click();
    await page.waitForURL((u) => u.pathname === '/rsa/flux-caf');
    await expectAccessible(page, 'flux CAF : dépôt');
    const fileInput = page.getByLabel(/Fichier du flux CAF/);
    await fileInput.setInputFiles({
      name: 'flux-casse.xml',
      mimeType: 'application/xml',
      buffer: Buffer.from('<?xml version="1.0"?>\n<FluxBeneficiaires>\n<InfosFoyerRSA>\n</Flux>'),
    });
    await page.getByRole('button', { name: 'Analyser le flux' }).click();
    const refused = page.getByRole('alert').filter({ hasText: 'Flux refusé' });
    await poll(() => refused.innerText()).toMatch(/Flux CAF illisible, ligne \d+/);

    const xml = cafFlux([
      { matricule: '7600001', nom: `Fluxnouveau${tag}`, prenom: 'Basile', dtnai: '1988-02-03' },
      { matricule: '7600002', nom: `Fluxconnu${tag}`, prenom: 'Apoline', dtnai: '1979-06-21' },
      { matricule: '12', nom: `Fluxrejet${tag}`, prenom: 'Céleste', dtnai: '1990-01-01' },
    ]);
    await fileInput.setInputFiles({ name: `flux-${tag}.xml`, mimeType: 'application/xml', buffer: Buffer.from(xml) });
    const team = page.getByLabel('Équipe des dossiers créés');
    const teamName = (await team.locator('option').nth(1).innerText()).trim();
    await team.selectOption({ label: teamName });
    await page.getByRole('button', { name: 'Analyser le flux' }).click();
    await page.waitForURL((u) => u.pathname === '/rsa/flux-caf' && u.searchParams.has('flux'));
    await poll(() => page.getByTestId('flux-status').textContent()).toBe('Analysé : à valider');
    const counts = page.locator('dl');
    expect(await counts.innerText()).toMatch(/Personnes lues\s+3/);
    expect(await counts.innerText()).toMatch(/À examiner[^\n]*\s+1/);
    expect(await counts.innerText()).toMatch(/Dossiers créés\s+1/);
    expect(await counts.innerText()).toMatch(/Rejetées\s+1/);
    expect(await page.getByTestId('flux-first-error').innerText()).toMatch(/^Ligne \d+ : .*MATRICULE/);
    await expectAccessible(page, 'flux CAF : analysé');

    // The review queue is the imports page: the match confirmed, then the flux committed.
    await page.getByRole('link', { name: 'Examiner les 1 rapprochement et valider le flux' }).click();
    await page.waitForURL((u) => u.pathname === '/imports' && u.searchParams.has('import'));
    const merge = page.getByLabel(new RegExp(`Fluxconnu${tag} Apoline \\(1979-06-21\\) avec le dossier`));
    await merge.focus();
    await page.keyboard.press('Space');
    expect(await merge.isChecked()).toBe(true);
    await expectAccessible(page, 'imports : revue du flux');
    await page.getByRole('button', { name: 'Valider l’import' }).click();
    await poll(() => page.getByTestId('import-status').innerText()).toBe('Importé');
    await page.goBack();
    await poll(() => page.getByTestId('flux-status').textContent()).toBe('Enregistré');
    // The new file has the chosen team.
    const found = await page.request.get(`/api/usagers/search?q=${encodeURIComponent(`Fluxnouveau${tag}`)}`);
    expect((await found.text()).toLowerCase()).toContain(`fluxnouveau${tag}`);
    expect(await found.text()).toContain(teamName);
    await page.context().close();
  });
});
