import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

/**
 * The EP and sanctions in the OARSA of a past year (docs/api.md, "OARSA"): as they stood on 31 December — a decision
 * taken in the next year is not one of the year's, a sanction lifted in the next year was still running.
 */

type Who = 'ref' | 'boss' | 'boss2';
let t: TestApp;
const users = {} as Record<Who, TestUser>;
const s = {} as Record<Who, Session>;

async function at(iso: string) {
  t.clock.set(new Date(`${iso}T09:00:00Z`));
  for (const w of Object.keys(users) as Who[]) s[w] = await loginAs(t.app, users[w]);
}
const call = async (who: Who, url: string, payload?: object, status = 200) => {
  const r = await t.app.inject({
    method: payload ? 'POST' : 'GET',
    url,
    headers: payload ? s[who].send : s[who].get,
    ...(payload ? { payload } : {}),
  });
  expect(r.statusCode, r.body).toBe(status);
  return r;
};

/** Five manquements inscribed at a session on `date` (planned a week before). */
async function fivePassages(date: string) {
  const { id: sessionId } = (
    await call(
      'boss',
      '/api/rsa/ep/sessions',
      { date, members: [{ organisation: 'France Travail', name: 'Marc Leroy' }], representatives: [] },
      201,
    )
  ).json() as { id: string };
  const out: string[] = [];
  for (let i = 0; i < 5; i++) {
    const file = await createUsagerAs(t.app, s.ref);
    const r = await call(
      'ref',
      `/api/usagers/${file.id}/rsa/ep`,
      { sessionId, motif: 'manquement', facts: 'Absences' },
      201,
    );
    out.push(`/api/usagers/${file.id}/rsa/ep/${(r.json() as { id: string }).id}`);
  }
  return out;
}
async function decide(urls: string[]) {
  for (const url of urls) {
    await call('ref', `${url}/observations`, { text: 'Observations' });
    await call('boss', `${url}/avis`, { avis: 'sanction' });
    await call('boss2', `${url}/decision`, { outcome: 'sanction', rate: 50, months: 2, monthlyAmountCents: 50000 });
  }
}
const csv = async (year: number) => (await call('boss', `/api/statistics/oarsa.csv?year=${year}`)).body;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  users.ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  users.boss = await buildUser(t.db, 'responsable', site.id);
  users.boss2 = await buildUser(t.db, 'responsable', site.id);
  await at('2025-11-01');
  const lifted = await fivePassages('2025-11-08');
  await at('2025-12-13');
  const decidedLater = await fivePassages('2025-12-20');
  await at('2025-11-10');
  // Decided in November 2025, lifted by a remobilisation in January 2026.
  await decide(lifted);
  await at('2026-01-15');
  await decide(decidedLater);
  for (const url of lifted) await call('ref', `${url}/remobilisation`, {});
}, 240_000);
afterAll(() => t.close());

describe('EP and sanctions in the OARSA of a past year', () => {
  it('counts the decisions taken by 31 December and the sanctions as they ran then', async () => {
    const body = await csv(2025);
    expect(body).toContain('Manquement aux devoirs (sanction envisagée);10');
    // The passages of 20 December 2025 were decided in January 2026: not among the year's decisions.
    expect(body).toMatch(/Décisions après passage[^]*?Suspension-remobilisation;5\r\n/);
    // The sanctions of November 2025 were lifted in January 2026: still running on 31 December.
    expect(body).toContain('En cours ou échue;5');
    expect(body).toContain('Levée (remobilisation);0');
  });

  it('the current year sees the decisions of January and nothing lifted yet among them', async () => {
    const body = await csv(2026);
    expect(body).toMatch(/Décisions après passage[^]*?Suspension-remobilisation;0\r\n/);
    expect(body).toMatch(/Sanctions décidées en 2026[^]*?En cours ou échue;5\r\n/);
  });
});
