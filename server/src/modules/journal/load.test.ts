import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

let t: TestApp;
let resp: Session;
let ts: Session;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const worker = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  ts = await loginAs(t.app, worker);
  resp = await loginAs(t.app, await buildUser(t.db, 'responsable', site.id));
  const file = await createUsagerAs(t.app, ts, undefined);
  await t.db.updateTable('case_file').set({ team_id: site.teamA }).where('id', '=', file.id).execute();
  for (const at of ['2027-01-12T09:00:00+01:00', '2027-01-12T11:00:00+01:00', '2027-01-13T09:00:00+01:00'])
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/journal`,
      headers: ts.send,
      payload: { type: 'rendez_vous', occurredAt: at, durationMinutes: 30 },
    });
});
afterAll(() => t.close());

describe('the teams’ agenda load, for the responsable', () => {
  it('counts appointments per day and team, with no worker named', async () => {
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/agenda/load?from=2027-01-11&to=2027-01-15',
      headers: resp.get,
    });
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { day: string; teamName: string; appointments: number }[];
    expect(items.map((i) => [i.day, i.appointments])).toEqual([
      ['2027-01-12', 2],
      ['2027-01-13', 1],
    ]);
    expect(JSON.stringify(res.json())).not.toMatch(/Agent|workerId|displayName/);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/agenda/load?from=2027-01-11&to=2027-01-15', headers: ts.get }))
        .statusCode,
    ).toBe(403);
  });
});
