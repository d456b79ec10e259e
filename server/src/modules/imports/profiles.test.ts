import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, loginAs, type Session } from '../../test/factories.js';
import { insertProfile } from './queries.js';

/** The saved column-mapping profiles offered at upload (docs/api.md, "Imports"): the sites one imports to only. */

let t: TestApp;
const s: Record<string, Session> = {};

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { code: 'PA' });
  const b = await buildSite(t.db, { code: 'PB' });
  const admin = await buildUser(t.db, 'admin_fonctionnel', null);
  const now = new Date();
  const save = (siteId: string | null, name: string) =>
    insertProfile(t.db, { source: 'site_export', siteId, name, profile: { columns: {} }, createdBy: admin.id, now });
  await save(a.id, 'Export du site A');
  await save(b.id, 'Export du site B');
  await save(null, 'Export commun');
  s.admin = await loginAs(t.app, admin);
  s.respA = await loginAs(t.app, await buildUser(t.db, 'responsable', a.id));
  s.worker = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]));
});
afterAll(() => t.close());

const names = async (who: Session) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/imports/profiles', headers: who.get });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().data as { name: string }[]).map((p) => p.name).sort();
};

describe('GET /api/imports/profiles', () => {
  it('lists every site’s profiles to the administrator, the own site’s and the shared ones to a responsable', async () => {
    expect(await names(s.admin!)).toEqual(['Export commun', 'Export du site A', 'Export du site B']);
    expect(await names(s.respA!)).toEqual(['Export commun', 'Export du site A']);
  });
  it('lists nothing to a role that imports nowhere, and refuses without a session', async () => {
    expect(await names(s.worker!)).toEqual([]);
    expect((await t.app.inject({ method: 'GET', url: '/api/imports/profiles' })).statusCode).toBe(401);
  });
});
