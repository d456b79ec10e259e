import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';
import { pdfText } from '../../test/pdf-text.js';
import { rsaEpModule } from './index.js';

/** RSA équipe pluridisciplinaire and sanctions (docs/api.md) through the HTTP API on a migrated PGlite. */

type Who = 'ref' | 'mate' | 'otherTeam' | 'boss' | 'boss2' | 'otherSite' | 'otherBoss' | 'secretaire';
let t: TestApp;
const users = {} as Record<Who, TestUser>;
const s = {} as Record<Who, Session>;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  users.ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  users.mate = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  users.otherTeam = await buildUser(t.db, 'travailleur_social', site.id, [site.teamB]);
  users.boss = await buildUser(t.db, 'responsable', site.id);
  users.boss2 = await buildUser(t.db, 'responsable', site.id);
  users.secretaire = await buildUser(t.db, 'secretaire', site.id);
  users.otherSite = await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]);
  users.otherBoss = await buildUser(t.db, 'responsable', other.id);
  await relogin();
});
afterAll(() => t.close());

/** Sessions expire when the clock moves: everyone logs in again. */
async function relogin() {
  for (const w of Object.keys(users) as Who[]) s[w] = await loginAs(t.app, users[w]);
}
async function later(days: number) {
  t.clock.advance(days * DAY);
  await relogin();
}
const today = (plus = 0) => new Date(t.clock.now().getTime() + plus * DAY).toISOString().slice(0, 10);
const call = (who: Who, method: 'GET' | 'POST', url: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: method === 'GET' ? s[who].get : s[who].send,
    ...(payload ? { payload } : {}),
  });
const ep = (fileId: string, rest = '') => `/api/usagers/${fileId}/rsa/ep${rest}`;

async function session(who: Who = 'boss', inDays = 7) {
  const r = await call(who, 'POST', '/api/rsa/ep/sessions', {
    date: today(inDays),
    place: 'Salle du conseil',
    members: [
      { organisation: 'Ville de Paris', name: 'Claire Dupont' },
      { organisation: 'France Travail', name: 'Marc Leroy' },
    ],
    representatives: [{ name: 'Représentant des allocataires' }],
  });
  expect(r.statusCode, r.body).toBe(201);
  return (r.json() as { id: string }).id;
}
async function inscribed(motif: 'manquement' | 'reorientation' = 'manquement', who: Who = 'ref', fileId?: string) {
  const file = fileId ?? (await createUsagerAs(t.app, s.ref)).id;
  const sessionId = await session();
  const r = await call(who, 'POST', ep(file), { sessionId, motif, facts: 'Absences répétées aux rendez-vous' });
  expect(r.statusCode, r.body).toBe(201);
  return { fileId: file, sessionId, passageId: (r.json() as { id: string }).id };
}
const passages = async (who: Who, fileId: string) => {
  const r = await call(who, 'GET', ep(fileId));
  expect(r.statusCode, r.body).toBe(200);
  return r.json() as {
    id: string;
    state: string;
    avis: { deemed: boolean } | null;
    sanction: Record<string, unknown> | null;
    allowed: string[];
  }[];
};

describe('EP sessions', () => {
  it('are planned by the site manager, listed for the site, refused to others', async () => {
    const id = await session();
    expect(
      (
        await call('ref', 'POST', '/api/rsa/ep/sessions', {
          date: today(3),
          members: [{ organisation: 'Ville de Paris', name: 'A' }],
        })
      ).statusCode,
    ).toBe(403);
    const past = await call('boss', 'POST', '/api/rsa/ep/sessions', {
      date: today(-1),
      members: [{ organisation: 'Ville de Paris', name: 'A' }],
    });
    expect(past.statusCode).toBe(422);
    const list = await call('ref', 'GET', '/api/rsa/ep/sessions');
    expect((list.json() as { id: string }[]).map((x) => x.id)).toContain(id);
    expect((await call('otherSite', 'GET', '/api/rsa/ep/sessions')).json()).toEqual([]);
    expect((await call('secretaire', 'GET', '/api/rsa/ep/sessions')).statusCode).toBe(403);
    expect((await call('otherBoss', 'GET', `/api/rsa/ep/sessions/${id}`)).statusCode).toBe(404);
    const one = await call('mate', 'GET', `/api/rsa/ep/sessions/${id}`);
    expect(one.json()).toMatchObject({ members: [{ organisation: 'Ville de Paris' }, {}], representatives: [{}] });
  });
});

describe('EP passages', () => {
  it('inscribes a person, sealed and audited, once per motif while open; the file’s need-to-know reads it', async () => {
    const { fileId, sessionId, passageId } = await inscribed();
    const row = await t.db
      .selectFrom('rsa_ep_passage')
      .selectAll()
      .where('id', '=', passageId)
      .executeTakeFirstOrThrow();
    expect(row.facts).not.toContain('Absences');
    expect(row.observations_deadline).toBe(today(10));
    const again = await call('ref', 'POST', ep(fileId), { sessionId, motif: 'manquement', facts: 'Encore' });
    expect(again.statusCode).toBe(409);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('action', '=', 'rsa_ep.inscribe')
      .where('case_file_id', '=', fileId)
      .execute();
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits)).not.toContain('Absences');

    expect((await passages('mate', fileId))[0]).toMatchObject({
      id: passageId,
      state: 'inscrit',
      facts: 'Absences répétées aux rendez-vous',
    });
    for (const who of ['otherTeam', 'boss', 'otherSite', 'secretaire'] as Who[])
      expect((await call(who, 'GET', ep(fileId))).statusCode, who).toBe(404);
    const logged = await t.db
      .selectFrom('access_log')
      .select('part')
      .where('case_file_id', '=', fileId)
      .where('part', '=', 'rsa_ep')
      .execute();
    expect(logged.length).toBeGreaterThan(0);
    // A session of another site is not the file's.
    const foreign = await session('otherBoss');
    expect(
      (await call('ref', 'POST', ep(fileId), { sessionId: foreign, motif: 'reorientation', facts: 'x' })).statusCode,
    ).toBe(404);
    // A worker of another team of the site cannot inscribe the file.
    expect(
      (await call('otherTeam', 'POST', ep(fileId), { sessionId, motif: 'reorientation', facts: 'x' })).statusCode,
    ).toBe(404);
  });

  it('records the avis only once the session is held; the decision waits for the observations (contradictoire)', async () => {
    const { fileId, passageId } = await inscribed();
    const url = ep(fileId, `/${passageId}`);
    const early = await call('boss', 'POST', `${url}/avis`, { avis: 'sanction' });
    expect(early.statusCode).toBe(422);
    expect(early.json().error.message).toContain('pas encore réunie');
    await later(8);
    expect((await call('boss', 'POST', `${url}/avis`, { avis: 'maintien' })).json().error.code).toBe('outcome_motif');
    expect((await call('boss', 'POST', `${url}/avis`, { avis: 'sanction', text: 'Avis favorable' })).statusCode).toBe(
      200,
    );
    const waiting = await call('boss2', 'POST', `${url}/decision`, { outcome: 'pas_de_sanction' });
    expect(waiting.statusCode).toBe(422);
    expect(waiting.json().error.message).toContain('observations');
    const obs = await call('ref', 'POST', `${url}/observations`, { text: 'Je étais hospitalisé' });
    expect(obs.statusCode, obs.body).toBe(200);
    expect((await call('boss2', 'POST', `${url}/decision`, { outcome: 'pas_de_sanction' })).statusCode).toBe(200);
    expect((await passages('ref', fileId))[0]).toMatchObject({
      state: 'decide',
      observations: { text: 'Je étais hospitalisé' },
    });
    // Closed: no more observations.
    expect((await call('ref', 'POST', `${url}/observations`, { text: 'Tard' })).statusCode).toBe(409);
  });

  it('never lets whoever instructed decide (maker-checker), nor a worker', async () => {
    const { fileId, passageId } = await inscribed('reorientation', 'boss');
    const url = ep(fileId, `/${passageId}`);
    await later(8);
    expect((await call('ref', 'POST', `${url}/avis`, { avis: 'reorientation' })).statusCode).toBe(200);
    const self = await call('boss', 'POST', `${url}/decision`, { outcome: 'reorientation' });
    expect(self.statusCode).toBe(422);
    expect(self.json().error.code).toBe('maker_checker');
    const worker = await call('ref', 'POST', `${url}/decision`, { outcome: 'reorientation' });
    expect(worker.json().error.code).toBe('transition_not_allowed');
    expect((await call('otherBoss', 'POST', `${url}/decision`, { outcome: 'reorientation' })).statusCode).toBe(404);
    expect((await call('boss2', 'POST', `${url}/decision`, { outcome: 'reorientation' })).statusCode).toBe(200);
  });

  it('deems the avis given after the delay in force', async () => {
    const { fileId, passageId } = await inscribed('reorientation');
    const url = ep(fileId, `/${passageId}`);
    await later(8);
    expect((await call('boss', 'POST', `${url}/decision`, { outcome: 'maintien' })).statusCode).toBe(422);
    await later(30);
    const ok = await call('boss', 'POST', `${url}/decision`, { outcome: 'maintien' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await passages('ref', fileId))[0]?.avis).toMatchObject({ deemed: true });
  });

  it('is withdrawn before the decision', async () => {
    const { fileId, passageId } = await inscribed('reorientation');
    expect((await call('ref', 'POST', ep(fileId, `/${passageId}/withdraw`), {})).statusCode).toBe(200);
    expect((await passages('ref', fileId))[0]?.state).toBe('annule');
    expect((await call('ref', 'POST', ep(fileId, `/${passageId}/withdraw`), {})).statusCode).toBe(422);
  });
});

/** A passage of a manquement ready for the decision: avis rendered, observations received. */
async function readyForDecision(fileId?: string) {
  const p = await inscribed('manquement', 'ref', fileId);
  const url = ep(p.fileId, `/${p.passageId}`);
  await later(8);
  expect((await call('ref', 'POST', `${url}/observations`, { text: 'Observations' })).statusCode).toBe(200);
  expect((await call('boss', 'POST', `${url}/avis`, { avis: 'sanction' })).statusCode).toBe(200);
  return { ...p, url };
}

describe('sanctions suspension-remobilisation', () => {
  it('checks rate and duration, keeps the rules used, notifies with the voies de recours', async () => {
    const { fileId, url } = await readyForDecision();
    const tooLong = await call('boss2', 'POST', `${url}/decision`, { outcome: 'sanction', rate: 30, months: 3 });
    expect(tooLong.json().error).toMatchObject({ code: 'sanction_months' });
    const tooLow = await call('boss2', 'POST', `${url}/decision`, { outcome: 'sanction', rate: 20, months: 1 });
    expect(tooLow.json().error.code).toBe('sanction_rate');
    const missing = await call('boss2', 'POST', `${url}/decision`, { outcome: 'sanction' });
    expect(missing.json().error.code).toBe('sanction_incomplete');
    expect((await call('boss2', 'POST', `${url}/notification`)).statusCode).toBe(409);
    const ok = await call('boss2', 'POST', `${url}/decision`, {
      outcome: 'sanction',
      rate: 100,
      months: 2,
      monthlyAmountCents: 60000,
      reason: 'Absence sans motif',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const [p] = await passages('ref', fileId);
    expect(p?.sanction).toMatchObject({
      breach: 'premier',
      rate: 100,
      months: 2,
      monthlyWithheldCents: 60000,
      totalWithheldCents: 120000,
      status: 'en_cours',
      params: { firstMaxMonths: 2, multiPersonMaxRate: 50, householdSize: 1 },
    });
    const n = await call('boss2', 'POST', `${url}/notification`);
    expect(n.statusCode, n.body).toBe(201);
    const doc = await t.app.inject({
      method: 'GET',
      url: `/api/documents/${n.json().documentId}/content`,
      headers: s.ref.get,
    });
    expect(doc.statusCode).toBe(200);
    const { text } = await pdfText(doc.rawPayload);
    expect(text).toContain('Voies de recours');
    expect(text).toContain('100 % pendant 2 mois');
    expect((await call('boss2', 'POST', `${url}/notification`)).statusCode).toBe(409);
  });

  it('caps the rate at 50 % for a foyer of several persons and lengthens a repeated breach to 4 months', async () => {
    const fileId = (await createUsagerAs(t.app, s.ref)).id;
    const member = await call('ref', 'POST', `/api/usagers/${fileId}/members`, {
      person: { birthName: 'Membre', firstNames: 'Alex', birthDate: '2001-01-01' },
      relationship: '7',
      startDate: '2024-01-01',
    });
    expect(member.statusCode, member.body).toBeLessThan(300);
    const first = await readyForDecision(fileId);
    const capped = await call('boss2', 'POST', `${first.url}/decision`, { outcome: 'sanction', rate: 60, months: 1 });
    expect(capped.json().error.code).toBe('sanction_rate');
    expect(capped.json().error.message).toContain('50 %');
    expect(
      (await call('boss2', 'POST', `${first.url}/decision`, { outcome: 'sanction', rate: 50, months: 1 })).statusCode,
    ).toBe(200);
    const second = await readyForDecision(fileId);
    const r = await call('boss2', 'POST', `${second.url}/decision`, { outcome: 'sanction', rate: 50, months: 4 });
    expect(r.statusCode, r.body).toBe(200);
    const all = await passages('ref', fileId);
    expect(all.find((x) => x.id === second.passageId)?.sanction).toMatchObject({ breach: 'repetition', months: 4 });
  });

  it('a decision reads the parameters of its own date', async () => {
    const { url, fileId } = await readyForDecision();
    await t.db
      .insertInto('parameter_version')
      .values({
        name: 'rsa.sanction.firstMaxMonths',
        value: 1,
        valid_from: today(-1),
        valid_to: today(1),
        created_by: users.boss.id,
        created_at: t.clock.now(),
      })
      .execute();
    expect(
      (await call('boss2', 'POST', `${url}/decision`, { outcome: 'sanction', rate: 40, months: 2 })).json().error.code,
    ).toBe('sanction_months');
    expect(
      (await call('boss2', 'POST', `${url}/decision`, { outcome: 'sanction', rate: 40, months: 1 })).statusCode,
    ).toBe(200);
    expect((await passages('ref', fileId))[0]?.sanction).toMatchObject({ params: { firstMaxMonths: 1 } });
  });

  it('remobilisation lifts the sanction and pays back what was withheld', async () => {
    const { url, fileId } = await readyForDecision();
    expect((await call('ref', 'POST', `${url}/remobilisation`, {})).statusCode).toBe(409);
    expect(
      (
        await call('boss2', 'POST', `${url}/decision`, {
          outcome: 'sanction',
          rate: 50,
          months: 2,
          monthlyAmountCents: 50000,
        })
      ).statusCode,
    ).toBe(200);
    const start = (await passages('ref', fileId))[0]?.sanction?.startMonth as string;
    // Ten days into the first month of the suspension: that month is paid back, the second one cancelled.
    t.clock.set(new Date(new Date(`${start}T10:00:00Z`).getTime() + 10 * DAY));
    await relogin();
    const r = await call('ref', 'POST', `${url}/remobilisation`, {});
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ monthsWithheld: 1, reversedCents: 25000, monthsCancelled: 1 });
    expect((await passages('ref', fileId))[0]?.sanction).toMatchObject({ status: 'levee', reversedCents: 25000 });
    expect((await call('ref', 'POST', `${url}/remobilisation`, {})).statusCode).toBe(409);
    // The person's access export (RGPD art. 15) carries the passage, its decision and the sanction, in French.
    const part = await t.db.transaction().execute((trx) => rsaEpModule.accessExport(trx, {} as never, fileId));
    expect(part?.title).toBe('RSA : équipe pluridisciplinaire et sanctions');
    const printed = JSON.stringify(part);
    for (const expected of ['Manquement aux devoirs', '50 % pendant 2 mois', 'Levée (remobilisation)'])
      expect(printed).toContain(expected);
  });
});

describe('EP task lists', () => {
  it('lists the EP to prepare and the observations awaited of the files the worker follows', async () => {
    const { passageId } = await inscribed();
    const mine = (await call('ref', 'GET', '/api/rsa/ep/tasks')).json();
    expect(mine.toPrepare.map((x: { passageId: string }) => x.passageId)).toContain(passageId);
    expect(mine.observationsAwaited.map((x: { passageId: string }) => x.passageId)).toContain(passageId);
    const theirs = (await call('otherTeam', 'GET', '/api/rsa/ep/tasks')).json();
    expect(theirs.toPrepare.map((x: { passageId: string }) => x.passageId)).not.toContain(passageId);
    expect((await call('boss', 'GET', '/api/rsa/ep/tasks')).json().toPrepare.length).toBeGreaterThan(0);
  });
});

describe('OARSA export', () => {
  it('adds the EP referrals by motif, the decisions and the sanctions, under the statistical secret', async () => {
    for (let i = 0; i < 5; i++) await inscribed();
    const year = Number(today(7).slice(0, 4));
    const rows = await t.db
      .selectFrom('rsa_ep_passage as p')
      .innerJoin('rsa_ep_session as s', 's.id', 'p.session_id')
      .select(['p.motif'])
      .where('p.state', '!=', 'annule')
      .where('s.session_date', '>=', `${year}-01-01`)
      .where('s.session_date', '<=', `${year}-12-31`)
      .execute();
    const r = await call('boss', 'GET', `/api/statistics/oarsa.csv?year=${year}`);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.body).toContain(`Passages en équipe pluridisciplinaire en ${year}, par motif`);
    expect(r.body).toContain('Sanctions (suspension-remobilisation) décidées');
    const manquements = rows.filter((x) => x.motif === 'manquement').length;
    expect(manquements).toBeGreaterThanOrEqual(5);
    expect(r.body).toContain(`Manquement aux devoirs (sanction envisagée);${manquements}`);
    // Fewer than 5 sanctions of a kind: the count is a secret (statistics module's disclosure control).
    expect(r.body).toContain('Manquement répété;< 5');
  });
});
