import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

/** A name no demo person has, with accents, so that the accent-less misspelled search is meaningful. */
const BIRTH_NAME = 'Bérengère-Lévêque';
const FIRST_NAME = 'Éloïse';
let fileUrl = '';

describe('a social worker creates a file and finds it again; need-to-know holds in the browser', () => {
  it('creates an usager from the keyboard only', async () => {
    const page = await login(e, 'ts1.eps18');
    await expectAccessible(page, 'home');
    await page.getByRole('link', { name: 'Créer un dossier' }).click();
    await page.waitForURL('**/usagers/nouveau');
    await expectAccessible(page, 'create form');
    // The first field has the focus; the three required fields are filled with the keyboard, Enter submits.
    await page.keyboard.type(BIRTH_NAME);
    await page.locator('#firstNames').focus();
    await page.keyboard.type(FIRST_NAME);
    await page.locator('#birthDate').focus();
    await page.locator('#birthDate').fill('1984-06-21');
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    fileUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.locator('main').innerText()).toContain('BÉRENGÈRE-LÉVÊQUE');
    await expectAccessible(page, 'file page');
    await page.context().close();
  });

  it('finds it by a misspelled, accent-less name', async () => {
    const page = await login(e, 'ts2.eps18');
    await page.getByLabel('Rechercher un usager').fill('berengere levesque');
    const result = page.getByRole('link', { name: /BÉRENGÈRE-LÉVÊQUE/ });
    await result.first().waitFor();
    await result.first().click();
    await page.waitForURL(`**${fileUrl}`);
    // Another team of the same site: general part only.
    await expect.poll(() => page.locator('main').innerText()).toContain('partie générale');
    await page.context().close();
  });

  it('a worker of another site sees only the minimal card and gets 404 on the file', async () => {
    const page = await login(e, 'ts1.eps10');
    await page.getByLabel('Rechercher un usager').fill('Bérengère-Lévêque');
    await expect.poll(() => page.locator('main').innerText()).toContain('Connu·e à EPS Paris 18e');
    await expect(page.getByRole('link', { name: /BÉRENGÈRE-LÉVÊQUE/ }).count()).resolves.toBe(0);
    const api = await page.request.get(`/api${fileUrl}`);
    expect(api.status()).toBe(404);
    await page.goto(fileUrl);
    await expect.poll(() => page.locator('main').innerText()).toContain('Dossier introuvable');
    await page.context().close();
  });

  it('a secretary sees the general part and no full section', async () => {
    const page = await login(e, 'secretaire.eps18');
    await page.goto(fileUrl);
    await expect.poll(() => page.locator('main').innerText()).toContain('partie générale');
    const text = await page.locator('main').innerText();
    expect(text).not.toContain('Statut professionnel');
    expect(text).not.toContain('Niveau de scolarité');
    expect(await page.getByRole('tab', { name: 'Foyer' }).count()).toBe(0);
    expect(await page.getByRole('tab', { name: 'Consultations' }).count()).toBe(0);
    await page.context().close();
  });

  it('the référent sees the consultations, with the other readers', async () => {
    const page = await login(e, 'ts1.eps18');
    await page.goto(fileUrl);
    await page.getByRole('tab', { name: 'Consultations' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Consultations du dossier');
    const table = page.getByRole('table', { name: /Consultations du dossier/ });
    await expect.poll(() => table.innerText()).toMatch(/Secrétaire/i);
    await expectAccessible(page, 'consultations');
    await page.context().close();
  });

  it('creating the same person again shows the file first, and creates only on confirmation', async () => {
    const page = await login(e, 'ts1.eps18');
    await page.goto('/usagers/nouveau');
    await page.locator('#birthName').fill('Berengere-Leveque');
    await page.locator('#firstNames').fill(FIRST_NAME);
    await page.locator('#birthDate').fill('1984-06-21');
    await page.getByRole('button', { name: 'Créer le dossier' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Cette personne a peut-être déjà un dossier');
    const link = page.getByRole('link', { name: /BÉRENGÈRE-LÉVÊQUE Éloïse/ });
    expect(await link.getAttribute('href')).toBe(fileUrl);
    await expectAccessible(page, 'likely duplicates');
    await page.getByRole('button', { name: 'Créer quand même' }).click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname) && u.pathname !== fileUrl);
    await page.context().close();
  });
});
