import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/** Sensitive sections in the browser (docs/api.md, Sensitive sections): opened with a reason, filled, mentioned on the file; absent on a coordin site. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

/** Opens the first file of "Ma file active" and its "Sections facultatives" tab; returns the file id. */
async function openFirstFileSections(page: Page): Promise<string> {
  const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
  await link.waitFor();
  await link.click();
  await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
  const id = new URL(page.url()).pathname.split('/').pop() ?? '';
  await page.getByRole('tab', { name: 'Sections facultatives' }).click();
  await page.getByRole('heading', { name: 'Sections facultatives' }).waitFor();
  return id;
}

describe('sections facultatives in the browser', () => {
  it('a worker opens the santé section with a reason, fills it and sees the mention on the file', async () => {
    const page = await login(e, 'ts1.eps18');
    const fileId = await openFirstFileSections(page);
    const sante = page.getByRole('region', { name: 'Santé' });
    await sante.getByText('Fermée').waitFor();
    expect(await page.getByRole('region', { name: 'Enfance en danger' }).count()).toBe(0); // not in the standard profile

    // Keyboard: focus "Ouvrir" and press Enter; the reason form takes the reason list and a precision.
    await sante.getByRole('button', { name: 'Ouvrir la section Santé' }).focus();
    await page.keyboard.press('Enter');
    await sante.getByRole('button', { name: 'Ouvrir la section' }).click(); // empty: refused in French, nothing sent
    await sante.getByText('Motif d’ouverture obligatoire', { exact: true }).first().waitFor();
    await sante.getByLabel('Motif d’ouverture').selectOption({ label: 'Accès aux droits (démarche en cours)' });
    await sante.getByLabel('Précision du motif').fill('Demande de complémentaire santé solidaire');
    await sante.getByRole('button', { name: 'Ouvrir la section' }).click();

    await sante.getByLabel('Couverture maladie').selectOption({ label: 'Aide médicale de l’État (AME)' });
    await sante.getByLabel('Médecin traitant déclaré').selectOption({ label: 'Oui' });
    await sante.getByLabel('Nom du médecin traitant').fill('Dr Lemaire');
    await sante.getByRole('button', { name: 'Enregistrer la section' }).click();
    await sante.getByText('Section enregistrée.').waitFor();
    const mention = sante.getByTestId('mention-sante');
    await poll(() => mention.innerText()).toMatch(
      /^Section Santé ouverte le \d\d\/\d\d\/\d{4}.* par .+ — motif : Accès aux droits \(démarche en cours\) \(Demande de complémentaire santé solidaire\)$/,
    );
    // Exactly the six fields of the catalogue: coverage, GP (yes/no, name), MDPH (yes/no, dates) — no diagnosis field.
    expect(
      await sante.getByRole('form', { name: 'Contenu de la section Santé' }).locator('input, select, textarea').count(),
    ).toBe(6);
    await expectAccessible(page, 'sections facultatives');

    // Back on the file later: the mention is there, the content only on demand (each read is logged).
    await page.reload();
    await page.getByRole('heading', { name: 'Sections facultatives' }).waitFor();
    await page.getByTestId('mention-sante').waitFor();
    expect(await page.getByLabel('Nom du médecin traitant').count()).toBe(0);
    await page.getByRole('button', { name: /Afficher la section Santé/ }).click();
    await poll(() => page.getByLabel('Nom du médecin traitant').inputValue()).toBe('Dr Lemaire');
    const consultations = await page.request.get(`/api/usagers/${fileId}/consultations`);
    expect(JSON.stringify(await consultations.json())).toContain('section_sante');

    // The share form offers the opened section, and not a closed one.
    await page.getByRole('tab', { name: 'Partages' }).click();
    await page.getByLabel('Section sensible : Santé').waitFor();
    expect(await page.getByLabel('Section sensible : Langue française').count()).toBe(0);
  });

  it('on a site the admin set to coordin, the santé section is not offered (and the API refuses it)', async () => {
    const admin = await login(e, 'admin');
    await admin.goto('/admin?onglet=sites');
    const select = admin.getByLabel('Profil de minimisation du site PSA Belleville');
    await select.selectOption('coordin');
    // Nothing is saved before the confirmation, which says what the change hides.
    const ask = admin.getByRole('alertdialog', { name: /Changer le profil de PSA Belleville/ });
    await poll(() => ask.innerText()).toContain('la section Santé');
    expect(await ask.innerText()).toContain('nationalité');
    await expectAccessible(admin, 'site profile change confirmation');
    await ask.getByRole('button', { name: 'Confirmer le changement' }).click();
    await admin.getByText('Profil du site PSA Belleville changé').waitFor();
    await admin.reload();
    await poll(() => admin.getByLabel('Profil de minimisation du site PSA Belleville').inputValue()).toBe('coordin');

    const page = await login(e, 'ts1.psa-belleville');
    const fileId = await openFirstFileSections(page);
    await page.getByText('Aucune section facultative n’est proposée sur ce site').waitFor();
    expect(await page.getByRole('region', { name: 'Santé' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /Ouvrir la section/ }).count()).toBe(0);
    const api = await page.request.get(`/api/usagers/${fileId}/sections/sante`);
    expect(api.status()).toBe(422);
    expect((await api.json()).error.code).toBe('section_not_in_profile');
  });
});
