import { describe, expect, it } from 'vitest';
import { appWithSite } from '../test/app-with-site.js';
import { buildUser, loginAs } from '../test/factories.js';

/**
 * A password chosen by an administrator (new account or reset) follows the same rules as one's own and must be
 * changed at the first login: until then the session reaches only /me, the password change and the logout
 * (docs/security.md, Login). A reset also lifts the login delays of the account.
 */

const { t, site, login } = appWithSite();
const CHOSEN = 'choisi-par-l-administrateur';

describe('password chosen by an administrator', () => {
  it('is accepted at login, then every route but the password change answers 403 until it is changed', async () => {
    const admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    const email = 'premiere.connexion@test.jalon.local';
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/admin/users',
      headers: admin.send,
      payload: {
        email,
        displayName: 'Agent',
        role: 'travailleur_social',
        siteId: site.id,
        teamIds: [site.teamA],
        password: CHOSEN,
      },
    });
    expect(created.statusCode, created.body).toBe(201);

    const s = await loginAs(t.app, { email }, CHOSEN);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.get });
    expect(me.json().mustChangePassword).toBe(true);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/usagers/mine', headers: s.get });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('password_change_required');
    expect(blocked.json().error.message).toMatch(/Changez d’abord le mot de passe/);

    const changed = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.send,
      payload: { currentPassword: CHOSEN, newPassword: 'mon-propre-mot-de-passe' },
    });
    expect(changed.statusCode, changed.body).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.get })).json().mustChangePassword).toBe(
      false,
    );
    expect((await t.app.inject({ method: 'GET', url: '/api/usagers/mine', headers: s.get })).statusCode).toBe(200);
  });

  it('a reset by the administrator asks for a change again and lifts the login delay of the account', async () => {
    const admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    const u = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
    expect((await loginAs(t.app, u)).csrf).toBeTruthy();
    for (let i = 0; i < 5; i++) expect((await login(u.email, 'mauvais')).statusCode).toBe(401);
    expect((await login(u.email, 'mauvais')).statusCode).toBe(429);

    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${u.id}`,
      headers: admin.send,
      payload: { password: CHOSEN },
    });
    expect(reset.statusCode, reset.body).toBe(200);
    const after = await login(u.email, CHOSEN);
    expect(after.statusCode).toBe(200);
    expect(after.json().mustChangePassword).toBe(true);
  });

  it('an account created by other means (set-up, existing accounts) is not asked', async () => {
    const u = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
    const s = await loginAs(t.app, u);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.get })).json().mustChangePassword).toBe(
      false,
    );
  });
});
