import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

/** Partage of sensitive sections (docs/api.md, Partage and consents): an open sensitive section can be shared, and only what is shared reaches the extract. */

let t: TestApp;
let ref: Session;
let mate: Session;
let fileId = '';
const REASON = { reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' };
const SANTE = { healthCoverage: 'puma_css', gp: { declared: true, name: 'Dr Zorglub-Martin' } };
const LANGUE = { interpreterLanguage: { needed: true, language: 'Tigrinya' } };
const share = (sections: string[]) => ({
  recipientName: 'Dr Lebon',
  recipientOrganisation: 'CMP Paris 18e',
  legalGround: 'csp_l1110_4',
  sections,
  sharedDate: '2026-11-20',
  personInformed: true,
});

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  mate = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  fileId = (await createUsagerAs(t.app, ref, minimalUsager({ birthName: 'Sensiblenom' }))).id;
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? ref.get : ref.send, ...(payload ? { payload } : {}) });
const shares = async () =>
  (await t.db.selectFrom('file_share').select('id').where('case_file_id', '=', fileId).execute()).length;

describe('sharing a sensitive section', () => {
  it('a closed section cannot be shared: 422 in French, nothing recorded', async () => {
    const res = await call('POST', `/api/usagers/${fileId}/shares`, share(['identity', 'sante']));
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({
      code: 'section_not_open',
      message: expect.stringMatching(/Santé.*non ouverte/),
    });
    expect(await shares()).toBe(0);
  });

  it('an open section is shared: the extract holds its content, not the content of another open section', async () => {
    for (const [section, data] of [
      ['sante', SANTE],
      ['langue', LANGUE],
    ] as const) {
      expect((await call('POST', `/api/usagers/${fileId}/sections/${section}/open`, REASON)).statusCode).toBeLessThan(
        300,
      );
      expect((await call('PUT', `/api/usagers/${fileId}/sections/${section}`, { version: 0, data })).statusCode).toBe(
        200,
      );
    }
    const created = await call('POST', `/api/usagers/${fileId}/shares`, share(['identity', 'sante']));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().sections.map((x: { code: string }) => x.code)).toEqual(['identity', 'sante']);
    const before = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', fileId).execute();
    const pdf = await call('GET', `/api/usagers/${fileId}/shares/${created.json().id}/extract.pdf`);
    expect(pdf.statusCode).toBe(200);
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('Zorglub-Martin');
    expect(text).toMatch(/Santé/);
    expect(text).not.toContain('Tigrinya');
    expect(text).not.toContain('complémentaire santé solidaire'); // the opening reason is not part of the section shared
    const after = await t.db.selectFrom('access_log').select('part').where('case_file_id', '=', fileId).execute();
    expect(after.length - before.length).toBe(2);
    expect(after.map((r) => r.part)).toContain('section_sante');
    expect(after.map((r) => r.part)).not.toContain('section_langue');
  });

  it('a member of the team who does not read the section gets the extract without it, and cannot share it', async () => {
    const shared = (await call('GET', `/api/usagers/${fileId}/shares`)).json().shares as { id: string }[];
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/usagers/${fileId}/shares/${shared[0]?.id}/extract.pdf`,
      headers: mate.get,
    });
    expect(pdf.statusCode).toBe(200);
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).not.toContain('Zorglub-Martin');
    expect(text).toContain('réservée aux référents');
    const again = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/shares`,
      headers: mate.send,
      payload: share(['identity', 'sante']),
    });
    expect(again.statusCode).toBe(422);
    expect(again.json().error.code).toBe('section_not_shareable');
  });
});
