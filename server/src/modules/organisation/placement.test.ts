import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, loginAs, type Session } from '../../test/factories.js';

let t: TestApp;
let admin: Session;
let site: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
});
afterAll(() => t.close());

const post = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.send, payload });
const user = (email: string, extra: object) => ({
  email,
  displayName: 'Agent',
  role: 'travailleur_social',
  siteId: site.id,
  password: 'une-phrase-de-passe-longue-42',
  ...extra,
});

describe('a social worker belongs to a team', () => {
  it('creating a social worker without a team is refused in French, with a team it is created', async () => {
    const refused = await post(user('sans.equipe@test.jalon.local', {}));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'team_required', fields: { teamIds: 'Équipe obligatoire' } });
    expect((await post(user('avec.equipe@test.jalon.local', { teamIds: [site.teamA] }))).statusCode).toBe(201);
    // A secretary needs no team.
    expect((await post(user('secretaire@test.jalon.local', { role: 'secretaire' }))).statusCode).toBe(201);
  });

  it('removing the last team of a social worker is refused; deactivating leaves the placement alone', async () => {
    const u = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
    const patch = (payload: object) =>
      t.app.inject({ method: 'PATCH', url: `/api/admin/users/${u.id}`, headers: admin.send, payload });
    expect((await patch({ teamIds: [] })).statusCode).toBe(422);
    const older = await buildUser(t.db, 'travailleur_social', site.id, []);
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${older.id}`,
      headers: admin.send,
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);
  });
});
