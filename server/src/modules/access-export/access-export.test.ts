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
import type { JalonModule } from '../../platform/module.js';
import { addTestModule } from '../../platform/installed.js';

/** Access export (RGPD art. 15): the whole file for the person, as JSON and as a readable French PDF. */

let t: TestApp;
const u: Record<string, TestUser> = {};
const s: Record<string, Session> = {};
let fileId = '';
let fileNumber = '';
/** A private note of the co-référent: only its author and the DPO's export may show it. */
const NOTE_OF_COREF = 'Confidence de la personne au co-référent seulement.';
/** A private note of the référent. */
const NOTE_OF_REF = 'Rappel du bailleur à prévoir.';
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
  u.coref = await buildUser(t.db, 'travailleur_social', a.id, [a.teamB]);
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
  const set = await t.app.inject({
    method: 'PUT',
    url: `/api/usagers/${fileId}/referents`,
    headers: ref.send,
    payload: { referentId: u.ref?.id, coReferentIds: [u.coref?.id] },
  });
  if (set.statusCode !== 200) throw new Error(`referents failed ${set.statusCode} ${set.body}`);
  const corefNote = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/journal`,
    headers: (s.coref as Session).send,
    payload: {
      type: 'entretien_bureau',
      occurredAt: '2026-11-21T15:00:00+01:00',
      note: NOTE_OF_COREF,
      visibility: 'privee',
    },
  });
  if (corefNote.statusCode !== 201) throw new Error(`coref note failed ${corefNote.statusCode} ${corefNote.body}`);
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
const record = (who: string, payload: object, id = fileId) =>
  t.app.inject({ method: 'POST', url: `/api/usagers/${id}/access-requests`, headers: s[who]?.send, payload });
const produce = (who: string, requestId: string, format = 'json') =>
  t.app.inject({
    method: 'GET',
    url: `/api/dpo/access-requests/${requestId}/export?format=${format}`,
    headers: s[who]?.get,
  });
const notes = (body: string) => (JSON.parse(body) as { journal: { note: string | null }[] }).journal.map((e) => e.note);
const REQUEST = { requester: 'personne', receivedOn: '2026-11-30', identityCheck: 'piece_presentee' };
const notificationsOf = async (who: string) =>
  (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: s[who]?.get })).json().items as {
    kind: string;
    text: string;
  }[];

describe('the référent’s print for the person', () => {
  it('JSON: identity, household, core items, the notes the référent reads, consultations without names, shares', async () => {
    const res = await get('ref');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-disposition']).toContain(`impression-personne-${fileNumber}`);
    const x = JSON.parse(res.body);
    expect(x.file.person).toMatchObject({ birthName: 'Ferrandou', firstNames: 'Maëlys' });
    expect(x.file.full.identifiers.cafNumber).toBe('7654321');
    expect(x.file.full.household.members.map((m: { firstNames: string }) => m.firstNames)).toContain('Noé');
    // The co-référent's private note is not the référent's to read: its entry is there, its note is not.
    expect(notes(res.body)).toEqual(['Dossier FSL préparé ensemble.', NOTE_OF_REF, null]);
    expect(res.body).not.toContain(NOTE_OF_COREF);
    expect(x.request).toBeNull();
    const roles = x.consultations.map(
      (c: { role: { code: string }; siteName: string }) => `${c.role.code}@${c.siteName}`,
    );
    expect(roles).toContain('travailleur_social@EPS Paris 10e');
    expect(JSON.stringify(x.consultations)).not.toMatch(/Agent /);
    expect(x.shares).toMatchObject([
      { recipient: 'CMP Paris 18e', sharedOn: '2026-11-22', personInformed: true, sections: ['État civil'] },
    ]);
  });

  it('the co-référent’s print holds the co-référent’s note, never the référent’s private one', async () => {
    const res = await get('coref');
    expect(res.statusCode, res.body).toBe(200);
    expect(notes(res.body)).toEqual(['Dossier FSL préparé ensemble.', null, NOTE_OF_COREF]);
    expect(res.body).not.toContain(NOTE_OF_REF);
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
    const raw = await t.db
      .selectFrom('case_file_section')
      .select('payload')
      .where('case_file_id', '=', fileId)
      .where('section', '=', 'sante')
      .executeTakeFirstOrThrow();
    expect(raw.payload).not.toContain('Zorglub');
  });

  it('PDF: a readable French document with the référent’s notes and the consultations', async () => {
    const res = await get('ref', 'pdf');
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
      NOTE_OF_REF,
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
      'délégué à la protection des données',
    ])
      expect(text).toContain(part);
    expect(text).not.toContain(NOTE_OF_COREF);
    expect(text.slice(text.indexOf('Consultations de votre dossier'))).not.toMatch(/Agent (travailleur|responsable)/);
  });

  it('is audited and access-logged', async () => {
    await get('ref');
    const audit = await t.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'usager.access_print')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(audit.map((a) => a.actor_id)).toContain(u.ref?.id);
    const log = await t.db
      .selectFrom('access_log')
      .select('actor_id')
      .where('part', '=', 'access_print')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(log.map((a) => a.actor_id)).toContain(u.ref?.id);
  });

  it('the référents only: the responsable, colleagues, a motivated access and the DPO get nothing', async () => {
    const before = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'usager.access_print')
      .executeTakeFirstOrThrow();
    expect((await get('resp')).statusCode).toBe(403);
    expect((await get('colleague')).statusCode).toBe(403);
    expect((await get('sec')).statusCode).toBe(403);
    expect((await get('tsB')).statusCode).toBe(403); // visible through the grant, not printable
    expect((await get('respB')).statusCode).toBe(404);
    expect((await get('dpo')).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/usagers/${fileId}/access-export` })).statusCode).toBe(401);
    const bad = await get('ref', 'docx');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_error');
    const after = await t.db
      .selectFrom('audit_event')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('action', '=', 'usager.access_print')
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});

describe('access requests and the DPO’s export', () => {
  it('a référent records a request: who asked, when, how identity was checked; due one month later', async () => {
    const res = await record('ref', { ...REQUEST, identityNote: 'Carte nationale d’identité' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileNumber,
      requester: { code: 'personne', label: 'La personne elle-même' },
      receivedOn: '2026-11-30',
      dueOn: '2026-12-30',
      identityCheck: { code: 'piece_presentee' },
      identityNote: 'Carte nationale d’identité',
      producedAt: null,
    });
    // The other référent learns of it.
    const items = await notificationsOf('coref');
    expect(items.some((n) => n.kind === 'access_request' && n.text.includes('avant le 30/12/2026'))).toBe(true);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'diff'])
      .where('action', '=', 'access_request.create')
      .where('target_id', '=', res.json().id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(u.ref?.id);
    expect(JSON.stringify(audit.diff)).not.toContain('Carte nationale');
  });

  it('the responsable and the DPO record too; others are refused; bad input is a French 400', async () => {
    expect((await record('resp', REQUEST)).statusCode).toBe(201);
    expect(
      (await record('dpo', { ...REQUEST, requester: 'representant', representativeName: 'UDAF 75' })).statusCode,
    ).toBe(201);
    expect((await record('colleague', REQUEST)).statusCode).toBe(403);
    expect((await record('tsB', REQUEST)).statusCode).toBe(403);
    expect((await record('respB', REQUEST)).statusCode).toBe(404);
    const bad = await record('ref', { ...REQUEST, requester: 'representant' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Nom du représentant');
  });

  it('the DPO’s list: the deadline and an overdue flag; for the DPO only', async () => {
    const late = await record('ref', { ...REQUEST, receivedOn: '2026-01-31' });
    expect(late.json().dueOn).toBe('2026-02-28');
    const res = await t.app.inject({ method: 'GET', url: '/api/dpo/access-requests', headers: s.dpo?.get });
    expect(res.statusCode).toBe(200);
    const item = res.json().items.find((i: { id: string }) => i.id === late.json().id);
    expect(item).toMatchObject({ overdue: true, fileNumber, dueOn: '2026-02-28', producedAt: null });
    expect(res.json().items[0].id).toBe(late.json().id); // the most urgent first
    for (const who of ['ref', 'resp', 'coref'])
      expect(
        (await t.app.inject({ method: 'GET', url: '/api/dpo/access-requests', headers: s[who]?.get })).statusCode,
      ).toBe(403);
  });

  it('the DPO produces the whole file, every private note included; référents notified once; audited and logged', async () => {
    const id = (await record('ref', REQUEST)).json().id as string;
    const extra: JalonModule = {
      name: 'test-module',
      accessExport: async () => ({
        key: 'essai',
        title: 'Partie d’un module',
        items: [[{ label: 'Clé', value: 'Valeur' }]],
      }),
    };
    const remove = addTestModule(extra);
    const res = await produce('dpo', id).finally(remove);
    expect(res.statusCode, res.body).toBe(200);
    expect(notes(res.body)).toEqual(['Dossier FSL préparé ensemble.', NOTE_OF_REF, NOTE_OF_COREF]);
    const x = JSON.parse(res.body);
    expect(x.request).toMatchObject({ receivedOn: '2026-11-30', dueOn: '2026-12-30' });
    expect(x.parts).toEqual([
      { key: 'essai', title: 'Partie d’un module', items: [[{ label: 'Clé', value: 'Valeur' }]] },
    ]);
    const pdf = await pdfText((await produce('dpo', id, 'pdf')).rawPayload);
    expect(pdf.text).toContain(NOTE_OF_COREF);
    for (const who of ['ref', 'coref'])
      expect((await notificationsOf(who)).filter((n) => n.text.includes('a produit l’export')).length).toBe(1);
    const list = (
      await t.app.inject({ method: 'GET', url: '/api/dpo/access-requests?status=produced', headers: s.dpo?.get })
    ).json();
    expect(list.items.find((i: { id: string }) => i.id === id)?.producedAt).not.toBeNull();
    const audits = await t.db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('action', '=', 'access_request.produce')
      .where('target_id', '=', id)
      .execute();
    expect(audits.map((a) => a.actor_id)).toEqual([u.dpo?.id, u.dpo?.id]);
    const log = await t.db
      .selectFrom('access_log')
      .select('actor_id')
      .where('part', '=', 'access_export')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(log.map((l) => l.actor_id)).toContain(u.dpo?.id);
  });

  it('no export route gives the responsable or a co-référent another author’s private note', async () => {
    const id = (await record('resp', REQUEST)).json().id as string;
    for (const who of ['resp', 'ref', 'coref', 'colleague', 'tsB']) {
      const responses = [await get(who), await get(who, 'pdf'), await produce(who, id), await produce(who, id, 'pdf')];
      for (const r of responses) {
        const body = r.headers['content-type'] === 'application/pdf' ? (await pdfText(r.rawPayload)).text : r.body;
        if (who !== 'coref') expect(body).not.toContain(NOTE_OF_COREF);
        if (who !== 'ref') expect(body).not.toContain(NOTE_OF_REF);
      }
      expect(responses[2]?.statusCode).toBe(403);
    }
    expect((await produce('dpo', '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('retention', () => {
  it('anonymisation drops the representative’s name and the identity note, keeps the dates', async () => {
    const { accessExportModule } = await import('./index.js');
    const rec = await record('dpo', {
      ...REQUEST,
      requester: 'representant',
      representativeName: 'Maître Palindrome',
      identityNote: 'Jugement de tutelle du 3 mars',
    });
    expect(rec.statusCode).toBe(201);
    await t.db
      .transaction()
      .execute((trx) => accessExportModule.retention?.anonymise?.(trx, fileId) ?? Promise.resolve());
    const row = await t.db
      .selectFrom('access_request')
      .selectAll()
      .where('id', '=', rec.json().id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ representative_name: null, identity_note: null, due_on: '2026-12-30' });
  });
});
