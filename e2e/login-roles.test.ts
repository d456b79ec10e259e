import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('every demo role logs in and lands on its page', () => {
  it.each([
    ['ts1.eps18', '/', 'Rechercher un usager'],
    ['ts2.eps18', '/', 'Rechercher un usager'],
    ['secretaire.eps18', '/', 'Rechercher un usager'],
    ['responsable.eps18', '/', 'Rechercher un usager'],
    ['ts1.eps10', '/', 'Rechercher un usager'],
    ['ts2.eps10', '/', 'Rechercher un usager'],
    ['secretaire.eps10', '/', 'Rechercher un usager'],
    ['responsable.eps10', '/', 'Rechercher un usager'],
    ['ts1.psa-belleville', '/', 'Rechercher un usager'],
    ['admin', '/admin', 'Administration'],
    ['dpo', '/dpo', 'Journal'],
  ])('%s → %s', async (who, path, text) => {
    const page = await login(e, who);
    await page.waitForURL((u) => u.pathname === path);
    await expect.poll(() => page.locator('main').innerText()).toContain(text);
    await page.context().close();
  });

  it('a wrong password shows a French message and stays on the login page', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl });
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByLabel('Adresse électronique').fill('ts1.eps18@demo.jalon.local');
    await page.getByLabel('Mot de passe', { exact: true }).fill('mauvais-mot-de-passe');
    await page.getByRole('button', { name: /se connecter/i }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('mot de passe incorrect');
    expect(new URL(page.url()).pathname).toBe('/connexion');
    await expectAccessible(page, 'login');
    await context.close();
  });

  it('the admin pages are accessible and show no usager', async () => {
    const page = await login(e, 'admin');
    await page.waitForURL((u) => u.pathname === '/admin');
    await expect.poll(() => page.locator('main').innerText()).toContain('EPS Paris 18e');
    await expectAccessible(page, 'admin');
    const res = await page.request.get('/api/usagers/search?q=martin');
    expect(res.status()).toBe(403);
    await page.context().close();
  });
});
