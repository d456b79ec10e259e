import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../server/src/test/pdf-text.js';
import { expectAccessible, login, startE2E, type E2E } from './harness.js';

/**
 * The RSA équipe pluridisciplinaire in the browser (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"): the
 * site manager plans a session, a worker inscribes a person of their file for a manquement and records the person's
 * observations, then the manager records the EP's avis, decides a suspension and produces its notification.
 */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const today = () => new Date().toISOString().slice(0, 10);

describe('RSA équipe pluridisciplinaire in the browser', () => {
  it('records an EP decision (suspension) and its notification with the voies de recours', async () => {
    const boss = await login(e, 'responsable.eps18');
    await boss.getByRole('link', { name: 'EP RSA' }).first().click();
    await boss.waitForURL((u) => u.pathname === '/rsa/equipes-pluridisciplinaires');
    await boss.getByLabel(/Date de la séance/).fill(today());
    await boss.getByLabel('Lieu').fill('Salle du conseil');
    await boss.getByLabel(/Membres/).fill('Ville de Paris : Claire Dupont\nFrance Travail : Marc Leroy');
    await boss.getByLabel(/Représentants des allocataires/).fill('Représentant des allocataires');
    await boss.getByRole('button', { name: 'Planifier la séance' }).click();
    const open = boss.getByRole('button', { name: /^Voir la séance du/ });
    await poll(() => open.count()).toBe(1);
    await expectAccessible(boss, 'EP sessions page');

    // The worker inscribes a person of their file and records the observations (through the API, as the tab does).
    const worker = await login(e, 'ts1.eps18');
    await worker.getByRole('table', { name: 'Ma file active' }).getByRole('link').first().click();
    await worker.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    const path = new URL(worker.url()).pathname;
    const me = (await (await worker.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': me.csrfToken };
    const sessions = (await (await worker.request.get('/api/rsa/ep/sessions')).json()) as { id: string }[];
    const inscribed = await worker.request.post(`/api${path}/rsa/ep`, {
      headers,
      data: { sessionId: sessions[0]?.id, motif: 'manquement', facts: 'Absences répétées aux rendez-vous' },
    });
    expect(inscribed.status()).toBe(201);
    const passageId = ((await inscribed.json()) as { id: string }).id;
    const obs = await worker.request.post(`/api${path}/rsa/ep/${passageId}/observations`, {
      headers,
      data: { text: 'La personne était hospitalisée' },
    });
    expect(obs.status()).toBe(200);

    await boss.reload();
    await boss.getByRole('button', { name: /^Voir la séance du/ }).click();
    const card = boss.getByRole('article', { name: /^Passage en EP de / });
    await poll(() => card.count()).toBe(1);
    await card.getByRole('button', { name: 'Enregistrer l’avis de l’EP' }).click();
    const decide = card.getByRole('button', { name: 'Enregistrer la décision' });
    await poll(() => decide.count()).toBe(1);
    await card.getByLabel('Taux de suspension (%)').fill('50');
    await card.getByLabel('Durée (mois)').fill('1');
    await decide.click();
    await poll(() => card.innerText()).toContain('Suspension de 50 % pendant 1 mois');
    await card.getByRole('button', { name: 'Produire la notification' }).click();
    const link = card.getByRole('link', { name: 'Notification de la décision (PDF)' });
    await poll(() => link.count()).toBe(1);
    // The letter is a document of the file: its référent reads it (the manager does not read the file's documents).
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/documents\/[0-9a-f-]{36}\/content$/);
    const pdf = await worker.request.get(href);
    expect(pdf.status()).toBe(200);
    const { text } = await pdfText(await pdf.body());
    expect(text).toContain('50 % pendant 1 mois');
    expect(text).toContain('Voies de recours');
    await expectAccessible(boss, 'EP session with a decision');
    await boss.context().close();
    await worker.context().close();
  });
});
