import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, submitLogin, type E2E } from './harness.js';

/**
 * The RSA follow-up in the browser (docs/api.md, "RSA"): a référent requests the orientation of a person soumis aux
 * droits et devoirs, a colleague decides it (the requester cannot: maker-checker), then the référent writes the
 * contrat d'engagement with its plan d'action and prints it.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

async function open(who: string) {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await submitLogin(page, who);
  return { context, page };
}

describe('RSA follow-up in the browser', () => {
  it('orients a person, then writes and prints the contrat d’engagement', async () => {
    const ts1 = await open('ts1.eps18');
    // The home's RSA task list names the persons whose orientation is late; the first one is opened.
    const tasks = ts1.page.getByRole('region', { name: 'Suivi RSA : à faire' });
    await poll(() => tasks.getByRole('link').count()).toBeGreaterThan(0);
    const late = tasks.getByRole('row').filter({ hasText: 'Orientation en retard' }).first();
    await late.getByRole('link').click();
    await ts1.page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    const fileId = new URL(ts1.page.url()).pathname.split('/')[2] ?? '';
    await ts1.page.getByRole('tab', { name: 'RSA' }).click();
    await poll(() => ts1.page.getByText('Hors délai').count()).toBeGreaterThan(0);
    await expectAccessible(ts1.page, 'onglet RSA');

    const form = ts1.page.getByRole('form', { name: /^Orientation de / }).first();
    await form.getByLabel('Étape suivante').selectOption('demandee');
    await form.getByRole('button', { name: 'Demander l’orientation' }).click();
    await poll(() => ts1.page.getByText('Orientation demandée').count()).toBeGreaterThan(0);
    // The requester is not offered the decision (maker-checker), only the withdrawal.
    const next = ts1.page
      .getByRole('form', { name: /^Orientation de / })
      .first()
      .getByLabel('Étape suivante');
    await poll(() => next.locator('option').allInnerTexts()).toEqual(['Choisir', 'Retirer la demande']);

    // A colleague of the site is named co-référent, and decides.
    const me = (await (await ts1.page.request.get('/api/auth/me')).json()) as {
      csrfToken: string;
      user: { id: string };
    };
    const workers = (await (await ts1.page.request.get('/api/site/workers')).json()) as {
      items: { id: string; displayName: string }[];
    };
    const colleague = workers.items.find((w) => w.id !== me.user.id);
    const named = await ts1.page.request.put(`/api/usagers/${fileId}/referents`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { referentId: me.user.id, coReferentIds: [colleague?.id] },
    });
    expect(named.status()).toBe(200);
    const ts2 = await open('ts2.eps18');
    await ts2.page.goto(`/usagers/${fileId}?onglet=rsa`);
    const decide = ts2.page.getByRole('form', { name: /^Orientation de / }).first();
    await decide.getByLabel('Étape suivante').selectOption('orientee');
    await decide.getByLabel('Type d’orientation').selectOption('professionnelle');
    await decide.getByLabel('Organisme référent').selectOption('france_travail');
    await decide.getByLabel('Date de notification à la personne').fill(new Date().toISOString().slice(0, 10));
    await decide.getByRole('button', { name: 'Décider l’orientation' }).click();
    await poll(() => ts2.page.getByText('France Travail', { exact: true }).count()).toBeGreaterThan(0);
    await ts2.context.close();

    // The référent writes the contract with one action of the referential, then prints it.
    await ts1.page.reload();
    await ts1.page.getByRole('button', { name: 'Nouveau contrat' }).first().click();
    const contract = ts1.page.getByRole('form', { name: 'Nouveau contrat' });
    // The DSFR checkbox draws its own box over the native input: the label is what a person clicks.
    await contract.getByText(/Recherche active d’emploi accompagnée/).click();
    await contract.getByRole('button', { name: 'Enregistrer le contrat' }).click();
    const print = ts1.page.getByRole('link', { name: 'Imprimer le contrat (PDF)' }).first();
    await poll(() => print.count()).toBe(1);
    const href = (await print.getAttribute('href')) ?? '';
    const pdf = await ts1.page.request.get(href);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await poll(() => ts1.page.getByRole('table', { name: 'Plan d’action' }).first().innerText()).toContain(
      'Recherche active d’emploi accompagnée',
    );
    await ts1.context.close();
  });
});
