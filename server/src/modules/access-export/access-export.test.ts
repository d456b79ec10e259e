import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import {
  buildSite,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

/** Access export (RGPD art. 15): the whole file for the person, as JSON and as a readable French PDF. */

let t: TestApp;
const u: Record<string, TestUser> = {};
const s: Record<string, Session> = {};
let fileId = '';
let fileNumber = '';
const SANTE = {
  healthCoverage: 'puma_css',
  gp: { declared: true, name: 'Dr Zorglub-Martin' },
  disability: { recognised: true, startDate: '2024-01-01', endDate: '2029-01-01' },
};

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { name: 'EPS Paris 18e' });
  const b = await buildSite(t.db, { name: 'EPS Paris 10e' });
  u.ref = await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]);
  u.colleague = await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]);
  u.resp = await buildUser(t.db, 'responsable', a.id);
  u.sec = await buildUser(t.db, 'secretaire', a.id);
  u.tsB = await buildUser(t.db, 'travailleur_social', b.id, [b.teamA]);
  u.respB = await buildUser(t.db, 'responsable', b.id);
  u.dpo = await buildUser(t.db, 'dpo', null);
  for (const [k, v] of Object.entries(u)) s[k] = await loginAs(t.app, v);
  const ref = s.ref as Session;
  const file = await createUsagerAs(
    t.app,
    ref,
    minimalUsager({ birthName: 'Ferrandou', firstNames: 'Maëlys', cafNumber: '7654321', employmentStatus: '12' }),
  );
  fileId = file.id;
  fileNumber = file.fileNumber;
  const post = (url: string, payload: object) => t.app.inject({ method: 'POST', url, headers: ref.send, payload });
  await post(`/api/usagers/${fileId}/members`, {
    person: { birthName: 'Ferrandou', firstNames: 'Noé', birthDate: '2019-03-02' },
    relationship: '3',
    startDate: '2019-03-02',
    reason: 'naissance',
  });
  await post(`/api/usagers/${fileId}/journal`, {
    type: 'entretien_bureau',
    occurredAt: '2026-11-20T10:00:00+01:00',
    note: 'Dossier FSL préparé ensemble.',
    visibility: 'equipe',
  });
  await post(`/api/usagers/${fileId}/journal`, {
    type: 'appel_sortant',
    occurredAt: '2026-11-21T10:00:00+01:00',
    note: 'Rappel du bailleur à prévoir.',
    visibility: 'privee',
  });
  await post(`/api/usagers/${fileId}/shares`, {
    recipientOrganisation: 'CMP Paris 18e',
    legalGround: 'casf_l121_6_2',
    sections: ['identity'],
    sharedDate: '2026-11-22',
    personInformed: true,
  });
  await post(`/api/usagers/${fileId}/sections/sante/open`, {
    reasonCode: 'acces_droits',
    reasonText: 'Demande de complémentaire santé solidaire',
  });
  const filled = await t.app.inject({
    method: 'PUT',
    url: `/api/usagers/${fileId}/sections/sante`,
    headers: ref.send,
    payload: { version: 0, data: SANTE },
  });
  if (filled.statusCode !== 200) throw new Error(`section fill failed ${filled.statusCode} ${filled.body}`);
  await post(`/api/usagers/${fileId}/sections/langue/open`, {
    reasonCode: 'demande_personne',
    reasonText: 'Besoin d’un interprète',
  });
  await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/break-glass`,
    headers: (s.tsB as Session).send,
    payload: { reason: 'demande_usager', justification: 'La personne le demande à notre accueil' },
  });
  await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}`, headers: (s.tsB as Session).get });
}, 180_000);
afterAll(() => t.close());

const get = (who: string, format = 'json') =>
  t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/access-export?format=${format}`, headers: s[who]?.get });

describe('access export', () => {
  it('JSON: identity, household, core items, every note, consultations without names, shares', async () => {
    const res = await get('ref');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`acces-donnees-${fileNumber}`);
    const x = JSON.parse(res.body);
    expect(x.file.person).toMatchObject({ birthName: 'Ferrandou', firstNames: 'Maëlys' });
    expect(x.file.full.identifiers.cafNumber).toBe('7654321');
    expect(x.file.full.household.members.map((m: { firstNames: string }) => m.firstNames)).toContain('Noé');
    expect(x.journal.map((e: { note: string }) => e.note)).toEqual([
      'Dossier FSL préparé ensemble.',
      'Rappel du bailleur à prévoir.',
    ]);
    const roles = x.consultations.map(
      (c: { role: { code: string }; siteName: string }) => `${c.role.code}@${c.siteName}`,
    );
    expect(roles).toContain('travailleur_social@EPS Paris 10e');
    expect(JSON.stringify(x.consultations)).not.toMatch(/Agent /);
    expect(x.shares).toMatchObject([{ recipient: 'CMP Paris 18e', sharedOn: '2026-11-22', personInformed: true }]);
  });

  it('JSON: the opened sensitive sections, decrypted, with their reason and readable lines; closed ones absent', async () => {
    const x = JSON.parse((await get('ref')).body);
    expect(x.sections.map((s: { section: string }) => s.section)).toEqual(['langue', 'sante']);
    const sante = x.sections[1];
    expect(sante).toMatchObject({
      label: 'Santé',
      reasonLabel: 'Accès aux droits (démarche en cours)',
      reasonText: 'Demande de complémentaire santé solidaire',
      data: SANTE,
    });
    expect(sante.lines).toEqual([
      { label: 'Couverture maladie', value: 'Assurance maladie et Complémentaire santé solidaire' },
      { label: 'Médecin traitant', value: 'déclaré : Dr Zorglub-Martin' },
      {
        label: 'Handicap, reconnaissance MDPH (sans diagnostic)',
        value: 'reconnaissance MDPH, du 01/01/2024 au 01/01/2029',
      },
    ]);
    expect(x.sections[0]).toMatchObject({ section: 'langue', data: null, reasonText: 'Besoin d’un interprète' });
    expect(x.sections[0].lines.every((l: { value: string }) => l.value === 'non renseigné')).toBe(true);
    // The sealed columns stay sealed at rest: the export decrypted them.
    const raw = await t.db
      .selectFrom('case_file_section')
      .select('payload')
      .where('case_file_id', '=', fileId)
      .where('section', '=', 'sante')
      .executeTakeFirstOrThrow();
    expect(raw.payload).not.toContain('Zorglub');
  });

  it('PDF: a readable French document with the notes and the consultations', async () => {
    const res = await get('resp', 'pdf');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const { pages, text } = await pdfText(res.rawPayload);
    expect(pages).toBeGreaterThanOrEqual(1);
    for (const part of [
      'Vos données personnelles',
      `Dossier n° ${fileNumber}`,
      'Ferrandou',
      'Maëlys',
      'Noé',
      '7654321',
      'Dossier FSL préparé ensemble.',
      'Rappel du bailleur à prévoir.',
      'Sections complémentaires',
      'Santé',
      'Assurance maladie et Complémentaire santé solidaire',
      'Dr Zorglub-Martin',
      'reconnaissance MDPH, du 01/01/2024 au 01/01/2029',
      'Demande de complémentaire santé solidaire',
      'Langue française',
      'Consultations de votre dossier',
      'EPS Paris 10e',
      'Partages d’informations',
      'CMP Paris 18e',
    ])
      expect(text).toContain(part);
    // The référent is named in the file; the consultations never name a worker.
    expect(text.slice(text.indexOf('Consultations de votre dossier'))).not.toMatch(/Agent (travailleur|responsable)/);
  });

  it('is audited and access-logged', async () => {
    await get('ref');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'usager.access_export')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(u.ref?.id);
    const log = await t.db
      .selectFrom('access_log')
      .select('actor_id')
      .where('part', '=', 'access_export')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(log.map((a) => a.actor_id)).toContain(u.ref?.id);
  });

  it('only the référents and the site’s responsable: others 403 or 404, a motivated access is not enough', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'usager.access_export')
      .executeTakeFirstOrThrow();
    expect((await get('colleague')).statusCode).toBe(403);
    expect((await get('sec')).statusCode).toBe(403);
    expect((await get('tsB')).statusCode).toBe(403); // visible through the grant, not exportable
    expect((await get('respB')).statusCode).toBe(404);
    expect((await get('dpo')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/access-export` })).statusCode).toBe(401);
    const bad = await get('ref', 'docx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
    const after = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'usager.access_export')
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
