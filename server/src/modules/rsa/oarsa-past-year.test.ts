import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../../test/factories.js';

/**
 * The OARSA stock of a past year (docs/api.md, "OARSA"): the blocks as they stood on 31 December, from their dated
 * history, with the orientation decided and the contract signed by then. Persons go through the API on a moving clock.
 */

let t: TestApp;
let users: Record<'ref' | 'mate' | 'resp', TestUser>;
let s: Record<'ref' | 'mate' | 'resp', Session>;

const call = (who: Session, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) =>
  t.app.inject({ method, url, headers: method === 'GET' ? who.get : who.send, ...(payload ? { payload } : {}) });
const ok = async (p: ReturnType<typeof call>, status = 200) => {
  const r = await p;
  expect(r.statusCode, r.body).toBe(status);
  return r;
};
const block = (soumis: boolean, ddSince: string | null) => ({
  etatdosrsa: '2',
  natpf: 'RSD',
  toppersdrodevorsa: soumis,
  rolepers: 'DEM',
  dateOuverture: null,
  numAllocataire: null,
  sitpersdemrsa: null,
  ddSince,
});

/** Moves the request clock (a session does not survive months: everyone logs in again). */
async function at(iso: string) {
  t.clock.set(new Date(`${iso}T09:00:00Z`));
  s = {
    ref: await loginAs(t.app, users.ref),
    mate: await loginAs(t.app, users.mate),
    resp: await loginAs(t.app, users.resp),
  };
}

interface P {
  base: string;
  memberId: string;
}
async function newPerson(): Promise<P> {
  const file = await createUsagerAs(t.app, s.ref);
  const base = `/api/usagers/${file.id}/rsa`;
  const { memberId } = (await call(s.ref, 'GET', base)).json().persons[0];
  return { base, memberId };
}
const put = (p: P, soumis: boolean, ddSince: string | null) =>
  ok(call(s.ref, 'PUT', `${p.base}/members/${p.memberId}`, block(soumis, ddSince)));
const five = async <T>(f: () => Promise<T>) => {
  const out: T[] = [];
  for (let i = 0; i < 5; i++) out.push(await f());
  return out;
};
const csv = async (year: number) => (await ok(call(s.resp, 'GET', `/api/statistics/oarsa.csv?year=${year}`))).body;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  users = {
    ref: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    mate: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    resp: await buildUser(t.db, 'responsable', site.id),
  };
  await at('2025-01-15');
  // Stayed: soumis since January 2024, still soumis; a contract starting in November 2025 but signed in January 2026.
  const stayed = await five(async () => {
    const p = await newPerson();
    await put(p, true, '2024-01-10');
    return p;
  });
  // Left: soumis since January 2024, oriented to France Travail in June 2025, out of the droits et devoirs in 2026.
  const left = await five(async () => {
    const p = await newPerson();
    await put(p, true, '2024-01-10');
    await ok(
      call(s.ref, 'POST', `${p.base}/members/${p.memberId}/orientation`, { to: 'demandee', requestedOn: '2025-01-15' }),
    );
    return p;
  });
  // Later: an allocataire not soumis in 2025, recorded as soumis in January 2026 (entry dated 15 December 2025).
  const later = await five(async () => {
    const p = await newPerson();
    await put(p, false, null);
    return p;
  });
  await at('2025-06-02');
  // Alone in its band on 31 December 2025 (entered in May 2025, left in 2026): hidden by the statistical secret.
  const lone = await newPerson();
  await put(lone, true, '2025-05-01');
  for (const p of left)
    await ok(
      call(s.mate, 'POST', `${p.base}/members/${p.memberId}/orientation`, {
        to: 'orientee',
        kind: 'professionnelle',
        organisme: 'france_travail',
        decidedOn: '2025-06-01',
      }),
    );
  await at('2026-01-10');
  for (const p of stayed)
    await ok(
      call(s.ref, 'POST', `${p.base}/members/${p.memberId}/contracts`, {
        kind: 'contrat_engagement',
        startOn: '2025-11-01',
        durationMonths: 6,
        weeklyHours: 15,
        signedOn: '2026-01-10',
      }),
      201,
    );
  for (const p of later) await put(p, true, '2025-12-15');
  await at('2026-02-01');
  for (const p of [...left, lone]) await put(p, false, null);
  await at('2026-11-25');
}, 240_000);
afterAll(() => t.close());

describe('OARSA of a past year', () => {
  it('counts the blocks as they stood on 31 December: who left after is in, who was recorded as entering after is out', async () => {
    const body = await csv(2025);
    // Stayed (5) and left (5) since January 2024, the lone one since May 2025; the later ones were not soumis then.
    expect(body).toContain('Moins de 6 mois;0;0;0');
    expect(body).toContain('De 6 à 12 mois;0;< 5;< 5');
    expect(body).toContain('Un an et plus;5;secret;secret');
    expect(body).toContain('Sans contrat;11');
    expect(body).toContain('Total;11');
  });

  it('takes the orientation decided and the contract signed by 31 December, not those decided or signed after', async () => {
    const body = await csv(2025);
    // The five who left were oriented to France Travail in June 2025: still their orientation on 31 December.
    expect(body).toMatch(/Personnes orientées au 2025-12-31[^]*?France Travail;5\r\n/);
    // The contracts of the five who stayed started in November 2025 but were signed in January 2026.
    expect(body).toContain('Avec contrat;0');
  });

  it('the current year is today’s stock: the later ones are in, those who left are out', async () => {
    const body = await csv(2026);
    expect(body).toContain('Personnes soumises aux droits et devoirs au 2026-11-25');
    expect(body).toContain('De 6 à 12 mois;0;5;5');
    expect(body).toContain('Un an et plus;0;5;5');
    expect(body).toMatch(/Personnes orientées au 2026-11-25[^]*?France Travail;0\r\n/);
    // The contracts signed in January 2026 ended in April 2026.
    expect(body).toContain('Sans contrat;10');
  });

  it('keeps the disclosure control on a past year: a count under 5 is never printed', async () => {
    const body = await csv(2025);
    expect(body).not.toMatch(/;[1-4](;|\r\n)/);
    expect(body).toContain('< 5 : effectif compris entre 1 et 4 personnes');
  });
});
