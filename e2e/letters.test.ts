import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startE2E, submitLogin, type E2E } from './harness.js';

/** First use of the letters (docs/api.md, "Courriers"): print the convocation of an appointment from the journal. */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('letters in the browser', () => {
  it('prints the convocation of an appointment: a PDF opens in a new tab', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await submitLogin(page, 'ts1.eps18');
    await page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first().click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    const path = new URL(page.url()).pathname;
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    // In two days at 17:30 UTC: after the demo's appointments (office hours, 8:00–15:45 UTC), so never a clash (409),
    // whatever the hour the test runs at.
    const at = new Date(Date.now() + 2 * 86_400_000);
    at.setUTCHours(17, 30, 0, 0);
    const created = await page.request.post(`/api${path}/journal`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: {
        type: 'rendez_vous',
        occurredAt: at.toISOString(),
        durationMinutes: 41,
      },
    });
    expect(created.status()).toBe(201);
    await page.reload();
    await page.getByRole('tab', { name: 'Journal' }).click();
    const entry = page.locator('article').filter({ hasText: '41 min' });
    await poll(() => entry.count()).toBe(1);
    const link = entry.getByRole('link', { name: 'Convocation' });
    const [pdfResponse] = await Promise.all([
      context.waitForEvent('response', (r) => r.url().includes('/convocation.pdf')),
      link.click(),
    ]);
    expect(`${pdfResponse.status()} ${pdfResponse.url()}`).toMatch(
      /^200 .*\/api\/appointments\/[0-9a-f-]{36}\/convocation\.pdf$/,
    );
    expect(pdfResponse.headers()['content-type']).toBe('application/pdf');
    // The tab shows Chromium's PDF viewer; the bytes it was given are fetched again with the same session.
    const body = await (await page.request.get(pdfResponse.url())).body();
    expect(body.subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('the admin edits a template: an unknown placeholder is refused in French, a valid text is a new version', async () => {
    const page = await login(e, 'admin');
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.goto('/admin?onglet=courriers');
    const section = page.getByRole('region', { name: /^Convocation à un rendez-vous — version 1/ });
    await section.getByRole('button', { name: 'Modifier' }).click();
    const text = section.getByLabel(/Texte du courrier/);
    await text.fill('Bonjour {{usager.nom}}, votre {{usager.iban}}');
    await section.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await poll(() => section.innerText()).toContain('Champ inconnu : {{usager.iban}}');
    await text.fill('Bonjour {{usager.nom}}, rendez-vous le {{rdv.date}}.');
    await section.getByRole('button', { name: 'Enregistrer une nouvelle version' }).click();
    await poll(() => page.getByRole('region', { name: /^Convocation à un rendez-vous — version 2/ }).count()).toBe(1);
    await page.context().close();
  });
});
