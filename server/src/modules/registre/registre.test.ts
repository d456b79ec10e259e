import { FIELD_CATALOGUE, PURPOSES, SECURITY_MEASURES, type Role } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, loginAs, type Session } from '../../test/factories.js';

/** The art. 30 register (domain.md §1.7): GET /api/admin/registre as Markdown and as a real PDF, admin and DPO only. */

let t: TestApp;
const s: Partial<Record<Role, Session>> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  for (const role of ['travailleur_social', 'secretaire', 'responsable', 'admin_fonctionnel', 'dpo'] as Role[]) {
    s[role] = await loginAs(
      t.app,
      await buildUser(
        t.db,
        role,
        ['admin_fonctionnel', 'dpo'].includes(role) ? null : site.id,
        role === 'travailleur_social' ? [site.teamA] : [],
      ),
    );
  }
});
afterAll(() => t.close());

const get = (role: Role, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/admin/registre${query}`, headers: (s[role] as Session).get });

/** Text of every page, through pdf.js (what a reader shows), whitespace collapsed. */
async function pdfText(bytes: Buffer): Promise<{ pages: number; text: string }> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdf = await getDocument({ data: new Uint8Array(bytes) }).promise;
  let text = '';
  for (let i = 1; i <= pdf.numPages; i++) {
    text += `${(await (await pdf.getPage(i)).getTextContent()).items.map((x) => ('str' in x ? x.str : '')).join(' ')} `;
  }
  return { pages: pdf.numPages, text: text.replace(/\s+/g, ' ') };
}
const squash = (x: string) => x.replace(/\s+/g, '');

describe('GET /api/admin/registre', () => {
  it('Markdown: the art. 30 entry and the per-field inventory, from the catalogue', async () => {
    const res = await get('dpo', '?format=md');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/markdown; charset=utf-8/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="registre-traitements-jalon-2026-11-25.md"');
    expect(res.body).toContain('## 1. Fiche de registre (RGPD art. 30)');
    expect(res.body).toContain('## 2. Inventaire des données pour l’AIPD (par champ)');
    for (const f of FIELD_CATALOGUE) expect(res.body).toContain(`| ${f.label} |`);
    expect((await get('admin_fonctionnel')).body).toBe(res.body); // md is the default
  });

  it('PDF: real bytes, pages that pdf.js reads, French text from the catalogue', async () => {
    const res = await get('admin_fonctionnel', '?format=pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(res.rawPayload.subarray(-8).toString('latin1')).toContain('%%EOF');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThan(2);
    const flat = squash(text);
    for (const needle of [
      'Registre des activités de traitement',
      'Fiche de registre (RGPD art. 30)',
      'Généré le 25/11/2026',
      'Nom de naissance',
      'Santé — section facultative',
      'Non collectée : aucun champ',
      PURPOSES.accompagnement,
      SECURITY_MEASURES[6] as string,
    ]) {
      expect(flat, needle).toContain(squash(needle));
    }
    for (const f of FIELD_CATALOGUE) expect(flat, f.label).toContain(squash(f.label));
  });

  it('anyone else: 404, anonymous: 401; a bad format: 400', async () => {
    for (const role of ['travailleur_social', 'secretaire', 'responsable'] as Role[]) {
      for (const q of ['', '?format=pdf']) {
        const res = await get(role, q);
        expect(res.statusCode, role).toBe(404);
        expect(res.json().error.code).toBe('not_found');
      }
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/admin/registre?format=pdf' })).statusCode).toBe(401);
    const bad = await get('dpo', '?format=docx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_error', message: expect.any(String) });
  });
});
