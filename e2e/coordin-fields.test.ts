import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, type E2E } from './harness.js';

/** Minimisation in the browser (docs/api.md, Sensitive sections): a coordin site's forms ask nothing beyond identity, contact and core items. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E({ port: 3451 });
});
afterAll(() => e?.close());

const NOT_COORDIN = ['#nationality', '#cafActivity', '#housingNature', '#cafNumber', '#franceTravailId'];
const CORE = [
  '#birthName',
  '#maritalStatus',
  '#employmentStatus',
  '#educationLevel',
  '#housingStatus',
  '#familyType',
  '#phone',
];

describe('usager fields by site profile in the browser', () => {
  it('standard site: the create form asks every field', async () => {
    const page = await login(e, 'ts1.eps18');
    await page.goto('/usagers/nouveau');
    await page.locator('#birthName').waitFor();
    for (const sel of [...NOT_COORDIN, ...CORE]) expect(await page.locator(sel).count(), sel).toBe(1);
    await page.context().close();
  });

  it('coordin site: the create form hides the extra fields, a file is created, its page does not show them', async () => {
    const admin = await login(e, 'admin');
    await admin.goto('/admin?onglet=sites');
    await admin.getByLabel('Profil de minimisation du site PSA Belleville').selectOption('coordin');
    await admin.getByRole('button', { name: 'Confirmer le changement' }).click();
    await admin.getByText('Profil du site PSA Belleville changé').waitFor();
    await admin.reload();
    await expect
      .poll(() => admin.getByLabel('Profil de minimisation du site PSA Belleville').inputValue(), { timeout: 15_000 })
      .toBe('coordin');

    const page = await login(e, 'ts1.psa-belleville');
    await page.goto('/usagers/nouveau');
    await page.locator('#birthName').waitFor();
    for (const sel of NOT_COORDIN) expect(await page.locator(sel).count(), sel).toBe(0);
    for (const sel of CORE) expect(await page.locator(sel).count(), sel).toBe(1);
    expect(await page.getByRole('heading', { name: 'Identifiants' }).count()).toBe(0);

    await page.locator('#birthName').fill('Coordinette');
    await page.locator('#firstNames').fill('Aurèle');
    await page.locator('#birthDate').fill('1979-02-11');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('COORDINETTE');
    const main = await page.locator('main').innerText();
    expect(main).toContain('Situation conjugale');
    for (const label of ['Nationalité', 'Activité (CAF)', 'Nature du logement', 'N° allocataire CAF'])
      expect(main, label).not.toContain(label);
    await page.context().close();
  });
});
