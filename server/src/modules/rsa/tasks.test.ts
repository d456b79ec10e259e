import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, RSA_BLOCK } from '../../test/factories.js';

/** The RSA task lists of a worker and of their teams (docs/api.md, "RSA"); the test clock reads 25 Nov 2026. */

let t: TestApp;
let s: Record<'ref' | 'mate' | 'otherTeam', Session & { id: string }>;
const files: Record<'late' | 'sign' | 'renew' | 'fresh', string> = { late: '', sign: '', renew: '', fresh: '' };

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });

async function rsaFile(ddSince: string) {
  const file = await createUsagerAs(t.app, s.ref);
  const base = `/api/usagers/${file.id}/rsa`;
  const { memberId } = (await call(s.ref, 'GET', base)).json().persons[0];
  expect((await call(s.ref, 'PUT', `${base}/members/${memberId}`, { ...RSA_BLOCK, ddSince })).statusCode).toBe(200);
  return { id: file.id, member: `${base}/members/${memberId}` };
}

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const login = async (teams: string[]) => {
    const user = await buildUser(t.db, 'travailleur_social', site.id, teams);
    return { ...(await loginAs(t.app, user)), id: user.id };
  };
  s = { ref: await login([site.teamA]), mate: await login([site.teamA]), otherTeam: await login([site.teamB]) };
  const late = await rsaFile('2026-09-01');
  files.late = late.id;
  await call(s.ref, 'POST', `${late.member}/referents`, {
    kind: 'referent_unique',
    userId: s.mate.id,
    startOn: '2026-10-01',
  });
  const sign = await rsaFile('2026-09-01');
  files.sign = sign.id;
  await call(s.ref, 'POST', `${sign.member}/orientation`, { to: 'demandee', requestedOn: '2026-09-05' });
  const decided = await call(s.mate, 'POST', `${sign.member}/orientation`, {
    to: 'orientee',
    kind: 'professionnelle',
    organisme: 'france_travail',
    decidedOn: '2026-09-25',
    notifiedOn: '2026-10-01',
  });
  expect(decided.statusCode, decided.body).toBe(200);
  const renew = await rsaFile('2025-01-01');
  files.renew = renew.id;
  await call(s.ref, 'POST', `${renew.member}/orientation`, { to: 'demandee', requestedOn: '2025-01-05' });
  await call(s.mate, 'POST', `${renew.member}/orientation`, {
    to: 'orientee',
    kind: 'sociale',
    organisme: 'casvp',
    decidedOn: '2025-01-20',
  });
  const c = await call(s.ref, 'POST', `${renew.member}/contracts`, {
    kind: 'contrat_engagement',
    startOn: '2026-06-01',
    durationMonths: 6,
    weeklyHours: 15,
    signedOn: '2026-06-01',
  });
  expect(c.statusCode, c.body).toBe(201);
  files.fresh = (await rsaFile('2026-11-20')).id;
}, 120_000);
afterAll(() => t.close());

const tasks = async (who: Session, scope: 'mine' | 'team') => {
  const res = await call(who, 'GET', `/api/rsa/tasks?scope=${scope}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as { kind: { code: string }; fileId: string; dueOn: string; late: boolean }[]).map((i) => ({
    kind: i.kind.code,
    fileId: i.fileId,
    dueOn: i.dueOn,
    late: i.late,
  }));
};

describe('RSA task lists', () => {
  it('lists the référent’s orientations late, contracts to sign and to renew, with their due dates', async () => {
    const mine = await tasks(s.ref, 'mine');
    expect(mine).toEqual(
      expect.arrayContaining([
        { kind: 'orientation_late', fileId: files.late, dueOn: '2026-09-29', late: true },
        { kind: 'contract_to_sign', fileId: files.sign, dueOn: '2026-11-01', late: true },
        { kind: 'contract_to_renew', fileId: files.renew, dueOn: '2026-11-30', late: false },
      ]),
    );
    expect(mine).toHaveLength(3);
    expect(mine.some((i) => i.fileId === files.fresh)).toBe(false);
  });

  it('gives the référent unique RSA their persons, the team every file of the team, another team nothing', async () => {
    expect((await tasks(s.mate, 'mine')).map((i) => i.fileId)).toEqual([files.late]);
    expect(await tasks(s.mate, 'team')).toHaveLength(3);
    expect(await tasks(s.otherTeam, 'team')).toEqual([]);
    expect(await tasks(s.otherTeam, 'mine')).toEqual([]);
  });

  it('drops a contract to sign once one is signed after the decision', async () => {
    const { memberId } = (await call(s.ref, 'GET', `/api/usagers/${files.sign}/rsa`)).json().persons[0];
    await call(s.ref, 'POST', `/api/usagers/${files.sign}/rsa/members/${memberId}/contracts`, {
      kind: 'contrat_engagement',
      startOn: '2026-11-02',
      durationMonths: 6,
      weeklyHours: 15,
      signedOn: '2026-11-02',
    });
    expect((await tasks(s.ref, 'mine')).some((i) => i.kind === 'contract_to_sign')).toBe(false);
  });
});
