import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, RSA_BLOCK } from '../../test/factories.js';

/** The DREES OARSA export (docs/api.md, "OARSA") under the statistics' disclosure control (ADR 009). */

let t: TestApp;
let s: Record<'ref' | 'mate' | 'resp' | 'otherResp' | 'admin', Session>;

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });
const BLOCK = { ...RSA_BLOCK, ddSince: '2025-03-01' };

/** A person soumis aux droits et devoirs since `ddSince`, oriented to `organisme` (or not), with a contract or not. */
async function person(ddSince: string, organisme: 'france_travail' | 'casvp' | null, contract: boolean) {
  const file = await createUsagerAs(t.app, s.ref);
  const base = `/api/usagers/${file.id}/rsa`;
  const { memberId } = (await call(s.ref, 'GET', base)).json().persons[0];
  const put = await call(s.ref, 'PUT', `${base}/members/${memberId}`, { ...BLOCK, ddSince });
  expect(put.statusCode, put.body).toBe(200);
  if (organisme) {
    await call(s.ref, 'POST', `${base}/members/${memberId}/orientation`, { to: 'demandee', requestedOn: ddSince });
    const kind = organisme === 'casvp' ? 'sociale' : 'professionnelle';
    const r = await call(s.mate, 'POST', `${base}/members/${memberId}/orientation`, {
      to: 'orientee',
      kind,
      organisme,
      decidedOn: '2026-10-01',
    });
    expect(r.statusCode, r.body).toBe(200);
  }
  if (contract) {
    const c = await call(s.ref, 'POST', `${base}/members/${memberId}/contracts`, {
      kind: 'contrat_engagement',
      startOn: '2026-10-15',
      durationMonths: 6,
      weeklyHours: 15,
      signedOn: '2026-10-15',
    });
    expect(c.statusCode, c.body).toBe(201);
  }
}

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const other = await buildSite(t.db);
  const login = async (role: Parameters<typeof buildUser>[1], siteId: string | null, teams: string[] = []) =>
    loginAs(t.app, await buildUser(t.db, role, siteId, teams));
  s = {
    ref: await login('travailleur_social', site.id, [site.teamA]),
    mate: await login('travailleur_social', site.id, [site.teamA]),
    resp: await login('responsable', site.id),
    otherResp: await login('responsable', other.id),
    admin: await login('admin_fonctionnel', null),
  };
  // 12 persons: 7 oriented to France Travail (6 with a contract), 2 to the CASVP, 3 not oriented.
  for (let i = 0; i < 7; i++) await person('2025-03-01', 'france_travail', i < 6);
  for (let i = 0; i < 2; i++) await person('2025-03-01', 'casvp', false);
  for (let i = 0; i < 3; i++) await person('2026-09-01', null, false);
}, 240_000);
afterAll(() => t.close());

describe('OARSA export', () => {
  it('counts the stock, the orientations and the contracts of the site, hiding small counts', async () => {
    const res = await call(s.resp, 'GET', '/api/statistics/oarsa.csv?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const csv = res.body;
    expect(csv).toContain('Enquête OARSA (DREES) – année 2026');
    // Organisme référent: France Travail 7 published, CASVP 2 hidden (< 5), and so another one.
    expect(csv).toMatch(/France Travail;(7|secret)/);
    expect(csv).toContain('CASVP (service social de la Ville de Paris);< 5');
    expect(csv).not.toMatch(/CASVP \(service social de la Ville de Paris\);2/);
    expect(csv).toMatch(/Avec contrat;6/);
    expect(csv).toMatch(/Délai moyen .*\r\n"?[0-9]+,[0-9] jours"?;sur 9 décisions/);
    expect(csv).toContain('6 mois;6');
    expect(csv).toContain('< 5 : effectif compris entre 1 et 4 personnes');
  });

  it('is the site’s for its responsable, every site’s for the administrator; refused to a worker, a future year', async () => {
    const other = (await call(s.otherResp, 'GET', '/api/statistics/oarsa.csv?year=2026')).body;
    expect(other).toContain('Avec contrat;0');
    expect((await call(s.admin, 'GET', '/api/statistics/oarsa.csv?year=2026')).body).toMatch(/Avec contrat;6/);
    expect((await call(s.ref, 'GET', '/api/statistics/oarsa.csv?year=2026')).statusCode).toBe(403);
    const future = await call(s.resp, 'GET', '/api/statistics/oarsa.csv?year=2099');
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('period_not_published');
    expect((await call(s.resp, 'GET', '/api/statistics/oarsa.csv?year=abc')).statusCode).toBe(400);
  });
});
