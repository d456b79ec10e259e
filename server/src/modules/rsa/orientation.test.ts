import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, RSA_BLOCK } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';

/** The RSA orientation workflow and the contrat d'engagement (docs/api.md, "RSA") through the HTTP API. */

let t: TestApp;
let s: Record<'ref' | 'mate' | 'admin', Session & { id: string }>;
let actionIds: string[];

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const login = async () => {
    const user = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
    return { ...(await loginAs(t.app, user)), id: user.id };
  };
  const admin = await buildUser(t.db, 'admin_fonctionnel', null);
  s = { ref: await login(), mate: await login(), admin: { ...(await loginAs(t.app, admin)), id: admin.id } };
  actionIds = (await t.db.selectFrom('rsa_action_ref').select('id').orderBy('label').execute()).map((r) => r.id);
});
afterAll(() => t.close());

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });

const BLOCK = {
  ...RSA_BLOCK,
  dateOuverture: '2026-09-01',
  numAllocataire: '7654321',
  sitpersdemrsa: '0107',
  ddSince: '2026-09-01',
};

async function rsaFile(block: object = BLOCK) {
  const file = await createUsagerAs(t.app, s.ref);
  const person = (await call(s.ref, 'GET', `/api/usagers/${file.id}/rsa`)).json().persons[0];
  await call(s.ref, 'PUT', `/api/usagers/${file.id}/rsa/members/${person.memberId}`, block);
  const base = `/api/usagers/${file.id}/rsa`;
  return {
    fileId: file.id,
    orient: (who: Session, body: object) => call(who, 'POST', `${base}/members/${person.memberId}/orientation`, body),
    contract: (body: object) => call(s.ref, 'POST', `${base}/members/${person.memberId}/contracts`, body),
    read: async () => (await call(s.ref, 'GET', base)).json().persons[0],
  };
}
const DECISION = { to: 'orientee', kind: 'professionnelle', organisme: 'france_travail', decidedOn: '2026-10-20' };

describe('orientation', () => {
  it('is requested, then decided by someone else (maker-checker), with its delay against the target in force', async () => {
    const f = await rsaFile();
    expect((await f.read()).orientation.allowed).toEqual(['demandee']);
    expect((await f.orient(s.ref, { to: 'demandee', requestedOn: '2026-09-10' })).statusCode).toBe(200);
    const own = await f.orient(s.ref, DECISION);
    expect(own.statusCode).toBe(422);
    expect(own.json().error.code).toBe('maker_checker');
    const mismatch = await f.orient(s.mate, { ...DECISION, organisme: 'casvp' });
    expect(mismatch.json().error.code).toBe('transition_not_allowed');
    expect(mismatch.json().error.message).toContain('ne correspond pas au type');
    const early = await f.orient(s.mate, { ...DECISION, decidedOn: '2026-09-01' });
    expect(early.json().error.code).toBe('rsa_decision_before_request');
    const ok = await f.orient(s.mate, { ...DECISION, notifiedOn: '2026-10-22' });
    expect(ok.statusCode, ok.body).toBe(200);
    const o = (await f.read()).orientation;
    expect(o).toMatchObject({
      state: { code: 'orientee', label: 'Orientée' },
      kind: { code: 'professionnelle' },
      organisme: { code: 'france_travail', label: 'France Travail' },
      // 1 Sept → 20 Oct: 49 days against 4 weeks (the default target): late.
      delay: { days: 49, targetDays: 28, late: true, decided: true, dueOn: '2026-09-29' },
      signatureDueOn: '2026-11-22',
    });
    expect(o.history.map((h: { to: string }) => h.to)).toEqual(['demandee', 'orientee']);
    const kept = await t.db
      .selectFrom('rsa_orientation_decision')
      .select('target_weeks')
      .where('case_file_id', '=', f.fileId)
      .executeTakeFirstOrThrow();
    expect(kept.target_weeks).toBe(4);
  });

  it('uses the target delay in force: a later parameter version changes the decisions taken after it', async () => {
    await t.db
      .insertInto('parameter_version')
      .values({
        name: 'rsa.orientation.targetWeeks',
        value: 8,
        valid_from: '2026-10-01',
        created_by: s.ref.id,
        created_at: new Date(),
      })
      .execute();
    const f = await rsaFile();
    await f.orient(s.ref, { to: 'demandee', requestedOn: '2026-09-10' });
    await f.orient(s.mate, DECISION);
    const kept = await t.db
      .selectFrom('rsa_orientation_decision')
      .select('target_weeks')
      .where('case_file_id', '=', f.fileId)
      .executeTakeFirstOrThrow();
    expect(kept.target_weeks).toBe(8);
    await t.db.deleteFrom('parameter_version').where('name', '=', 'rsa.orientation.targetWeeks').execute();
  });

  it('refuses a request for a person not soumis aux droits et devoirs, and a transition outside the table', async () => {
    const f = await rsaFile({ ...BLOCK, toppersdrodevorsa: false });
    const r = await f.orient(s.ref, { to: 'demandee', requestedOn: '2026-09-10' });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toContain('pas soumise aux droits et devoirs');
    const g = await rsaFile();
    expect((await g.orient(s.mate, DECISION)).json().error.code).toBe('transition_not_allowed');
    expect(
      (await g.orient(s.ref, { to: 'reorientation_demandee', requestedOn: '2026-09-10', reason: 'x' })).statusCode,
    ).toBe(422);
  });

  it('re-orients with the équipe pluridisciplinaire’s reference, kept on the new decision', async () => {
    const f = await rsaFile();
    await f.orient(s.ref, { to: 'demandee', requestedOn: '2026-09-10' });
    await f.orient(s.mate, DECISION);
    const noReason = await f.orient(s.ref, { to: 'reorientation_demandee', requestedOn: '2026-11-02' });
    expect(noReason.statusCode).toBe(400);
    const req = await f.orient(s.ref, {
      to: 'reorientation_demandee',
      requestedOn: '2026-11-02',
      reason: 'Difficultés de santé',
      epReference: 'EP du 28/10/2026 n° 12',
    });
    expect(req.statusCode, req.body).toBe(200);
    expect(
      (await f.orient(s.ref, { ...DECISION, kind: 'sociale', organisme: 'casvp', decidedOn: '2026-11-05' })).json()
        .error.code,
    ).toBe('maker_checker');
    await f.orient(s.mate, { ...DECISION, kind: 'sociale', organisme: 'casvp', decidedOn: '2026-11-05' });
    const o = (await f.read()).orientation;
    expect(o.decisions).toHaveLength(2);
    expect(o.decisions[1]).toMatchObject({
      reorientation: true,
      epReference: 'EP du 28/10/2026 n° 12',
      organisme: { code: 'casvp' },
    });
    const audits = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('case_file_id', '=', f.fileId)
      .where('action', '=', 'rsa_orientation.transition')
      .execute();
    expect(audits).toHaveLength(4);
  });
});

describe('contrat d’engagement', () => {
  const CONTRACT = { kind: 'contrat_engagement', startOn: '2026-11-02', durationMonths: 6, weeklyHours: 15 };
  it('holds 15 hours a week, or fewer with a reason; 3/6/9/12 months; ends the day before the same date', async () => {
    const f = await rsaFile();
    const few = await f.contract({ ...CONTRACT, weeklyHours: 10 });
    expect(few.statusCode).toBe(422);
    expect(few.json().error.code).toBe('rsa_weekly_hours');
    const other = await f.contract({ ...CONTRACT, weeklyHours: 0, hoursReason: 'autre' });
    expect(other.json().error.message).toContain('Précisez');
    expect((await f.contract({ ...CONTRACT, durationMonths: 5 })).statusCode).toBe(400);
    const waived = await f.contract({ ...CONTRACT, weeklyHours: 0, hoursReason: 'parent_isole' });
    expect(waived.statusCode, waived.body).toBe(201);
    const legacy = await f.contract({
      kind: 'cer',
      startOn: '2024-01-01',
      durationMonths: 12,
      weeklyHours: null,
      signedOn: '2024-01-01',
    });
    expect(legacy.statusCode).toBe(201);
    const cs = (await f.read()).contracts;
    expect(cs[0]).toMatchObject({
      endOn: '2027-05-01',
      hoursReason: { label: 'Parent isolé sans solution de garde' },
      inForce: false,
    });
    expect(cs[1]).toMatchObject({ kind: { code: 'cer' }, endOn: '2024-12-31' });
  });

  it('carries a plan d’action from the referential, with statuses; is signed once and renewed once', async () => {
    const f = await rsaFile();
    const created = await f.contract({ ...CONTRACT, actions: [{ actionId: actionIds[0] }] });
    const id = created.json().id as string;
    const plan = `/api/usagers/${f.fileId}/rsa/contracts/${id}/plan`;
    const twice = await call(s.ref, 'PUT', plan, { actions: [{ actionId: actionIds[1] }, { actionId: actionIds[1] }] });
    expect(twice.json().error.code).toBe('rsa_unknown_action');
    const saved = await call(s.ref, 'PUT', plan, {
      actions: [
        { actionId: actionIds[0], status: 'realisee' },
        { actionId: actionIds[1], status: 'en_cours', note: 'Inscrit' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const c = (await f.read()).contracts[0];
    expect(c.actions.map((a: { status: { label: string } }) => a.status.label).sort()).toEqual([
      'En cours',
      'Réalisée',
    ]);
    const sign = `/api/usagers/${f.fileId}/rsa/contracts/${id}/sign`;
    const future = await call(s.ref, 'POST', sign, { signedOn: '2099-01-01' });
    expect(future.json().error.code).toBe('rsa_signed_future');
    const foreignDoc = await call(s.ref, 'POST', sign, { signedOn: '2026-11-02', documentId: actionIds[0] });
    expect(foreignDoc.json().error.code).toBe('rsa_unknown_document');
    expect((await call(s.ref, 'POST', sign, { signedOn: '2026-11-02' })).statusCode).toBe(200);
    const renewal = await f.contract({ ...CONTRACT, startOn: '2027-05-02', renewalOf: id });
    expect(renewal.statusCode).toBe(201);
    const again = await f.contract({ ...CONTRACT, startOn: '2027-05-02', renewalOf: id });
    expect(again.json().error.code).toBe('rsa_already_renewed');
  });

  it('is printed from the letter template with its plan d’action; the signed copy is a document of the file', async () => {
    const f = await rsaFile();
    const refs = (await call(s.ref, 'GET', '/api/rsa/actions')).json().items as { id: string; label: string }[];
    const bilan = refs.find((r) => r.label === 'Bilan de santé');
    const id = (await f.contract({ ...CONTRACT, actions: [{ actionId: bilan?.id }] })).json().id as string;
    const pdf = await call(s.ref, 'GET', `/api/usagers/${f.fileId}/rsa/contracts/${id}/contract.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const { text } = await pdfText(pdf.rawPayload);
    expect(text).toContain('Contrat d’engagement');
    expect(text).toContain('Santé / Accéder aux soins : Bilan de santé (Prévue)');
    expect(text).toContain('15 heures par semaine');
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', f.fileId)
      .where('part', '=', 'courrier')
      .execute();
    expect(logged).toHaveLength(1);
    const b = 'rsaBoundary';
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${f.fileId}/documents`,
      headers: { ...s.ref.send, 'content-type': `multipart/form-data; boundary=${b}` },
      payload: Buffer.from(
        `--${b}\r\nContent-Disposition: form-data; name="type"\r\n\r\ncourrier\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="contrat-signe.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--${b}--\r\n`,
      ),
    });
    expect(up.statusCode, up.body).toBe(201);
    const signed = await call(s.ref, 'POST', `/api/usagers/${f.fileId}/rsa/contracts/${id}/sign`, {
      signedOn: '2026-11-02',
      documentId: up.json().id,
    });
    expect(signed.statusCode, signed.body).toBe(200);
    expect((await f.read()).contracts[0]).toMatchObject({ signedOn: '2026-11-02', signedDocumentId: up.json().id });
  });

  it('plans from a referential the administrator edits; an inactive action is no longer offered', async () => {
    const created = await call(s.admin, 'POST', '/api/admin/rsa/actions', {
      theme: 'Mobilité',
      objective: 'Se déplacer',
      label: 'Aide au permis de conduire',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(
      (await call(s.ref, 'POST', '/api/admin/rsa/actions', { theme: 'a', objective: 'b', label: 'c' })).statusCode,
    ).toBe(403);
    const offered = async () =>
      ((await call(s.ref, 'GET', '/api/rsa/actions')).json().items as { id: string }[]).map((r) => r.id);
    expect(await offered()).toContain(id);
    await call(s.admin, 'PUT', `/api/admin/rsa/actions/${id}`, {
      theme: 'Mobilité',
      objective: 'Se déplacer',
      label: 'Aide au permis de conduire',
      active: false,
    });
    expect(await offered()).not.toContain(id);
    const f = await rsaFile();
    expect((await f.contract({ ...CONTRACT, actions: [{ actionId: id }] })).json().error.code).toBe(
      'rsa_unknown_action',
    );
  });
});
