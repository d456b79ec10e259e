import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, login, startE2E, submitLogin, type E2E } from './harness.js';

/**
 * The building blocks' pages (docs/api.md): the administrator's dated parameters and job queue; a document attached
 * from a journal entry; a letter from the file; the secretary's day of convocations; the genogram's relationship lines.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function openFile(who = 'ts1.eps18', nth = 0): Promise<{ page: Page; path: string }> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await submitLogin(page, who);
  await page.getByRole('table', { name: 'Ma file active' }).getByRole('link').nth(nth).click();
  await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
  return { page, path: new URL(page.url()).pathname };
}

describe('building blocks pages in the browser', () => {
  it('the admin schedules a future parameter value, corrects it, is refused the past; sees jobs and dead letters', async () => {
    const now = new Date();
    await e.db
      .insertInto('job')
      .values([
        {
          kind: 'statistics.refresh',
          state: 'done',
          run_at: now,
          attempts: 1,
          progress_done: 40,
          progress_total: 40,
          created_at: now,
          started_at: now,
          finished_at: now,
        },
        {
          kind: 'retention.nightly',
          state: 'dead',
          run_at: now,
          attempts: 5,
          max_attempts: 5,
          last_error: 'Délai de verrouillage dépassé',
          created_at: now,
          finished_at: now,
        },
      ])
      .execute();
    const page = await login(e, 'admin');
    await page.waitForURL((u) => u.pathname === '/admin');
    await page.getByRole('tab', { name: 'Paramètres' }).click();
    const section = page.getByRole('region', { name: 'Seuil du secret statistique', exact: true });
    const table = section.getByRole('table');
    await section.getByLabel('Nouvelle valeur').fill('6');
    await section.getByRole('button', { name: 'Programmer cette valeur' }).click();
    await poll(() => table.innerText()).toMatch(/6\s+\S+\s+—\s+Prévue/i);
    // The past is never rewritten: today is refused with the server's French message.
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC' }).format(new Date());
    await section.getByLabel(/À partir du/).fill(today);
    await section.getByLabel('Nouvelle valeur').fill('8');
    await section.getByRole('button', { name: 'Programmer cette valeur' }).click();
    await poll(() => section.innerText()).toContain('Une nouvelle valeur prend effet au plus tôt demain');
    // Correcting the scheduled value: same day, new value, still one future version.
    await section.getByRole('button', { name: /^Modifier la valeur prévue du/ }).click();
    await section.getByLabel('Nouvelle valeur').fill('7');
    await section.getByRole('button', { name: 'Programmer cette valeur' }).click();
    await poll(() => table.innerText()).toMatch(/7\s+\S+\s+—\s+Prévue/i);
    expect((await table.innerText()).match(/Prévue/gi)?.length).toBe(1);
    await expectAccessible(page, 'paramètres');

    await page.getByRole('tab', { name: 'Tâches' }).click();
    await page.getByRole('heading', { name: 'Tâches abandonnées (1)' }).waitFor();
    const dead = page.getByRole('table', { name: 'Tâches abandonnées' });
    expect(await dead.innerText()).toContain('Délai de verrouillage dépassé');
    expect(await dead.innerText()).toContain('Durées de conservation');
    const recent = page.getByRole('table', { name: 'Exécutions récentes des tâches' });
    expect(await recent.innerText()).toContain('Actualisation des statistiques');
    expect(await recent.getByRole('progressbar', { name: /Actualisation des statistiques : 40 sur 40/ }).count()).toBe(
      1,
    );
    await expectAccessible(page, 'tâches');
    await page.context().close();
  });

  it('attaches a document from a journal entry; the entry lists it', async () => {
    const { page, path } = await openFile();
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    // Yesterday at 18:00 UTC: after the demo's appointments (office hours, 8:00–15:45 UTC), so never a clash (409),
    // whatever the hour the test runs at.
    const at = new Date(Date.now() - 86_400_000);
    at.setUTCHours(18, 0, 0, 0);
    const created = await page.request.post(`/api${path}/journal`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { type: 'rendez_vous', occurredAt: at.toISOString(), durationMinutes: 37 },
    });
    expect(created.status()).toBe(201);
    await page.reload();
    await page.getByRole('tab', { name: 'Journal' }).click();
    const entry = page.locator('article').filter({ hasText: '37 min' });
    await poll(() => entry.count()).toBe(1);
    await entry.getByRole('button', { name: 'Joindre un document' }).click();
    await entry
      .getByLabel(/Fichier \(glissez-le ici/)
      .setInputFiles({ name: 'quittance.png', mimeType: 'image/png', buffer: PNG });
    await entry.getByLabel('Type de document').selectOption('quittance');
    await entry.getByRole('button', { name: 'Ajouter le document' }).click();
    const list = entry.getByRole('list', { name: 'Documents joints à l’entrée' });
    await poll(() => list.innerText()).toContain('Quittance de loyer — quittance.png');
    // The other entries show no document; the Documents tab lists it too.
    expect(await page.getByRole('list', { name: 'Documents joints à l’entrée' }).count()).toBe(1);
    await page.getByRole('tab', { name: 'Documents' }).click();
    await poll(() => page.getByRole('table', { name: 'Documents du dossier' }).innerText()).toContain('quittance.png');
    await page.context().close();
  });

  it('generates a letter from the file: a template, the PDF kept among the documents and shown in the page', async () => {
    const { page } = await openFile();
    await page.getByRole('tab', { name: 'Documents' }).click();
    await page.getByLabel('Modèle de courrier').selectOption({ label: 'Attestation de suivi' });
    await page.getByRole('button', { name: 'Générer le courrier (PDF)' }).click();
    const frame = page.locator('iframe[title="Aperçu du courrier généré"]');
    await frame.waitFor();
    const src = await frame.getAttribute('src');
    const pdf = await page.request.get(src ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await poll(() => page.getByRole('table', { name: 'Documents du dossier' }).innerText()).toContain('Courrier');
    // The convocation names one of the file's appointments, with a preview before it is kept.
    await page.getByLabel('Modèle de courrier').selectOption({ label: 'Convocation à un rendez-vous' });
    expect(await page.getByRole('button', { name: 'Générer le courrier (PDF)' }).isDisabled()).toBe(true);
    await expectAccessible(page, 'courrier');
    await page.context().close();
  });

  it('the secretary prints the day’s convocations of the site as one PDF from the agenda', async () => {
    const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
    const page = await context.newPage();
    await submitLogin(page, 'secretaire.eps18');
    await page.getByRole('link', { name: 'Agenda' }).first().click();
    await page.waitForURL('**/agenda');
    const link = page.getByRole('link', { name: /^Convocations du .* \(PDF\)$/ });
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/site\/convocations\.pdf\?date=\d{4}-\d{2}-\d{2}$/);
    const res = await page.request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe('application/pdf');
    expect((await res.body()).subarray(0, 5).toString()).toBe('%PDF-');
    await context.close();
  });

  it('the référent opens the genogram’s relationship lines with a reason and records one by keyboard', async () => {
    const { page } = await openFile('ts1.eps18', 1);
    await page.getByRole('tab', { name: 'Génogramme' }).click();
    await page.getByRole('heading', { name: 'Génogramme', exact: true }).waitFor();
    const rel = page.getByRole('region', { name: 'Relations (partie sensible)' });
    expect(await rel.innerText()).toContain('Enregistrez d’abord le génogramme');
    for (const label of ['Mère', 'Père']) {
      await page.getByLabel('Prénom ou lien (« Grand-mère »)').fill(label);
      await page.getByRole('button', { name: 'Ajouter une personne' }).click();
    }
    await page.getByRole('button', { name: 'Enregistrer le génogramme' }).click();
    await rel.getByRole('button', { name: 'Ouvrir les relations…' }).click();
    await rel.getByRole('button', { name: 'Ouvrir les relations', exact: true }).click();
    await poll(() => rel.innerText()).toMatch(/Motif d’ouverture/);
    expect(await rel.getByRole('table').count()).toBe(0);
    await rel.getByLabel(/Motif d’ouverture/).selectOption({ label: 'Évaluation de la situation sociale' });
    await rel.getByLabel(/Précision du motif/).fill('Préparer la réunion de synthèse avec la famille');
    await rel.getByRole('button', { name: 'Ouvrir les relations', exact: true }).click();
    // Keyboard only: the selects take the focus and an arrow key; the buttons Entrée.
    const choose = async (label: string, option: string) => {
      await rel.getByLabel(label, { exact: true }).focus();
      await rel.getByLabel(label, { exact: true }).selectOption({ label: option });
    };
    await choose('Entre', 'Mère');
    await choose('Et', 'Père');
    await choose('Relation', 'Conflictuelle');
    await rel.getByRole('button', { name: 'Ajouter la relation' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => rel.getByRole('table').innerText()).toMatch(/Mère\s+Père\s+Conflictuelle/);
    // Drawn in the editor (a zigzag line), never in the exported SVG.
    await poll(() => page.locator('.genogram-drawing polyline').count()).toBe(1);
    await rel.getByRole('button', { name: 'Enregistrer les relations' }).focus();
    await page.keyboard.press('Enter');
    await poll(() => rel.innerText()).toContain('Relations enregistrées.');
    await expectAccessible(page, 'relations du génogramme');
    await page.reload();
    await page.getByRole('tab', { name: 'Génogramme' }).click();
    await poll(() => page.getByRole('region', { name: 'Relations (partie sensible)' }).innerText()).toMatch(
      /Mère\s+Père\s+Conflictuelle/,
    );
    // A person taken out of the drawing takes its lines along when the drawing is saved.
    await page.getByLabel('Personne sélectionnée (ou cliquez sur le dessin)').selectOption({ label: 'Père' });
    await page.getByRole('button', { name: 'Retirer Père' }).click();
    await page.getByRole('button', { name: 'Enregistrer le génogramme' }).click();
    await poll(() => page.getByRole('button', { name: 'Enregistrer le génogramme' }).isDisabled()).toBe(true);
    await page.reload();
    await page.getByRole('tab', { name: 'Génogramme' }).click();
    await poll(() => page.getByRole('region', { name: 'Relations (partie sensible)' }).innerText()).toContain(
      'Aucune relation renseignée.',
    );
    await page.context().close();
  });

  // Last: it hands a file over, which changes ts1.eps18's active list.
  it('shows the Génogramme tab by the server’s can.genogram: a référent who hands the file over loses it', async () => {
    const { page, path } = await openFile('ts1.eps18', 2);
    await page.getByRole('tab', { name: 'Génogramme' }).waitFor();
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const workers = (await (await page.request.get('/api/site/workers')).json()) as {
      items: { id: string; displayName: string }[];
    };
    const other = workers.items.find((w) => w.displayName === 'Bastien Kerjean');
    const handed = await page.request.put(`/api${path}/referents`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { referentId: other?.id, coReferentIds: [] },
    });
    expect(handed.status()).toBe(200);
    await page.reload();
    // Still of the file's team (situation, journal), no longer its référent, and not the genogram's creator.
    await page.getByRole('tab', { name: 'Journal' }).waitFor();
    const can = ((await (await page.request.get(`/api${path}`)).json()) as { can: Record<string, unknown> }).can;
    // Deriving the tab from the situation's write right, as the web did, would still show it.
    expect([can.updateSituation, can.genogram]).toEqual([true, false]);
    expect(await page.getByRole('tab', { name: 'Génogramme' }).count()).toBe(0);
    await page.context().close();
  });
});
