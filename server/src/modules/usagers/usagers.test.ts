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

let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let other: Awaited<ReturnType<typeof buildSite>>;
let ts: TestUser;
let colleague: TestUser;
let otherTeam: TestUser;
let s: Session;
let sColleague: Session;
let sOtherTeam: Session;
let sSecretary: Session;
let sOtherSite: Session;

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db, { name: 'EPS Paris 18e' });
  other = await buildSite(t.db, { name: 'EPS Paris 10e' });
  ts = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  colleague = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  otherTeam = await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]);
  s = await loginAs(t.app, ts);
  sColleague = await loginAs(t.app, colleague);
  sOtherTeam = await loginAs(t.app, otherTeam);
  sSecretary = await loginAs(t.app, await buildUser(t.db, 'secretaire', site.id));
  sOtherSite = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]));
});
afterAll(() => t.close());

const get = (sess: Session, url: string) => t.app.inject({ method: 'GET', url, headers: sess.get });
const count = async (
  table: 'audit_event' | 'access_log',
  where: { case_file_id: string; action?: string; part?: string },
) => {
  let q = t.db
    .selectFrom(table as 'audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('case_file_id', '=', where.case_file_id);
  if (where.action) q = q.where('action', '=', where.action);
  const r = await q.executeTakeFirstOrThrow();
  return Number(r.n);
};

describe('creating and reading a file', () => {
  it('creates with only nom, prénom and date de naissance; every item defaults to "Non renseigné"', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/usagers',
      headers: s.send,
      payload: { birthName: 'Lefèvre', firstNames: 'Hélène', birthDate: '1979-03-14' },
    });
    expect(res.statusCode).toBe(201);
    const { id, fileNumber } = res.json();
    expect(fileNumber).toMatch(/^\d{2}-\d{6}$/);
    const file = (await get(s, `/api/usagers/${id}`)).json();
    expect(file.data.person).toMatchObject({ birthName: 'Lefèvre', firstNames: 'Hélène', birthDate: '1979-03-14' });
    expect(file.data.full.situation.employmentStatus).toEqual({ code: 'NR', label: 'Non renseigné' });
    expect(file.data.full.household.familyType).toEqual({ code: 'NR', label: 'Non renseigné' });
    expect(file.data.referent.id).toBe(ts.id);
    expect(file.data.team.id).toBe(site.teamA);
    expect(file.data.full.household.members).toHaveLength(1);
    expect(file.data.full.household.members[0].relationship.code).toBe('1');
    expect(file.can).toMatchObject({ readFull: true, readConsultations: true, journal: 'worker', exportAccess: true });
    expect(file.can.entryTypes).toContain('note_synthese');
    expect((await get(s, '/api/auth/me')).json().can).toEqual({
      requestBreakGlass: true,
      createUsager: true,
      reviewBreakGlass: false,
      manageOrganisation: false,
      readAuditLog: false,
      listRetentionUpcoming: true,
      statistics: true,
      commissions: false,
      agenda: 'own',
      landing: 'search',
      todo: true,
      aidLateRepayments: true,
      referentByDefault: true,
      rsaEpSessions: true,
      planEpSession: false,
      imports: false,
    });
  });

  it('refuses a file without the three required items, in French, field by field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/usagers',
      headers: s.send,
      payload: { birthName: ' ', birthDate: '31/12/1980' },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.error.code).toBe('validation_error');
    expect(body.error.fields.birthName).toMatch(/obligatoire/);
    expect(body.error.fields.firstNames).toBeTruthy();
    expect(body.error.fields.birthDate).toMatch(/Date invalide/);
  });

  it('stores "Ne souhaite pas répondre" as its own code', async () => {
    const f = await createUsagerAs(t.app, s, minimalUsager({ educationLevel: 'REFUS', housingStatus: 'REFUS' }));
    const file = (await get(s, `/api/usagers/${f.id}`)).json();
    expect(file.data.full.situation.educationLevel).toEqual({ code: 'REFUS', label: 'Ne souhaite pas répondre' });
    expect(file.data.full.household.housingStatus.code).toBe('REFUS');
  });

  it('writes an audit row in the same transaction and an access-log row on every read', async () => {
    const f = await createUsagerAs(t.app, s, minimalUsager({ phone: '06 11 22 33 44' }));
    expect(await count('audit_event', { case_file_id: f.id, action: 'usager.create' })).toBe(1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['diff', 'actor_id'])
      .where('case_file_id', '=', f.id)
      .executeTakeFirstOrThrow();
    expect(audit.actor_id).toBe(ts.id);
    expect(JSON.stringify(audit.diff)).not.toContain('06 11 22 33 44');
    expect(JSON.stringify(audit.diff)).toContain('[masqué]');
    const before = await count('access_log', { case_file_id: f.id });
    await get(sOtherTeam, `/api/usagers/${f.id}`);
    await get(s, `/api/usagers/${f.id}`);
    const rows = await t.db
      .selectFrom('access_log')
      .select(['actor_id', 'part'])
      .where('case_file_id', '=', f.id)
      .orderBy('id')
      .execute();
    expect(rows.length).toBe(before + 2);
    expect(rows.slice(-2)).toEqual([
      { actor_id: otherTeam.id, part: 'general' },
      { actor_id: ts.id, part: 'full' },
    ]);
  });

  it('a rejected mutation writes nothing (no audit row, no change)', async () => {
    const f = await createUsagerAs(t.app, s);
    const auditBefore = await count('audit_event', { case_file_id: f.id });
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: sSecretary.send,
      payload: { situation: { employmentStatus: '11' } },
    });
    expect(res.statusCode).toBe(403);
    expect(await count('audit_event', { case_file_id: f.id })).toBe(auditBefore);
  });
});

describe('updating a file', () => {
  it('patches one section without touching the others, and bumps the version', async () => {
    const f = await createUsagerAs(t.app, s, minimalUsager({ employmentStatus: '11', educationLevel: '4' }));
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: s.send,
      payload: { version: 0, situation: { employmentStatus: '12' } },
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data.full.situation.employmentStatus.code).toBe('12');
    expect(body.data.full.situation.educationLevel.code).toBe('4');
    expect(body.data.version).toBe(1);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('case_file_id', '=', f.id)
      .where('action', '=', 'usager.update')
      .executeTakeFirstOrThrow();
    expect(audit.diff).toEqual({ employment_status: { from: '11', to: '12' } });
  });

  it('refuses a stale version with 409 and keeps the newer data', async () => {
    const f = await createUsagerAs(t.app, s);
    await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: s.send,
      payload: { version: 0, contact: { city: 'Paris' } },
    });
    const stale = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: sColleague.send,
      payload: { version: 0, contact: { city: 'Lyon' } },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await get(s, `/api/usagers/${f.id}`)).json().data.contact.city).toBe('Paris');
  });

  it('closes and reopens a file with a reason', async () => {
    const f = await createUsagerAs(t.app, s);
    const closed = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: s.send,
      payload: { status: 'clos', closingReason: 'Déménagement hors de Paris' },
    });
    expect(closed.json().data.status).toBe('clos');
    expect(closed.json().data.full.closingReason).toBe('Déménagement hors de Paris');
    const mine = (await get(s, '/api/usagers/mine')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).not.toContain(f.id);
    const reopened = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}`,
      headers: s.send,
      payload: { status: 'actif' },
    });
    expect(reopened.json().data.status).toBe('actif');
    expect(await count('audit_event', { case_file_id: f.id, action: 'usager.close' })).toBe(1);
  });
});

describe('search', () => {
  it('finds a file by a misspelled, accent-less, lower-case name', async () => {
    const f = await createUsagerAs(t.app, s, {
      birthName: 'Lévêque-Dubreuil',
      firstNames: 'Éloïse',
      birthDate: '1990-07-08',
    });
    for (const q of ['leveque', 'LEVEQUE dubreuil', 'levesque', 'eloise leveque', 'dubreuil']) {
      const res = (await get(s, `/api/usagers/search?q=${encodeURIComponent(q)}`)).json();
      expect(
        res.results.map((r: { id: string }) => r.id),
        q,
      ).toContain(f.id);
    }
  });

  it('finds by date of birth (jj/mm/aaaa) and by file number', async () => {
    const f = await createUsagerAs(t.app, s, { birthName: 'Quintard', firstNames: 'Noé', birthDate: '1961-11-02' });
    const byDate = (await get(s, '/api/usagers/search?q=02/11/1961')).json();
    expect(byDate.results.map((r: { id: string }) => r.id)).toContain(f.id);
    const byNumber = (await get(s, `/api/usagers/search?q=${f.fileNumber}`)).json();
    expect(byNumber.results.map((r: { id: string }) => r.id)).toEqual([f.id]);
  });

  it('requires at least 2 characters', async () => {
    const res = await get(s, '/api/usagers/search?q=a');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/2 caractères/);
  });

  it('paginates', async () => {
    for (let i = 0; i < 3; i++)
      await createUsagerAs(t.app, s, { birthName: 'Paginot', firstNames: `P${i}`, birthDate: '1970-01-01' });
    const p1 = (await get(s, '/api/usagers/search?q=paginot&limit=2')).json();
    const p2 = (await get(s, '/api/usagers/search?q=paginot&limit=2&page=2')).json();
    expect(p1.results).toHaveLength(2);
    expect(p1.hasMore).toBe(true);
    expect(p2.results.length).toBeGreaterThanOrEqual(1);
    expect(p2.results.map((r: { id: string }) => r.id)).not.toContain(p1.results[0].id);
  });

  it('shows a worker of another site only the minimal card, and the file answers 404', async () => {
    const f = await createUsagerAs(t.app, s, {
      birthName: 'Ferrandou',
      firstNames: 'Maëlys',
      birthDate: '1988-05-05',
      phone: '06 00 00 00 01',
    });
    const res = (await get(sOtherSite, '/api/usagers/search?q=ferrandou')).json();
    expect(res.results).toEqual([]);
    // The file id is on the card only as the handle of a motivated access (docs/api.md, Motivated access); it opens nothing by itself.
    expect(res.elsewhere).toEqual([{ displayName: 'FERRANDOU Maëlys', siteName: 'EPS Paris 18e', caseFileId: f.id }]);
    expect(
      JSON.stringify({
        ...res,
        elsewhere: res.elsewhere.map(({ caseFileId: _, ...card }: { caseFileId: string }) => card),
      }),
    ).not.toContain(f.id);
    expect((await get(sOtherSite, `/api/usagers/${f.id}`)).statusCode).toBe(404);
  });

  it('finds a household member and names them', async () => {
    const f = await createUsagerAs(t.app, s, { birthName: 'Garnavel', firstNames: 'Rose', birthDate: '1980-01-01' });
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${f.id}/members`,
      headers: s.send,
      payload: {
        person: { birthName: 'Tribollet', firstNames: 'Adama', birthDate: '2012-03-03' },
        relationship: '3',
        startDate: '2012-03-03',
        reason: 'naissance',
      },
    });
    const res = (await get(s, '/api/usagers/search?q=tribollet')).json();
    expect(res.results[0]).toMatchObject({ id: f.id, displayName: 'GARNAVEL Rose', matchedPerson: 'TRIBOLLET Adama' });
  });
});

describe('household', () => {
  it('keeps dated arrivals and departures, and a person exists once when moving', async () => {
    const a = await createUsagerAs(t.app, s, { birthName: 'Mouret', firstNames: 'Ana', birthDate: '1975-01-01' });
    const b = await createUsagerAs(t.app, s, { birthName: 'Sabatier', firstNames: 'Jean', birthDate: '1973-01-01' });
    const added = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${a.id}/members`,
        headers: s.send,
        payload: {
          person: { birthName: 'Mouret', firstNames: 'Zoé', birthDate: '2010-06-01', sex: 'F' },
          relationship: '3',
          startDate: '2010-06-01',
          reason: 'naissance',
        },
      })
    ).json();
    const zoe = added.data.full.household.members.find((m: { firstNames: string }) => m.firstNames === 'Zoé');
    expect(zoe).toMatchObject({
      relationship: { code: '3', label: 'Enfant' },
      startReason: 'naissance',
      endDate: null,
    });
    // Zoé moves to household B: one person, two dated memberships.
    const moved = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${b.id}/members`,
      headers: s.send,
      payload: { personId: zoe.personId, relationship: '3', startDate: '2026-09-01' },
    });
    expect(moved.statusCode).toBe(201);
    const memberships = await t.db
      .selectFrom('household_member')
      .select(['household_id', 'start_date', 'end_date'])
      .where('person_id', '=', zoe.personId)
      .orderBy('start_date')
      .execute();
    expect(memberships).toHaveLength(2);
    expect(memberships[0]?.end_date).toBe('2026-08-31');
    expect(memberships[1]?.end_date).toBeNull();
    const aAfter = (await get(s, `/api/usagers/${a.id}`)).json();
    expect(
      aAfter.data.full.household.members.find((m: { personId: string }) => m.personId === zoe.personId).endDate,
    ).toBe('2026-08-31');
    expect(await t.db.selectFrom('person').select('id').where('id', '=', zoe.personId).execute()).toHaveLength(1);
  });

  it('records a departure and refuses one before the arrival or of the principal person', async () => {
    const f = await createUsagerAs(t.app, s);
    const added = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${f.id}/members`,
        headers: s.send,
        payload: {
          person: { birthName: 'Colin', firstNames: 'Théo', birthDate: '1990-01-01' },
          relationship: '7',
          startDate: '2025-01-01',
        },
      })
    ).json();
    const members = added.data.full.household.members;
    const theo = members.find((m: { firstNames: string }) => m.firstNames === 'Théo');
    const principal = members.find((m: { relationship: { code: string } }) => m.relationship.code === '1');
    const early = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}/members/${theo.memberId}`,
      headers: s.send,
      payload: { endDate: '2024-01-01' },
    });
    expect(early.statusCode).toBe(422);
    const p = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}/members/${principal.memberId}`,
      headers: s.send,
      payload: { endDate: '2026-01-01' },
    });
    expect(p.statusCode).toBe(422);
    const ok = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${f.id}/members/${theo.memberId}`,
      headers: s.send,
      payload: { endDate: '2026-02-01', reason: 'depart' },
    });
    expect(ok.statusCode).toBe(200);
    expect(
      ok.json().data.full.household.members.find((m: { memberId: string }) => m.memberId === theo.memberId).endDate,
    ).toBe('2026-02-01');
  });
});

describe('référents and consultations', () => {
  it('hands over a file, keeps the history, and the former référent loses full access', async () => {
    const f = await createUsagerAs(t.app, s);
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/usagers/${f.id}/referents`,
      headers: s.send,
      payload: { referentId: otherTeam.id, coReferentIds: [colleague.id] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.referent.id).toBe(otherTeam.id);
    expect(res.json().data.coReferents.map((c: { id: string }) => c.id)).toEqual([colleague.id]);
    const history = await t.db
      .selectFrom('case_file_referent')
      .select(['user_id', 'kind', 'end_at'])
      .where('case_file_id', '=', f.id)
      .execute();
    expect(history).toHaveLength(3);
    expect(history.find((h) => h.user_id === ts.id)?.end_at).not.toBeNull();
    // The file's team is still Team A (ts's team), so ts keeps full access through the team; a stranger referent is refused.
    const stranger = await t.app.inject({
      method: 'PUT',
      url: `/api/usagers/${f.id}/referents`,
      headers: sOtherTeam.send,
      payload: { referentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(stranger.statusCode).toBe(422);
  });

  it('shows the référent who consulted the file: names for the own team only', async () => {
    const f = await createUsagerAs(t.app, s);
    await get(sColleague, `/api/usagers/${f.id}`);
    await get(sOtherTeam, `/api/usagers/${f.id}`);
    await get(sSecretary, `/api/usagers/${f.id}`);
    const res = await get(s, `/api/usagers/${f.id}/consultations`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { role: string; userName: string | null; siteName: string; part: string }[];
    expect(items.slice(0, 3).map((i) => [i.role, i.part, i.userName === null])).toEqual([
      ['secretaire', 'general', true],
      ['travailleur_social', 'general', true],
      ['travailleur_social', 'full', false],
    ]);
    expect(items[0]?.siteName).toBe('EPS Paris 18e');
    expect((await get(sColleague, `/api/usagers/${f.id}/consultations`)).statusCode).toBe(404);
  });
});

describe('lists', () => {
  it('"Ma file active" lists my files, "Mon équipe" my team\'s, never the others', async () => {
    const mineFile = await createUsagerAs(t.app, s);
    const theirs = await createUsagerAs(t.app, sOtherTeam);
    const mine = (await get(s, '/api/usagers/mine')).json().items.map((i: { id: string }) => i.id);
    expect(mine).toContain(mineFile.id);
    expect(mine).not.toContain(theirs.id);
    const team = (await get(sColleague, '/api/usagers/team')).json().items.map((i: { id: string }) => i.id);
    expect(team).toContain(mineFile.id);
    expect(team).not.toContain(theirs.id);
    expect((await get(sSecretary, '/api/usagers/team')).json().items).toEqual([]);
  });
});
