import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

/** Letters from templates (docs/api.md, "Courriers"). */

let t: TestApp;
let admin: Session;
let ref: Session;
let sec: Session;
let stranger: Session;
let siteId = '';

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  siteId = site.id;
  await t.db
    .updateTable('site')
    .set({
      address: '12 rue des Lilas, 75020 Paris',
      phone: '01 40 00 00 00',
      opening_hours: 'du lundi au vendredi, 9 h – 17 h',
    })
    .where('id', '=', site.id)
    .execute();
  const other = await buildSite(t.db, { code: 'AUTRE', name: 'Autre site' });
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  sec = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
  stranger = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]));
});
afterAll(() => t.close());

async function appointment(at: string, body = minimalUsager()) {
  const f = await createUsagerAs(t.app, ref, body);
  const r = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${f.id}/journal`,
    headers: ref.send,
    payload: { type: 'rendez_vous', occurredAt: at, durationMinutes: 30, place: 'bureau' },
  });
  expect(r.statusCode, r.body).toBe(201);
  return { fileId: f.id, entryId: (r.json() as { id: string }).id };
}

describe('letter templates', () => {
  it('refuses a template naming an unknown placeholder: 422 in French, nothing saved', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/letter-templates',
      headers: admin.send,
      payload: {
        code: 'convocation',
        title: 'Convocation',
        text: 'Bonjour {{usager.nom}}, votre IBAN {{usager.iban}}',
      },
    });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({
      error: { code: 'unknown_placeholder', message: 'Champ inconnu : {{usager.iban}}' },
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/admin/letter-templates', headers: admin.get });
    const items = (list.json() as { items: { code: string; version: number }[] }).items;
    expect(items.filter((i) => i.code === 'convocation').map((i) => i.version)).toEqual([1]);
  });

  it('saves a new version, used by the next convocation; audited; refused to a worker', async () => {
    const r = await t.app.inject({
      method: 'POST',
      url: '/api/admin/letter-templates',
      headers: admin.send,
      payload: {
        code: 'convocation',
        title: 'Convocation',
        text: 'Version deux : {{usager.nom}} est attendu·e le {{rdv.date}} à {{rdv.heure}}, {{rdv.lieu}}.',
      },
    });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json()).toMatchObject({ version: 2 });
    const audited = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'letter_template.save')
      .execute();
    expect(audited).toHaveLength(1);
    const { entryId } = await appointment('2026-12-14T13:30:00Z', minimalUsager({ firstNames: 'Inès' }));
    const pdf = await t.app.inject({
      method: 'GET',
      url: `/api/appointments/${entryId}/convocation.pdf`,
      headers: sec.get,
    });
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('Version deux');
    expect(text).toContain('lundi 14 décembre 2026 à 14 h 30, Site ');
    expect(text).toContain('12 rue des Lilas');
    expect(text).toContain('Page 1 / 1');
    const worker = await t.app.inject({
      method: 'POST',
      url: '/api/admin/letter-templates',
      headers: ref.send,
      payload: { code: 'convocation', title: 'x', text: 'y' },
    });
    expect(worker.statusCode).toBe(403);
  });
});

describe('convocation', () => {
  it('is 404 to a worker of another site, and the read is access-logged', async () => {
    const { fileId, entryId } = await appointment('2026-12-15T09:00:00Z');
    const far = await t.app.inject({
      method: 'GET',
      url: `/api/appointments/${entryId}/convocation.pdf`,
      headers: stranger.get,
    });
    expect(far.statusCode).toBe(404);
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/appointments/${entryId}/convocation.pdf`,
      headers: ref.get,
    });
    expect(ok.statusCode).toBe(200);
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', fileId)
      .where('part', '=', 'courrier')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
  });

  it('sends a letter: the PDF is kept as a "courrier" document of the file and listed in letter_sent', async () => {
    const { fileId, entryId } = await appointment('2026-12-16T08:00:00Z');
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/letters`,
      headers: ref.send,
      payload: { templateCode: 'convocation', entryId },
    });
    expect(r.statusCode, r.body).toBe(201);
    const docs = await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/documents`, headers: ref.get });
    const items = (docs.json() as { items: { id: string; type: string; entryId: string | null }[] }).items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ type: 'courrier', entryId });
    const content = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${items[0]?.id}/content`,
      headers: ref.get,
    });
    expect((await pdfText(content.rawPayload)).text).toContain('mercredi 16 décembre 2026 à 9 h 00');
    const missing = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/letters`,
      headers: ref.send,
      payload: { templateCode: 'convocation' },
    });
    expect(missing.statusCode).toBe(422);
  });

  it('prints the day’s convocations of the site in one PDF, without another site’s', async () => {
    await appointment('2026-12-17T08:00:00Z', minimalUsager({ firstNames: 'Aurore' }));
    await appointment('2026-12-17T15:00:00Z', minimalUsager({ firstNames: 'Basile' }));
    await appointment('2026-12-18T08:00:00Z', minimalUsager({ firstNames: 'Céleste' }));
    const r = await t.app.inject({
      method: 'GET',
      url: '/api/site/convocations.pdf?date=2026-12-17',
      headers: sec.get,
    });
    expect(r.statusCode, r.body).toBe(200);
    const { text } = await pdfText(r.rawPayload);
    expect(text).toContain('Aurore');
    expect(text).toContain('Basile');
    expect(text).not.toContain('Céleste');
    const far = await t.app.inject({
      method: 'GET',
      url: '/api/site/convocations.pdf?date=2026-12-17',
      headers: stranger.get,
    });
    expect((await pdfText(far.rawPayload)).text).not.toContain('Aurore');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/site/convocations.pdf?date=17/12/2026',
      headers: sec.get,
    });
    expect(bad.statusCode).toBe(400);
    expect(siteId).not.toBe('');
  });
});
