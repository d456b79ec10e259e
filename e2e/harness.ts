import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { authenticator } from 'otplib';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { buildApp } from '../server/src/app.js';
import type { OidcSettings } from '../server/src/auth/oidc.js';
import { installKeyring, readKeyFile } from '../server/src/crypto/index.js';
import { openDb } from '../server/src/db/connect.js';
import type { Db } from '../server/src/db/schema.js';
import { DEMO_PASSWORD } from '../server/src/demo/seed.js';

export const CHROMIUM = process.env.JALON_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export interface E2E {
  baseUrl: string;
  browser: Browser;
  /** The server's database, to set up what no page creates (jobs of the queue). */
  db: Db;
  close: () => Promise<void>;
}

/**
 * The production app (buildApp, the built web bundle, the demo dataset) on an in-memory PGlite, listening on a free
 * port, and Debian's Chromium driven by playwright-core. The PGlite starts from the seeded demo database the global
 * setup dumped once for the run (e2e/global-setup.ts), with the key it was sealed with.
 */
export async function startE2E(opts: { port?: number; oidc?: OidcSettings } = {}): Promise<E2E> {
  const webDist = fileURLToPath(new URL('../web/dist', import.meta.url));
  readFileSync(`${webDist}/index.html`); // fails clearly when the web app was not built (npm test builds it first)
  const demo = inject('e2eDemo');
  if (!demo) throw new Error('No demo database: the e2e project runs with its global setup (vitest.config.ts)');
  installKeyring(readKeyFile(join(demo, 'keys.json')));
  const secrets = JSON.parse(readFileSync(join(demo, 'totp.json'), 'utf8')) as Record<string, string>;
  for (const [email, secret] of Object.entries(secrets)) demoSecrets.set(email, secret);
  const { db, kind, close } = await openDb({ loadDataDir: new Blob([readFileSync(join(demo, 'data.tar'))]) });
  const app = await buildApp({ db, dbKind: kind, clock: () => new Date(), webDist, oidc: opts.oidc });
  await app.listen({ port: opts.port ?? 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    db,
    close: async () => {
      await browser.close();
      await app.close();
      await close();
    },
  };
}

export const demoEmail = (login: string) => `${login}@demo.jalon.local`;

/** TOTP secrets of the demo accounts with a second factor (admin, DPO), from the seed. */
const demoSecrets = new Map<string, string>();
const lastStep = new Map<string, number>();

/**
 * The TOTP code a person would read on the phone. The server accepts each time step once and one step ahead: a second
 * login in the same 30 s uses the next step's code, a third waits for the next step.
 */
export async function demoTotpCode(email: string): Promise<string> {
  const secret = demoSecrets.get(email);
  if (!secret) throw new Error(`No TOTP secret for ${email}`);
  const now = Math.floor(Date.now() / 30_000);
  const step = Math.max(now, (lastStep.get(email) ?? 0) + 1);
  if (step > now + 1) await new Promise((r) => setTimeout(r, (step - 1) * 30_000 - Date.now() + 200));
  lastStep.set(email, step);
  return authenticator.clone({ epoch: step * 30_000 }).generate(secret);
}

/** Fills and sends the login form; for the admin and the DPO, the second step with the code. */
export async function submitLogin(page: Page, who: string): Promise<void> {
  const email = demoEmail(who);
  await page.goto('/connexion');
  await page.getByLabel('Adresse électronique').fill(email);
  await page.getByLabel('Mot de passe', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /se connecter/i }).click();
  if (demoSecrets.has(email)) {
    await page.getByLabel('Code de vérification').fill(await demoTotpCode(email));
    await page.getByRole('button', { name: /se connecter/i }).click();
  }
  await page.waitForURL((u) => !u.pathname.startsWith('/connexion'));
}

/** Logs in through the login form, as a person would. */
export async function login(e: E2E, who: string): Promise<Page> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR' });
  const page = await context.newPage();
  await submitLogin(page, who);
  return page;
}

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; fails on any serious or critical violation, naming them. */
export async function expectAccessible(page: Page, label: string): Promise<void> {
  // Evaluated through the DevTools protocol: the page's strict CSP (no inline script) stays on.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          ctx: Document,
          opts: object,
        ) => Promise<{ violations: { id: string; impact: string; help: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help} — ${v.nodes
            .slice(0, 3)
            .map((n) => n.target.join(' '))
            .join(', ')}`,
      );
  });
  expect(violations, `axe on ${label}`).toEqual([]);
}
