import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/**
 * From a budget to the payment file (docs/api.md, "Commissions"): the référent enters the budget and files an aid
 * application up to the commission (through the API, as the aids pages do), the site's responsable opens a session,
 * puts the application on its agenda, records the decision in the browser, and gets the PV, the notification letter
 * and the payment file; the letter is in the file's documents.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

describe('a commission in the browser', () => {
  it('budget → application → decision in bulk → letter with voies de recours → payment file', async () => {
    const worker = await login(e, 'ts1.eps18');
    await worker.getByRole('table', { name: 'Ma file active' }).getByRole('link').first().click();
    await worker.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    const fileId = new URL(worker.url()).pathname.split('/')[2] as string;
    const csrf = ((await (await worker.request.get('/api/auth/me')).json()) as { csrfToken: string }).csrfToken;
    const send = (method: 'post' | 'put', url: string, data: object) =>
      worker.request[method](url, { headers: { 'x-csrf-token': csrf }, data });
    const file = (await (await worker.request.get(`/api/usagers/${fileId}`)).json()) as {
      data: { person: { firstNames: string; usedName: string | null; birthName: string } };
    };
    const name = `${file.data.person.firstNames} ${file.data.person.usedName ?? file.data.person.birthName}`;
    const budget = (await (await worker.request.get(`/api/usagers/${fileId}/budget`)).json()) as { version: number };
    const saved = await send('put', `/api/usagers/${fileId}/budget`, {
      version: budget.version,
      resources: [{ type: 'salaire', monthlyCents: 120_000 }],
      charges: [{ type: 'loyer', monthlyCents: 70_000 }],
      debts: [{ type: 'loyer', creditor: 'Paris Habitat', amountCents: 150_000, monthlyRepaymentCents: 0 }],
    });
    expect(saved.status(), await saved.text()).toBe(200);
    const created = await send('post', `/api/usagers/${fileId}/aid-applications`, {
      scheme: 'fsl',
      aidType: 'maintien',
      form: 'subvention',
      requestedCents: 65_432,
      procedureStage: 'commandement_payer',
      payee: 'bailleur',
      creditorName: 'Paris Habitat',
      contractRef: 'BAIL-E2E-77',
    });
    expect(created.status(), await created.text()).toBe(201);
    const appId = ((await created.json()) as { id: string }).id;
    // The pièces of the FSL maintien checklist: « déposée complète » is refused while one is missing.
    for (const type of ['piece_identite', 'attestation_caf', 'bail', 'quittance']) {
      const uploaded = await worker.request.post(`/api/usagers/${fileId}/documents`, {
        headers: { 'x-csrf-token': csrf },
        multipart: {
          type,
          file: { name: `${type}.pdf`, mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n%%EOF\n') },
        },
      });
      expect(uploaded.status(), await uploaded.text()).toBe(201);
    }
    for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire']) {
      const moved = await send('post', `/api/aid-applications/${appId}/transitions`, { to });
      expect(moved.status(), await moved.text()).toBe(200);
    }

    const page = await login(e, 'responsable.eps18');
    await page.getByRole('link', { name: 'Commissions' }).first().click();
    await page.waitForURL((u) => u.pathname === '/commissions');
    await page.getByLabel(/Date de la séance/).fill('2026-12-17');
    await page.getByLabel(/Territoire/).fill('E2E Paris 18e');
    await page.getByRole('button', { name: 'Créer la commission' }).click();
    const row = page.getByRole('row').filter({ hasText: 'E2E Paris 18e' });
    await poll(() => row.count()).toBe(1);
    await row.getByRole('link').click();
    await page.waitForURL((u) => /^\/commissions\/[0-9a-f-]{36}$/.test(u.pathname));
    await expectAccessible(page, 'commission');

    // The DSFR checkbox draws its box on the label: a person clicks the label.
    await page.locator('label', { hasText: new RegExp(`^${name} — FSL maintien`) }).click();
    await poll(() => page.getByLabel(new RegExp(`^${name} — FSL maintien`)).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Inscrire à l’ordre du jour' }).click();
    const decision = page.getByLabel('Décision n° 1');
    await poll(() => decision.count()).toBe(1);
    await decision.selectOption('accord_partiel');
    await page.getByLabel('Montant accordé (€)').fill('500');
    await page.getByLabel('Motif', { exact: true }).fill('Dette en partie couverte par le bailleur');
    // An FSL accord: the derogation's reason is offered (beyond the aid's 12-month limit) and kept with the decision.
    await page.getByLabel(/Motif de la dérogation/).fill('Second impayé après un accident de travail');
    await page.getByRole('button', { name: 'Enregistrer les décisions' }).click();
    await poll(() => page.getByRole('status').innerText()).toContain('1 décision(s) enregistrée(s)');
    const decided = (await (await worker.request.get(`/api/aid-applications/${appId}`)).json()) as {
      decision: { derogationReason: string | null };
    };
    expect(decided.decision.derogationReason).toBe('Second impayé après un accident de travail');
    await poll(() => page.getByRole('link', { name: 'Fichier de paiement (CSV)' }).count()).toBe(1);

    const href = async (label: string) =>
      new URL((await page.getByRole('link', { name: label }).getAttribute('href')) as string, e.baseUrl).pathname;
    const pv = await page.request.get(await href('Procès-verbal (PDF)'));
    expect(pv.headers()['content-type']).toBe('application/pdf');
    const pvText = (await pdfText(await pv.body())).text;
    expect(pvText).toContain(name);
    expect(pvText).toContain('Accord partiel');
    const letters = await page.request.get(await href('Courriers de notification (PDF)'));
    expect(letters.status()).toBe(200);
    const letter = (await pdfText(await letters.body())).text;
    expect(letter).toContain('Montant accordé : 500,00 €');
    expect(letter).toContain('Dette en partie couverte par le bailleur');
    expect(letter).toContain('tribunal administratif de Paris');
    const csv = await (await page.request.get(await href('Fichier de paiement (CSV)'))).text();
    const lines = csv.split('\r\n');
    expect(lines[0]).toMatch(/^reference_paiement;date_commission;numero_demande;/);
    expect(lines[1]).toContain(`;${appId};maintien;subvention;tiers;Paris Habitat;Paris Habitat;BAIL-E2E-77;50000;`);

    // The référent finds the notification in the file's documents, and the application decided.
    const docs = (await (await worker.request.get(`/api/usagers/${fileId}/documents`)).json()) as {
      items: { type: string; fileName: string }[];
    };
    expect(docs.items.some((d) => d.type === 'courrier' && d.fileName.startsWith('Notification de décision'))).toBe(
      true,
    );
    const app = (await (await worker.request.get(`/api/aid-applications/${appId}`)).json()) as { status: string };
    expect(app.status).toBe('accord_partiel');
    await page.context().close();
    await worker.context().close();
  }, 120_000);

  it('the administration opens the city-level FSL session from the page', async () => {
    const page = await login(e, 'admin');
    await page.goto('/commissions');
    await page.getByLabel('Niveau').selectOption('ville');
    // A city-level session has no site: the site field goes away.
    await expect.poll(() => page.getByLabel('Site', { exact: true }).count()).toBe(0);
    await page.getByLabel('Date de la séance').fill('2027-01-14');
    await page.getByRole('button', { name: 'Créer la commission' }).click();
    await poll(() => page.getByRole('link', { name: '14/01/2027' }).count()).toBe(1);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: '14/01/2027' }) });
    await poll(() => row.textContent()).toContain('Ville de Paris (FSL)');
    await expectAccessible(page, 'commissions (administration)');
    await page.context().close();
  }, 60_000);
});
