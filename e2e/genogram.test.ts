import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/** The genogram editor in the browser (docs/api.md, Génogramme): household in one action, a form, undo, save. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('genogram editor in the browser', () => {
  it('the référent brings the household in, adds a person, undoes, saves and finds the drawing again', async () => {
    const page = await login(e, 'ts1.eps18');
    const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
    await link.waitFor();
    await link.click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('tab', { name: 'Génogramme' }).click();
    await page.getByRole('heading', { name: 'Génogramme' }).waitFor();
    const persons = page.locator('.genogram-drawing .geno-person');
    expect(await persons.count()).toBe(0);

    await page.getByRole('button', { name: 'Reprendre les membres du foyer' }).click();
    await expect.poll(() => persons.count()).toBeGreaterThan(0);
    const household = await persons.count();
    await page.getByLabel('Prénom ou lien (« Grand-mère »)').fill('Grand-mère');
    await page.getByLabel('Sexe').selectOption({ label: 'Femme' });
    await page.getByLabel('Année de naissance').fill('1950');
    await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    expect(await persons.count()).toBe(household + 1);
    expect(await page.locator('.genogram-drawing circle').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Annuler la dernière modification' }).click();
    expect(await persons.count()).toBe(household);

    // Clicking the drawing selects a person, then a child is added to them (keyboard path: the list of persons).
    await persons.first().click({ force: true });
    await page.getByLabel('Prénom ou lien (« Grand-mère »)').fill('Enfant');
    await page.getByRole('button', { name: 'Ajouter un enfant (parent seul)' }).click();
    expect(await persons.count()).toBe(household + 1);
    await page.getByRole('button', { name: 'Enregistrer le génogramme' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Enregistrer le génogramme' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'génogramme');

    await page.reload();
    await page.getByRole('tab', { name: 'Génogramme' }).click();
    await expect.poll(() => persons.count()).toBe(household + 1);
  });
});
