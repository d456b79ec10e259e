import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type TestUser } from '../../test/factories.js';
import { refreshStatistics } from '../statistics/index.js';
import { runRetention } from './engine.js';

/**
 * Retention and statistics agree (docs/security.md, Statistics and retention): an anonymised file leaves the active
 * population of the months after its anonymisation, and a full refresh keeps the closed months as published.
 */
const DAY = 86_400_000;
const T0 = new Date('2026-11-25T09:00:00Z');
let t: TestApp;
let site: Awaited<ReturnType<typeof buildSite>>;
let ref: TestUser;
let resp: TestUser;
const files: string[] = [];
const at = (days: number) => t.clock.set(new Date(T0.getTime() + days * DAY));

beforeAll(async () => {
  t = await buildTestApp();
  at(0);
  site = await buildSite(t.db);
  ref = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  resp = await buildUser(t.db, 'responsable', site.id);
  const s = await loginAs(t.app, ref);
  // Six files, so that the counts are published (not "< 5"); all reach their deadline together.
  for (let i = 0; i < 6; i++)
    files.push(
      (
        await createUsagerAs(
          t.app,
          s,
          minimalUsager({ sex: 'F', postalCode: '75018', housingStatus: '22', teamId: site.teamA }),
        )
      ).id,
    );
  await refreshStatistics(t.db, t.clock.now());
});
afterAll(() => t.close());

/** What the responsable reads for one month, as published by the API. */
const cells = async (indicator: string, month: string): Promise<Record<string, unknown>> => {
  const s = await loginAs(t.app, resp);
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/statistics/table?indicator=${indicator}&from=${month}&to=${month}`,
    headers: s.get,
  });
  expect(res.statusCode, res.body).toBe(200);
  const table = res.json().table;
  expect(table.status).toBe('released');
  return {
    ...Object.fromEntries(table.cols.map((c: string, j: number) => [c, table.cells[0][j]])),
    total: table.grandTotal,
  };
};

describe('retention and statistics', () => {
  it('past the deadline the file is listed apart as "passed"; anonymised, it leaves the later months; closed months stay', async () => {
    at(735); // 2028-11-29: two years after the last contact (2026-11-25) have passed
    await refreshStatistics(t.db, t.clock.now());
    const s = await loginAs(t.app, ref);
    const upcoming = (await t.app.inject({ method: 'GET', url: '/api/retention/upcoming', headers: s.get })).json()
      .items as { id: string; passed: boolean }[];
    expect(upcoming.filter((i) => files.includes(i.id)).map((i) => i.passed)).toEqual(files.map(() => true));

    const closedBefore = { sexe: await cells('sexe', '2027-06'), logement: await cells('logementStocd', '2027-06') };
    expect(closedBefore.sexe.F).toBe(6);
    expect(closedBefore.logement['22']).toBe(6);

    at(738); // 2028-12-02: November is closed, its snapshot taken with the six files
    await refreshStatistics(t.db, t.clock.now());
    at(742); // 2028-12-06
    const r = await runRetention(t.db, t.clock.now(), { dryRun: false, trigger: 'job' });
    expect(r.actions.filter((a) => files.includes(a.caseFileId)).map((a) => a.action)).toEqual(
      files.map(() => 'anonymise'),
    );
    at(772); // 2029-01-05
    await refreshStatistics(t.db, t.clock.now());
    // Anonymised on 6 December 2028: no longer "suivi" at the end of December, nor later.
    expect((await cells('sexe', '2028-12')).total).toBe(0);
    expect((await cells('sexe', '2029-01')).total).toBe(0);
    // November 2028 was closed before the anonymisation: its snapshot still counts them, as published then.
    expect((await cells('sexe', '2028-11')).F).toBe(6);

    // A full refresh keeps the closed months: the housing status cleared by the anonymisation does not rewrite 2027.
    await refreshStatistics(t.db, t.clock.now(), { full: true });
    expect(await cells('logementStocd', '2027-06')).toEqual(closedBefore.logement);
    expect(await cells('sexe', '2027-06')).toEqual(closedBefore.sexe);
    expect((await cells('sexe', '2029-01')).total).toBe(0);
  });
});
