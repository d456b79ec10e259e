import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, submitLogin, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

const BANNER = "L'usager peut demander à lire ce texte.";
const FLAGGED = 'Monsieur est alcoolique';

/** As harness.login, in Paris time: the date-time fields and the agenda's days are the workstation's (Paris). */
async function loginParis(who: string): Promise<Page> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await submitLogin(page, who);
  return page;
}

const mainText = (page: Page) => page.locator('main').innerText();

/** Waits for the page to catch up (lazy chunks and queries take a moment on a loaded CI machine). */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });

/** The file ts1.eps18 follows, opened from "Ma file active", shared by the scenarios. */
const file = { path: '', name: '' };

/** Today + n days, in Paris, as yyyy-mm-dd. */
const parisDay = (n: number) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(Date.now() + n * 86_400_000));

describe('journal d’activité in the browser', () => {
  it('records a phone call in at most 10 interactions from the file page', async () => {
    const page = await loginParis('ts1.eps18');
    const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
    await link.waitFor();
    file.name = (await link.innerText()).trim();
    await link.click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    file.path = new URL(page.url()).pathname;
    await page.getByRole('heading', { level: 1 }).waitFor();
    await poll(() => page.getByRole('tab', { name: 'Journal' }).count()).toBe(1);

    // From here on every key press and click counts.
    let interactions = 0;
    const press = async (key: string) => {
      interactions += 1;
      await page.keyboard.press(key);
    };
    await press('n'); // opens the Journal tab and the new-entry form, focus on the type
    await page.getByRole('radio', { name: /Appel entrant/ }).waitFor();
    const focusedId = () => page.evaluate(() => document.activeElement?.id ?? '');
    await poll(focusedId).toBe('nouvelle-entree-type-appel_entrant'); // the form gives the focus to the type
    await page.getByRole('checkbox', { name: 'Accès aux droits' }).waitFor(); // motifs loaded
    await press('a'); // type: appel entrant (date = now, duration and place by default)
    await poll(() => page.getByRole('radio', { name: /Appel entrant/ }).isChecked()).toBe(true);
    await press('Tab'); // to the first motif
    await poll(() =>
      page.getByRole('checkbox', { name: 'Accès aux droits' }).evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await press('Space'); // motif "Accès aux droits"
    await press('Control+Enter'); // saved
    await poll(() => mainText(page)).toContain('Entrée enregistrée : Appel entrant.');
    expect(interactions).toBeLessThanOrEqual(10);
    console.info(`phone call recorded in ${interactions} interactions`);

    const newest = page.locator('.jalon-timeline article').first();
    await poll(() => newest.innerText()).toContain('Appel entrant');
    const text = await newest.innerText();
    expect(text).toContain('Alix Morvan');
    expect(text).toContain('Accès aux droits');
    expect(text).toContain('Par téléphone');
    expect(new URL(page.url()).searchParams.get('onglet')).toBe('journal');
    await expectAccessible(page, 'journal tab');
    await page.context().close();
  }, 120_000);

  it('flags a stigmatising note live, with the banner, and saving needs the confirmation', async () => {
    const page = await loginParis('ts1.eps18');
    await page.goto(file.path);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.getByRole('tab', { name: 'Journal' }).waitFor();
    await page.keyboard.press('n');
    await page.getByRole('radio', { name: /Visite à domicile/ }).waitFor();
    await page.keyboard.press('v');
    await poll(() => mainText(page)).toContain(BANNER);
    const note = page.getByRole('textbox', { name: /^Note/ });
    await note.click();
    await page.keyboard.type(FLAGGED);
    const flags = page.locator('.jalon-lint');
    await flags.waitFor();
    const flagText = await flags.innerText();
    expect(flagText).toContain('alcoolique');
    expect(flagText).toMatch(/Addiction/);
    expect(flagText).toMatch(/Suggestion/);
    expect(flagText).toMatch(/usager peut demander à lire/i);
    await expectAccessible(page, 'new entry with a flagged note');

    // Saving without the confirmation is refused, nothing typed is lost.
    await page.keyboard.press('Control+Enter');
    await poll(() => mainText(page)).toContain('cochez « Je confirme cette formulation »');
    expect(await note.inputValue()).toBe(FLAGGED);
    const confirm = page.getByRole('checkbox', { name: /Je confirme cette formulation/ });
    await poll(() => confirm.evaluate((el) => el === document.activeElement)).toBe(true);

    // The server refuses it too without confirmFlags (422 note_flagged).
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const refused = await page.request.post(`/api${file.path}/journal`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { type: 'visite_domicile', occurredAt: new Date().toISOString(), note: FLAGGED },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('note_flagged');

    // The worker rewrites the sentence: no flag left, saved without confirmation.
    await note.fill('Visite au domicile : échanges sur le budget du mois, pièces justificatives listées.');
    await poll(() => flags.count()).toBe(0);
    await page.keyboard.press('Control+Enter');
    await poll(() => mainText(page)).toContain('Entrée enregistrée : Visite à domicile.');
    await poll(() => page.locator('.jalon-timeline article').first().innerText()).toContain('échanges sur le budget');

    // A flagged wording kept on purpose: confirmed, it is saved.
    await page.getByRole('button', { name: 'Nouvelle entrée (n)' }).click();
    await page.getByRole('radio', { name: /Appel entrant/ }).waitFor();
    await page.keyboard.press('e');
    await poll(() => page.getByRole('radio', { name: /Entretien au bureau/ }).isChecked()).toBe(true);
    await page.getByRole('textbox', { name: /^Note/ }).fill(FLAGGED);
    await page.locator('.jalon-lint').waitFor();
    await page.getByText('Je confirme cette formulation').click();
    expect(await page.getByRole('checkbox', { name: /Je confirme cette formulation/ }).isChecked()).toBe(true);
    await page.getByRole('button', { name: 'Enregistrer (Ctrl+Entrée)' }).click();
    await poll(() => mainText(page)).toContain('Entrée enregistrée : Entretien au bureau.');
    await poll(() => page.locator('.jalon-timeline article', { hasText: FLAGGED }).count()).toBe(1);
    expect(await page.locator('.jalon-timeline article').first().innerText()).toContain(FLAGGED);
    await page.context().close();
  }, 120_000);

  it('the secretary books an appointment for ts1.eps18 from the site agenda; she never sees a note', async () => {
    const day = parisDay(1);
    const sec = await loginParis('secretaire.eps18');
    await sec.getByRole('link', { name: 'Agenda' }).first().click();
    await sec.waitForURL('**/agenda');
    await poll(() => mainText(sec)).toContain('Agenda du site');
    await expectAccessible(sec, 'agenda, site week view');
    await sec.getByRole('button', { name: 'Prendre un rendez-vous' }).click();
    await sec.getByRole('searchbox', { name: /Usager/ }).fill(file.name);
    await sec
      .getByRole('button', { name: new RegExp(file.name.split(' ')[0] ?? '') })
      .first()
      .click();
    await sec.getByRole('combobox', { name: 'Professionnel du rendez-vous' }).selectOption({ label: 'Alix Morvan' });
    // 18:15 Paris: after the demo's office hours, so the slot is free whatever the seed drew.
    await sec.getByLabel('Date et heure du rendez-vous').fill(`${day}T18:15`);
    await expectAccessible(sec, 'booking form');
    await sec.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await poll(() => mainText(sec)).toContain('Rendez-vous enregistré pour');

    // The same slot again: refused before saving, with the taken slot; booking anyway is an explicit choice.
    await sec.getByRole('searchbox', { name: /Usager/ }).fill(file.name);
    await sec
      .getByRole('button', { name: new RegExp(file.name.split(' ')[0] ?? '') })
      .first()
      .click();
    await sec.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await poll(() => mainText(sec)).toContain('Créneau déjà pris');
    await poll(() => mainText(sec)).toContain('18:15–18:45');
    await expectAccessible(sec, 'booking refused on a clash');
    await sec.getByRole('button', { name: /Réserver quand même/ }).click();
    await poll(() => mainText(sec)).toContain('Double réservation confirmée');

    await sec.goto(`/agenda?vue=jour&date=${day}`);
    const secRow = sec.getByRole('row', { name: new RegExp(`18:15.*${file.name}`) });
    await poll(() => secRow.count()).toBe(2); // the booking and the confirmed double booking
    await poll(() => secRow.first().innerText()).toContain('Alix Morvan');
    await expectAccessible(sec, 'agenda, site day view');

    // Her view of the file's journal: appointments and reception only, never a note.
    await sec.goto(`${file.path}?onglet=journal`);
    await sec.locator('.jalon-timeline').waitFor();
    const journal = await mainText(sec);
    expect(journal).toContain('Rendez-vous');
    expect(journal).not.toContain(FLAGGED);
    expect(journal).not.toContain('Appel entrant');
    expect(await sec.getByRole('textbox', { name: /^Note/ }).count()).toBe(0);
    await sec.context().close();
  }, 120_000);

  it('the appointment shows in ts1.eps18’s agenda (day and week), and on the printable day list', async () => {
    const day = parisDay(1);
    const ts = await loginParis('ts1.eps18');
    await ts.goto(`/agenda?vue=jour&date=${day}`);
    const row = ts.getByRole('row', { name: new RegExp(`18:15.*${file.name}`) });
    await poll(() => row.count()).toBe(2);
    await ts.goto(`/agenda?date=${day}`); // the week of that day (tomorrow may be next week)
    await poll(() => mainText(ts)).toContain('Mon agenda');
    await poll(() => ts.locator('.jalon-grid').innerText()).toContain(file.name);
    await expectAccessible(ts, 'agenda, own week view');
    await ts.getByRole('link', { name: /Imprimer la journée/ }).click();
    await ts.waitForURL('**/impression');
    await poll(() => mainText(ts)).toContain('Rendez-vous du');
    await poll(() => mainText(ts)).toContain(file.name);
    await expectAccessible(ts, 'printable day list');
    await ts.context().close();
  }, 120_000);

  it('the home page of a worker lists "À faire"; the admin edits motifs and partners', async () => {
    const ts = await loginParis('ts1.eps18');
    await poll(() => mainText(ts)).toContain('Rendez-vous à renseigner');
    expect(await mainText(ts)).toContain('Orientations sans suite');
    await expectAccessible(ts, 'home with À faire');
    await ts.context().close();

    const admin = await loginParis('admin');
    await admin.goto('/admin?onglet=motifs');
    await admin.getByRole('button', { name: 'Créer un motif' }).click();
    await admin.getByRole('textbox', { name: /Libellé/ }).fill('Mobilité, transports');
    await admin.getByRole('button', { name: 'Créer le motif' }).click();
    await poll(() => admin.getByRole('table').innerText()).toContain('mobilite_transports');
    await expectAccessible(admin, 'admin motifs');
    await admin.goto('/admin?onglet=partenaires');
    await poll(() => mainText(admin)).toContain('CAF de Paris');
    await expectAccessible(admin, 'admin partners');
    await admin.context().close();
  }, 120_000);
});
