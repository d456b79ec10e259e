import { authenticator } from 'otplib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../server/src/demo/seed.js';
import { demoEmail, expectAccessible, login, startE2E, type E2E } from './harness.js';

/** TOTP enrolment screen and the login's second step, in Chromium, as a social worker would do it. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('second factor', () => {
  it('a worker enrols with the secret in text, gets 10 recovery codes, then logs in with a code', async () => {
    const page = await login(e, 'ts2.eps10');
    await page.getByRole('link', { name: 'Double authentification' }).first().click();
    await page.waitForURL((u) => u.pathname === '/double-authentification');
    await page.getByRole('button', { name: 'Activer la double authentification' }).click();
    const secret = (await page.getByTestId('totp-secret').innerText()).trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await expect
      .poll(() => page.locator('img[alt^="QR code"]').getAttribute('src'))
      .toMatch(/^data:image\/svg\+xml;base64,/);
    await expectAccessible(page, 'enrolment');

    await page
      .getByLabel('Code de vérification')
      .fill('000000' === authenticator.generate(secret) ? '111111' : '000000');
    await page.getByRole('button', { name: 'Confirmer' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('Code incorrect');

    await page.getByLabel('Code de vérification').fill(authenticator.generate(secret));
    await page.getByRole('button', { name: 'Confirmer' }).click();
    const codes = page.getByRole('list', { name: 'Codes de secours' }).getByRole('listitem');
    await expect.poll(() => codes.count()).toBe(10);
    const firstCode = (await codes.first().innerText()).trim();
    await expectAccessible(page, 'recovery codes');
    await page.context().close();

    // Next login: password, then the code step; a recovery code works too.
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR' });
    const next = await context.newPage();
    await next.goto('/connexion');
    await next.getByLabel('Adresse électronique').fill(demoEmail('ts2.eps10'));
    await next.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
    await next.getByRole('button', { name: /se connecter/i }).click();
    await next
      .getByLabel('Code de vérification')
      .fill('999999' === authenticator.generate(secret) ? '888888' : '999999');
    await next.getByRole('button', { name: /se connecter/i }).click();
    await expect.poll(() => next.locator('main').innerText()).toContain('Code incorrect');
    await expectAccessible(next, 'login code step');
    await next.getByLabel('Code de vérification').fill(firstCode);
    await next.getByRole('button', { name: /se connecter/i }).click();
    await next.waitForURL((u) => u.pathname === '/');
    await context.close();
  });

  it('the admin resets the worker’s factor from the users tab; the worker then logs in without a code', async () => {
    const admin = await login(e, 'admin');
    await admin.goto('/admin?onglet=utilisateurs');
    const reset = admin.getByRole('button', { name: 'Réinitialiser la double authentification : Fabien Quémeneur' });
    await expect.poll(() => reset.count(), { timeout: 15_000 }).toBe(1);
    await reset.click();
    await admin.getByRole('button', { name: 'Réinitialiser', exact: true }).click();
    await expect.poll(() => admin.locator('main').innerText()).toContain('Double authentification réinitialisée');
    await expect.poll(() => reset.count()).toBe(0);
    await expectAccessible(admin, 'admin users with second factor');
    await admin.context().close();
    const worker = await login(e, 'ts2.eps10');
    await worker.waitForURL((u) => u.pathname === '/');
    await worker.context().close();
  });

  it('the login page offers ProConnect only when it is configured (here it is not), and shows its errors', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/connexion');
    await expect.poll(() => page.locator('main').innerText()).toContain('Connexion à Jalon');
    expect(await page.getByText('ProConnect').count()).toBe(0);
    // A failed ProConnect login comes back with a code, shown in French.
    await page.goto('/connexion?erreur=oidc_unknown_account');
    await expect
      .poll(() => page.locator('main').innerText())
      .toContain('Aucun compte Jalon actif ne correspond à votre adresse électronique ProConnect');
    await expectAccessible(page, 'login with a ProConnect error');
    await context.close();
  });
});
