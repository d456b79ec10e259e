import type { Server } from 'node:http';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, expectAccessible, startE2E, type E2E } from './harness.js';

/**
 * "Se connecter avec ProConnect" in Chromium, against a local OpenID Connect provider on another site (localhost vs
 * 127.0.0.1): the state cookie must survive the cross-site return and the session cookie must work after it.
 */

const JALON_PORT = 3122;
const PROVIDER_PORT = 3123;
const ISSUER = `http://localhost:${PROVIDER_PORT}`;
const REDIRECT = `http://127.0.0.1:${JALON_PORT}/api/auth/oidc/callback`;
let e: E2E;
let server: Server;

beforeAll(async () => {
  const provider = new Provider(ISSUER, {
    clients: [
      {
        client_id: 'jalon',
        client_secret: 'secret-de-test-du-client',
        redirect_uris: [REDIRECT],
        response_types: ['code'],
        grant_types: ['authorization_code'],
      },
    ],
    findAccount: (_ctx, sub) => ({ accountId: sub, claims: () => ({ sub, email: sub }) }),
    claims: { email: ['email'] },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
  });
  server = provider.listen(PROVIDER_PORT, '127.0.0.1');
  await new Promise<void>((r) => server.once('listening', () => r()));
  e = await startE2E({
    port: JALON_PORT,
    oidc: {
      issuer: ISSUER,
      clientId: 'jalon',
      clientSecret: 'secret-de-test-du-client',
      redirectUri: REDIRECT,
      allowHttp: true,
    },
  });
});
afterAll(async () => {
  await e?.close();
  await new Promise((r) => server?.close(r));
});

/** At the provider's development login page: types the e-mail as the account, then consents. */
async function signInAtProvider(page: import('playwright-core').Page, email: string) {
  await page.waitForURL((u) => u.port === String(PROVIDER_PORT));
  await page.locator('input[name="login"]').fill(email);
  await page.locator('input[name="password"]').fill('x');
  await page.locator('button[type="submit"]').first().click();
  await page.waitForURL((u) => u.port !== String(PROVIDER_PORT) || u.pathname.includes('interaction'));
  if (new URL(page.url()).port === String(PROVIDER_PORT)) await page.locator('button[type="submit"]').first().click();
}

describe('ProConnect login in the browser', () => {
  it('a worker logs in with ProConnect and lands on the search page', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/connexion');
    const button = page.getByRole('link', { name: 'Se connecter avec ProConnect' });
    await expect.poll(() => button.count()).toBe(1);
    await expectAccessible(page, 'login with ProConnect');
    await button.click();
    await signInAtProvider(page, demoEmail('ts1.eps18'));
    await page.waitForURL((u) => u.port === String(JALON_PORT) && u.pathname === '/');
    await expect.poll(() => page.locator('main').innerText(), { timeout: 15_000 }).toContain('Rechercher un usager');
    const me = await page.request.get('/api/auth/me');
    expect(me.status()).toBe(200);
    expect((await me.json()).user.email).toBe(demoEmail('ts1.eps18'));
    await context.close();
  });

  it('an e-mail without a Jalon account comes back to the login page with a French message', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR' });
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByRole('link', { name: 'Se connecter avec ProConnect' }).click();
    await signInAtProvider(page, 'inconnue@exemple.gouv.fr');
    await page.waitForURL((u) => u.port === String(JALON_PORT) && u.pathname === '/connexion');
    await expect.poll(() => page.locator('main').innerText()).toContain('Aucun compte Jalon actif ne correspond');
    expect((await page.request.get('/api/auth/me')).status()).toBe(401);
    await context.close();
  });
});
