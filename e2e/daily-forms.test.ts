import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, startE2E, submitLogin, type E2E } from './harness.js';

/**
 * Daily work (forms and tables): required fields marked before submitting (DSFR: "Les champs marqués d’un astérisque
 * * sont obligatoires"), the users table within the screen, a merge of two files undone by its référent.
 */
let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

async function open(who: string, viewport = { width: 1366, height: 768 }): Promise<Page> {
  const context = await e.browser.newContext({
    baseURL: e.baseUrl,
    locale: 'fr-FR',
    timezoneId: 'Europe/Paris',
    viewport,
  });
  const page = await context.newPage();
  await submitLogin(page, who);
  return page;
}
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 15_000 });
const NOTE = 'Les champs marqués d’un astérisque';

/**
 * Every required control shown in the page's main part whose label (its <label>, aria-labelledby, or its fieldset's
 * legend) carries no asterisk mark (`.jalon-required` or a trailing "*"). Empty when all are marked.
 */
const unmarkedRequired = (page: Page) =>
  page.evaluate(() => {
    const marked = (el: Element | null | undefined) =>
      Boolean(el && (el.querySelector('.jalon-required') || /\*\s*$/.test(el.textContent ?? '')));
    const problems: string[] = [];
    const controls = document.querySelectorAll<HTMLElement>(
      'main input[required], main select[required], main textarea[required], main [aria-required="true"]',
    );
    for (const el of controls) {
      if (!el.getClientRects().length && (el as HTMLInputElement).type !== 'file') continue;
      const labels: Element[] = [...((el as HTMLInputElement).labels ?? [])];
      for (const id of (el.getAttribute('aria-labelledby') ?? '').split(/\s+/).filter(Boolean)) {
        const l = document.getElementById(id);
        if (l) labels.push(l);
      }
      const fieldset = el.tagName === 'FIELDSET' ? el : el.closest('fieldset');
      if (fieldset && (el.tagName === 'FIELDSET' || ['radio', 'checkbox'].includes((el as HTMLInputElement).type)))
        labels.push(fieldset.querySelector('legend') as Element);
      if (!labels.some(marked))
        problems.push(
          `${el.tagName.toLowerCase()}#${el.id || el.getAttribute('name') || '?'} (${labels.map((l) => l?.textContent?.trim()).join(' | ') || 'sans libellé'})`,
        );
    }
    return problems;
  });

async function expectMarked(page: Page, where: string) {
  await page.waitForLoadState('networkidle');
  const count = await page.locator('main [required], main [aria-required="true"]').count();
  expect(count, `${where}: required fields shown`).toBeGreaterThan(0);
  expect(await unmarkedRequired(page), where).toEqual([]);
  expect(await page.locator('main').innerText(), `${where}: the asterisk convention is said`).toContain(NOTE);
}

describe('required fields are marked before submitting', () => {
  it('file creation, journal entry, share, consent, document upload, absence (social worker)', async () => {
    const page = await open('ts1.eps18');
    const mine = (await (await page.request.get('/api/usagers/mine')).json()) as { items: { id: string }[] };
    const fileId = mine.items[0]?.id ?? '';
    await page.goto('/usagers/nouveau');
    await page
      .getByRole('button', { name: /Créer le dossier|Vérifier|Continuer/ })
      .first()
      .waitFor();
    await expectMarked(page, 'création de dossier');

    await page.goto(`/usagers/${fileId}?onglet=journal`);
    await page.getByRole('button', { name: /Nouvelle entrée/ }).click();
    await page.getByRole('heading', { name: 'Nouvelle entrée' }).waitFor();
    await expectMarked(page, 'entrée du journal');

    await page.goto(`/usagers/${fileId}?onglet=partages`);
    await page.getByRole('heading', { name: 'Enregistrer un consentement' }).waitFor();
    await expectMarked(page, 'partage et consentement');

    await page.goto(`/usagers/${fileId}?onglet=documents`);
    await page.getByLabel(/Type de document/).waitFor();
    await expectMarked(page, 'dépôt de document');

    await page.goto('/agenda');
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    await page.getByRole('heading', { name: 'Déclarer une absence' }).waitFor();
    await expectMarked(page, 'absence');
    await page.context().close();
  });

  it('booking an appointment (secretary)', async () => {
    const page = await open('secretaire.eps18');
    await page.goto('/agenda');
    await page.getByRole('button', { name: 'Prendre un rendez-vous' }).click();
    await page.getByRole('heading', { name: 'Prendre un rendez-vous' }).waitFor();
    await expectMarked(page, 'prise de rendez-vous');
    await page.context().close();
  });
});

describe('declared absences in the agenda', () => {
  it('a social worker declares an absence; it shows in the week grid', async () => {
    const page = await open('ts1.eps18');
    // Next week's Monday, in Paris: the grid of the week shown by ?date=.
    const monday = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + ((8 - d.getDay()) % 7 || 7));
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.goto(`/agenda?vue=semaine&date=${monday}`);
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    await page.getByLabel(/Motif d’absence/).selectOption('formation');
    await page.getByLabel(/^Début/).fill(`${monday}T14:00`);
    await page.getByLabel(/^Fin/).fill(`${monday}T17:00`);
    await page.getByRole('button', { name: 'Enregistrer l’absence' }).click();
    await poll(() => page.locator('main').innerText()).toContain('Absence enregistrée');
    await poll(() => page.locator('.jalon-grid-absence').first().innerText()).toContain('formation (14:00 – 17:00)');
    await poll(() => page.locator('main').innerText()).toContain('Absences de la période');
    await expectAccessible(page, 'agenda with an absence and its form');
    await page.context().close();
  });
});

describe('the responsable declares an absence for a worker of the site', () => {
  it('from the home page: the form marks its required fields, the absence is listed with the worker’s name', async () => {
    const page = await open('responsable.eps18');
    await page.getByRole('heading', { name: /Absences de l’équipe/ }).waitFor();
    await page.getByRole('button', { name: 'Déclarer une absence' }).click();
    await expectMarked(page, 'absence (responsable)');
    const day = await page.evaluate(() => {
      const d = new Date(Date.now() + 10 * 86_400_000);
      return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    });
    await page.getByLabel(/Professionnel absent/).selectOption({ label: 'Alix Morvan' });
    await page.getByLabel(/Motif d’absence/).selectOption('reunion');
    await page.getByLabel(/^Début/).fill(`${day}T09:00`);
    await page.getByLabel(/^Fin/).fill(`${day}T12:00`);
    await page.getByRole('button', { name: 'Enregistrer l’absence' }).click();
    await poll(() => page.locator('main').innerText()).toContain('Absence enregistrée');
    await poll(() => page.locator('main').innerText()).toContain('Alix Morvan');
    await expectAccessible(page, 'responsable home with the absences panel');
    await page.context().close();
  });
});

describe('users table (administrator) within the screen', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 390, height: 844 },
  ]) {
    it(`no horizontal page scroll at ${viewport.width}×${viewport.height}; the table scrolls in its container`, async () => {
      const page = await open('admin', viewport);
      await page.goto('/admin?onglet=utilisateurs');
      await page.locator('main table').first().waitFor();
      await page.waitForLoadState('networkidle');
      await page.screenshot({
        path: `e2e/screenshots/admin-utilisateurs-${viewport.width}x${viewport.height}.png`,
        fullPage: true,
      });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, 'page scrolls horizontally').toBeLessThanOrEqual(0);
      // The table never spills out of main: what does not fit scrolls inside its own container.
      const spill = await page.evaluate(() => {
        const main = document.querySelector('main') as HTMLElement;
        const wrap = document.querySelector('main .fr-table') as HTMLElement;
        return wrap.getBoundingClientRect().right - main.getBoundingClientRect().right;
      });
      expect(spill).toBeLessThanOrEqual(1);
      await page.context().close();
    });
  }
});

describe('merge of two files of the same person (référent)', () => {
  it('merges a duplicate from the Fusions tab, then undoes it', async () => {
    const page = await open('ts1.eps18');
    const me = (await (await page.request.get('/api/auth/me')).json()) as { csrfToken: string };
    const person = { birthName: 'Fusionnaz', firstNames: 'Agathe', birthDate: '1983-05-17' };
    const create = async (extra: object) => {
      const r = await page.request.post('/api/usagers', {
        headers: { 'x-csrf-token': me.csrfToken },
        data: { ...person, ...extra },
      });
      expect(r.status(), await r.text()).toBe(201);
      return (await r.json()) as { id: string; fileNumber: string };
    };
    const kept = await create({});
    const duplicate = await create({ confirmDuplicate: true });
    await page.goto(`/usagers/${kept.id}?onglet=fusions`);
    await page.getByRole('heading', { name: 'Doublons probables sur le site' }).waitFor();
    await poll(() => page.locator('main').innerText()).toContain(`dossier n° ${duplicate.fileNumber}`);
    await page.getByRole('button', { name: 'Fusionner' }).first().click();
    await page.getByLabel(/Motif de la fusion/).fill('Même personne, dossier créé deux fois à l’accueil');
    await page.getByRole('button', { name: 'Confirmer la fusion' }).click();
    await poll(() => page.locator('main').innerText()).toContain('Fusions de ce dossier');
    await poll(() => page.locator('main').innerText()).toContain(
      `Dossier n° ${duplicate.fileNumber} fusionné dans le n° ${kept.fileNumber}`,
    );
    const absorbed = async () =>
      ((await (await page.request.get(`/api/usagers/${duplicate.id}`)).json()) as { data?: { status?: string } }).data
        ?.status;
    expect(await absorbed()).not.toBe('actif');
    await page.getByRole('button', { name: /Annuler la fusion/ }).click();
    await poll(() => page.locator('main').innerText()).toContain('annulée le');
    await poll(absorbed).toBe('actif');
    await page.context().close();
  });
});
