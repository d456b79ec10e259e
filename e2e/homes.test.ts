import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, submitLogin, type E2E } from './harness.js';

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function loginParis(who: string): Promise<Page> {
  const context = await e.browser.newContext({ baseURL: e.baseUrl, locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  const page = await context.newPage();
  await submitLogin(page, who);
  return page;
}
const mainText = (page: Page) => page.locator('main').innerText();
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const headings = (page: Page) => page.locator('main h2').allInnerTexts();

describe('a home for each role', () => {
  it('social worker: the search focused, then today’s appointments, "à faire" and the file active', async () => {
    const page = await loginParis('ts1.eps18');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-usager');
    await poll(() => headings(page)).toContain('Ma file active');
    const h = await headings(page);
    const at = (t: string) => h.findIndex((x) => x.startsWith(t));
    expect(at('Mes rendez-vous du jour')).toBeGreaterThanOrEqual(0);
    expect(at('Mes rendez-vous du jour')).toBeLessThan(at('À faire'));
    expect(at('À faire')).toBeLessThan(at('Ma file active'));
    await expectAccessible(page, 'social worker home');
    await page.context().close();
  }, 120_000);

  it('secretary: the site’s day and the reception list, recorded in the file in one click', async () => {
    const page = await loginParis('secretaire.eps18');
    await poll(() => headings(page)).toContain('Accueil sans rendez-vous');
    expect(await headings(page)).toContain('La journée du site');
    expect(await headings(page)).not.toContain('Ma file active');
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-usager');

    // Someone comes in without an appointment: found by name, put on the list.
    const picker = page.getByRole('searchbox', { name: /Personne arrivée/ });
    await picker.fill('Martin');
    const choice = page
      .locator('section[aria-labelledby="accueil-titre"]')
      .getByRole('list', { name: 'Dossiers trouvés' })
      .getByRole('button')
      .first();
    await choice.waitFor();
    await choice.click();
    await page.getByRole('button', { name: 'Ajouter à la liste d’attente' }).click();
    const row = page.locator('main table').last().locator('tbody tr').first();
    await poll(() => row.innerText()).toContain('Enregistrer l’accueil');
    await poll(() => mainText(page)).toContain('1 personne en attente');
    await expectAccessible(page, 'secretary home with the reception list');

    // Received by a worker, then recorded in the file with one click.
    await row.getByRole('combobox').selectOption({ label: 'Alix Morvan' });
    await row.getByRole('button', { name: 'Reçu·e' }).click();
    await poll(() => row.innerText()).toContain('Reçu·e par Alix Morvan');
    await row.getByRole('button', { name: /Enregistrer l’accueil/ }).click();
    await poll(() => row.innerText()).toContain('Accueil enregistré');
    await row.getByRole('link').click();
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('tab', { name: 'Journal' }).click();
    await page.locator('.jalon-timeline').waitFor();
    // The newest entry after the appointments still ahead (« Prévu »), which the journal lists first.
    const newest = page.locator('.jalon-timeline article').filter({ hasNotText: 'Prévu' }).first();
    await poll(() => newest.innerText()).toContain('Accueil');
    await page.context().close();
  }, 120_000);

  it('find a known usager and record an entretien with a note: at most 6 keys besides the two texts', async () => {
    const page = await loginParis('ts1.eps18');
    const known = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
    await known.waitFor();
    const name = (await known.innerText()).trim();
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('recherche-usager');

    // From here on every key counts, except the characters of the search and of the note.
    let keys = 0;
    const press = async (key: string) => {
      keys += 1;
      await page.keyboard.press(key);
    };
    await page.keyboard.type(name);
    const first = page.getByRole('search').getByRole('link').first();
    await poll(() => first.innerText()).toContain(name);
    await press('Enter'); // opens the first result
    await page.waitForURL((u) => /^\/usagers\/[0-9a-f-]{36}$/.test(u.pathname));
    await page.getByRole('tab', { name: 'Journal' }).waitFor();
    await press('n'); // new entry, focus on the type
    await page.getByRole('radio', { name: /Entretien au bureau/ }).waitFor();
    await press('e'); // entretien au bureau: the focus goes to the note
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('nouvelle-entree-note');
    const note = 'Point sur le dossier de logement, pièces remises.';
    await page.keyboard.type(note);
    await press('Control+Enter');
    await poll(() => mainText(page)).toContain('Entrée enregistrée : Entretien au bureau.');
    await poll(() => page.locator('.jalon-timeline article').first().innerText()).toContain(note);
    console.info(`entretien with a note recorded in ${keys} keys besides the texts`);
    expect(keys).toBeLessThanOrEqual(6);
    await page.context().close();
  }, 120_000);

  it('agenda: a week time grid per worker; an empty slot opens the booking form prefilled', async () => {
    const page = await loginParis('secretaire.eps18');
    await page.goto('/agenda');
    await page.getByRole('combobox', { name: 'Afficher l’agenda de' }).selectOption({ label: 'Alix Morvan' });
    await page.getByRole('button', { name: 'Semaine suivante' }).click();
    const grid = page.locator('.jalon-grid');
    await grid.waitFor();
    expect(await grid.locator('h3').count()).toBe(5); // Monday to Friday
    const slot = grid.getByRole('button', { name: /^Réserver lundi .* à 18:30$/ });
    await slot.click();
    const when = page.getByLabel('Date et heure du rendez-vous');
    await poll(() => when.inputValue()).toMatch(/T18:30$/);
    await poll(() => page.evaluate(() => document.activeElement?.id)).toBe('rdv-usager');
    expect(
      await page.getByRole('combobox', { name: 'Professionnel du rendez-vous' }).evaluate((el) => {
        const s = el as HTMLSelectElement;
        return s.options[s.selectedIndex]?.text;
      }),
    ).toBe('Alix Morvan');
    await page.keyboard.type('Martin');
    await page.getByRole('list', { name: 'Dossiers trouvés' }).getByRole('button').first().click();
    await page.getByRole('button', { name: 'Enregistrer le rendez-vous' }).click();
    await poll(() => mainText(page)).toContain('Rendez-vous enregistré pour');
    await poll(() => grid.locator('.jalon-grid-appt', { hasText: '18:30' }).count()).toBe(1);
    await expectAccessible(page, 'week time grid with the booking form');
    await page.context().close();
  }, 120_000);

  it('responsable: the motivated accesses to review first, with who opened the file, and the key figures', async () => {
    const page = await loginParis('responsable.eps18');
    await poll(() => headings(page)).toContainEqual(expect.stringMatching(/^Accès motivés à revoir/));
    expect((await headings(page))[0]).toMatch(/^Accès motivés à revoir/);
    await page.getByRole('link', { name: 'Chiffres clés du site' }).waitFor();
    // The teams' agenda load: per team and day, never a worker's name.
    const load = page.getByRole('region', { name: 'Charge des agendas de la semaine' });
    await poll(() => load.innerText()).not.toContain('Chargement');
    expect(await load.innerText()).not.toContain('Alix Morvan');
    await page.getByRole('link', { name: 'Revoir les accès motivés' }).waitFor();
    await expectAccessible(page, 'responsable home');

    // The statistics comparison: each compared table under a visible title.
    await page.getByRole('link', { name: 'Chiffres clés du site' }).click();
    await page.getByText('Comparer à la période précédente et à la même période un an avant').click();
    const comparison = page.getByRole('region', { name: 'Comparaison' });
    await comparison.getByRole('heading', { name: /^Période précédente/ }).waitFor();
    await comparison.getByRole('heading', { name: /^Un an avant/ }).waitFor();
    expect(await comparison.getByRole('heading', { name: /^Un an avant/ }).isVisible()).toBe(true);
    await expectAccessible(page, 'statistics with the comparison');
    await page.context().close();
  }, 120_000);

  it('share form: the section checkboxes do not overlap their hint (1366 and 390 px)', async () => {
    const page = await loginParis('ts1.eps18');
    for (const viewport of [
      { width: 1366, height: 768 },
      { width: 390, height: 844 },
    ]) {
      await page.setViewportSize(viewport);
      await page.goto('/');
      const link = page.getByRole('table', { name: 'Ma file active' }).getByRole('link').first();
      await link.click();
      await page.getByRole('tab', { name: 'Partages' }).click();
      await page.locator('#sections-hint').waitFor();
      const overlaps = await page.evaluate(() => {
        const hint = document.getElementById('sections-hint')?.getBoundingClientRect();
        if (!hint) return ['no hint'];
        const problems: string[] = [];
        // The checkbox is drawn in the label's ::before, left of its text: each label is a row of its own, below the hint.
        const labels = [...document.querySelectorAll('input[name="sections"] + label')].map((l) => ({
          text: l.textContent ?? '',
          r: l.getBoundingClientRect(),
        }));
        for (const { text, r } of labels) if (r.top < hint.bottom - 1) problems.push(`${text} beside the hint`);
        labels.sort((a, b) => a.r.top - b.r.top);
        for (let i = 1; i < labels.length; i++) {
          const [a, b] = [labels[i - 1], labels[i]];
          if (a && b && b.r.top < a.r.bottom - 1) problems.push(`${a.text} and ${b.text} on one line`);
        }
        return problems;
      });
      expect(overlaps, `overlap at ${viewport.width} px`).toEqual([]);
    }
    await expectAccessible(page, 'share form');
    await page.context().close();
  }, 120_000);
});
