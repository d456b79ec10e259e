import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, RSA_BLOCK } from '../../test/factories.js';

/**
 * The OARSA's delay to the first orientation (docs/api.md, "OARSA") counts from the entry into droits et devoirs in
 * force on the decision's day, not from a later entry: a person who left and entered again keeps the delay.
 */

let t: TestApp;
let s: Record<'ref' | 'mate' | 'resp', Session>;
const call = (who: Session, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const users = {
    ref: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    mate: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    resp: await buildUser(t.db, 'responsable', site.id),
  };
  const at = async (iso: string) => {
    t.clock.set(new Date(`${iso}T09:00:00Z`));
    s = {
      ref: await loginAs(t.app, users.ref),
      mate: await loginAs(t.app, users.mate),
      resp: await loginAs(t.app, users.resp),
    };
  };
  // Five persons in droits et devoirs since 1 September 2026, oriented on 1 October (30 days); then each one left
  // the droits et devoirs and entered them again on 1 November.
  await at('2026-10-01');
  const members: string[] = [];
  for (let i = 0; i < 5; i++) {
    const file = await createUsagerAs(t.app, s.ref);
    const base = `/api/usagers/${file.id}/rsa`;
    const { memberId } = (await call(s.ref, 'GET', base)).json().persons[0];
    const member = `${base}/members/${memberId}`;
    expect((await call(s.ref, 'PUT', member, { ...RSA_BLOCK, ddSince: '2026-09-01' })).statusCode).toBe(200);
    await call(s.ref, 'POST', `${member}/orientation`, { to: 'demandee', requestedOn: '2026-09-01' });
    const decided = await call(s.mate, 'POST', `${member}/orientation`, {
      to: 'orientee',
      kind: 'professionnelle',
      organisme: 'france_travail',
      decidedOn: '2026-10-01',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    members.push(member);
  }
  await at('2026-11-01');
  for (const member of members)
    expect((await call(s.ref, 'PUT', member, { ...RSA_BLOCK, ddSince: '2026-11-01' })).statusCode).toBe(200);
  await at('2026-12-07');
}, 240_000);
afterAll(() => t.close());

describe('OARSA: delay to the first orientation', () => {
  it('counts from the entry in force on the decision’s day, whatever came after', async () => {
    const res = await call(s.resp, 'GET', '/api/statistics/oarsa.csv?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.body).toMatch(/Délai moyen [^\r\n]*\r\n"?30,0 jours"?;sur 5 décisions/);
  });
});
