import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoEmail, expectAccessible, login, startE2E, type E2E } from './harness.js';

/** Logs and register (domain.md §1.7): the DPO searches the log by agent with a purpose, and downloads the register (a real PDF). */

let e: E2E;
beforeAll(async () => {
  e = await startE2E();
});
afterAll(() => e?.close());

describe('DPO: log search by agent and register of processing', () => {
  it('finds a named agent’s log-in with a stated purpose, and nothing without one', { timeout: 120_000 }, async () => {
    const worker = await login(e, 'ts1.eps18');
    await worker.context().close();

    const page = await login(e, 'dpo');
    await page.goto('/dpo');
    await page.getByRole('button', { name: 'Consulter le journal' }).click();
    await expect.poll(() => page.locator('main').innerText()).toContain('au moins 10 caractères');

    await page
      .getByRole('textbox', { name: 'Motif de la consultation' })
      .fill('Contrôle après une alerte de connexion inhabituelle');
    const option = await page
      .locator('select[name="userId"] option')
      .evaluateAll(
        (opts, email) =>
          (opts as HTMLOptionElement[]).find(
            (o) => o.textContent?.includes('Paris 18') && o.value && o.textContent.includes('Travailleur'),
          )?.value ?? email,
        demoEmail('ts1.eps18'),
      );
    await page.locator('select[name="userId"]').selectOption(option);
    const name =
      (await page.locator(`select[name="userId"] option[value="${option}"]`).innerText()).split(' — ')[0] ?? '';
    await page.getByRole('button', { name: 'Consulter le journal' }).click();
    const table = page.getByRole('table', { name: /Événements du journal de sécurité/ });
    await expect.poll(() => table.locator('tbody tr').count(), { timeout: 20_000 }).toBeGreaterThan(0);
    const agents = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(new Set(agents)).toEqual(new Set([name]));
    await expectAccessible(page, 'dpo search');
    await page.context().close();
  });

  it('the register links give a real PDF and Markdown; an agent gets 404', { timeout: 120_000 }, async () => {
    const page = await login(e, 'dpo');
    await page.goto('/dpo');
    const pdfLink = page.getByRole('link', { name: 'Télécharger le registre (PDF)' });
    const href = await pdfLink.getAttribute('href');
    expect(href).toBe('/api/admin/registre?format=pdf');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const md = await page.request.get(
      (await page.getByRole('link', { name: 'Télécharger le registre (Markdown)' }).getAttribute('href')) ?? '',
    );
    expect(await md.text()).toContain('# Registre des activités de traitement');
    await page.context().close();

    const worker = await login(e, 'responsable.eps18');
    expect((await worker.request.get('/api/admin/registre?format=pdf')).status()).toBe(404);
    await worker.context().close();
  });
});
