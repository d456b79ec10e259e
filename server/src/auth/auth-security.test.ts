import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app.js';
import { appWithSite, sessionCookie } from '../test/app-with-site.js';
import { buildTestApp } from '../test/build-test-app.js';
import {
  TEST_PASSWORD,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from '../test/factories.js';

/**
 * Session security through the real HTTP API: CSRF, password change, first-admin set-up, security headers, and what
 * the admin and the DPO can (not) read. Login, growing delay, timeouts and logout: login.test.ts.
 */

const NEW_PASSWORD = 'un-tout-nouveau-mot-de-passe';

const { t, worker, login, me, count } = appWithSite();

describe('CSRF', () => {
  it('refuses a mutation without the token, with a wrong token or from another origin, and writes nothing', async () => {
    const s = await loginAs(t.app, await worker());
    const before = { audit: await count('audit_event'), files: await count('case_file') };
    const attempts: Record<string, string>[] = [
      { cookie: s.cookie },
      { cookie: s.cookie, 'x-csrf-token': 'jeton-invente' },
      { cookie: s.cookie, 'x-csrf-token': '' },
      { ...s.send, origin: 'https://evil.example' },
    ];
    for (const headers of attempts) {
      const res = await t.app.inject({ method: 'POST', url: '/api/usagers', headers, payload: minimalUsager() });
      expect(res.statusCode, JSON.stringify(headers)).toBe(403);
      const err = res.json().error;
      expect(err.code).toBe(headers.origin ? 'forbidden' : 'csrf_invalid');
      expect(err.message).toMatch(headers.origin ? /origine étrangère/ : /Jeton de sécurité/);
    }
    // Also on PATCH and on logout: a forged logout does not end the session.
    const file = await createUsagerAs(t.app, s);
    const beforePatch = { audit: await count('audit_event'), files: await count('case_file') };
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/usagers/${file.id}`,
      headers: s.get,
      payload: { contact: { phone: '0102030405' } },
    });
    expect(patch.statusCode).toBe(403);
    const forgedLogout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.get });
    expect(forgedLogout.statusCode).toBe(403);
    expect((await me(s.cookie)).statusCode).toBe(200);
    expect({ audit: await count('audit_event'), files: await count('case_file') }).toEqual(beforePatch);
    expect(beforePatch.files).toBe(before.files + 1);
    expect(beforePatch.audit).toBe(before.audit + 1);
  });

  it('accepts the same request with the token, from the same origin (control)', async () => {
    const s = await loginAs(t.app, await worker());
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/usagers',
      headers: { ...s.send, host: 'jalon.paris.example', origin: 'https://jalon.paris.example' },
      payload: minimalUsager(),
    });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});

describe('password change', () => {
  it('validates, checks the current password, then ends the other sessions', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    const other = await loginAs(t.app, u);
    const change = (payload: object) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: s.send, payload });

    const short = await change({ currentPassword: TEST_PASSWORD, newPassword: 'court-11car' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.code).toBe('validation_error');
    expect(short.json().error.message).toMatch(/au moins 12 caractères/);
    expect(short.json().error.fields.newPassword).toMatch(/au moins 12 caractères/);

    const wrong = await change({ currentPassword: 'pas-le-bon-mot-de-passe', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'wrong_password',
      message: 'Le mot de passe actuel est incorrect',
    });
    expect((await me(other.cookie)).statusCode).toBe(200);

    const ok = await change({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD });
    expect(ok.statusCode).toBe(204);
    expect((await me(s.cookie)).statusCode).toBe(200);
    expect((await me(other.cookie)).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(401);
    expect((await login(u.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('requires a session', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('first-admin set-up', () => {
  it('is offered on an empty database only, once', async () => {
    const fresh = await buildTestApp();
    try {
      expect((await fresh.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: true });
      const admin = {
        email: 'Premiere.Admin@Paris.example',
        displayName: 'Première administratrice',
        password: 'un-mot-de-passe-solide',
      };
      const res = await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: admin });
      expect(res.statusCode, res.body).toBe(201);
      const cookie = sessionCookie(res);
      expect(cookie?.httpOnly).toBe(true);
      expect(res.json().user).toMatchObject({
        email: 'premiere.admin@paris.example',
        role: 'admin_fonctionnel',
        siteId: null,
      });
      expect(res.json().csrfToken).toBeTruthy();
      const meRes = await fresh.app.inject({
        method: 'GET',
        url: '/api/auth/me',
        headers: { cookie: `jalon_sid=${cookie?.value}` },
      });
      expect(meRes.statusCode).toBe(200);
      expect(meRes.json().user.role).toBe('admin_fonctionnel');

      const again = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...admin, email: 'autre@paris.example' },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.code).toBe('setup_done');
      expect(sessionCookie(again)).toBeUndefined();
      expect((await fresh.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needed: false });
      const users = await fresh.db.selectFrom('app_user').select(['email', 'role']).execute();
      expect(users).toEqual([{ email: 'premiere.admin@paris.example', role: 'admin_fonctionnel' }]);
    } finally {
      await fresh.close();
    }
  });
});

describe('security headers', () => {
  it.each([
    ['a success', '/api/health'],
    ['an error', '/api/auth/me'],
    ['an unknown API route', '/api/nulle-part'],
  ])('are set on %s', async (_what, url) => {
    const res = await t.app.inject({ method: 'GET', url });
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['content-security-policy']).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['strict-transport-security']).toBeUndefined(); // plain http here
  });

  it('adds HSTS behind https (JALON_SECURE_COOKIES=1)', async () => {
    const https = await buildApp({ db: t.db, dbKind: 'pglite', clock: t.clock.now, secureCookies: true });
    try {
      const res = await https.inject({ method: 'GET', url: '/api/health' });
      expect(res.headers['strict-transport-security']).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    } finally {
      await https.close();
    }
  });
});

describe('the admin and the DPO have no access to usagers', () => {
  let file: { id: string };
  let birthName: string;
  let admin: Session;
  let dpo: Session;
  let dpoUser: TestUser;

  beforeAll(async () => {
    const ts = await loginAs(t.app, await worker());
    birthName = `Secretnom${Date.now()}`;
    file = await createUsagerAs(t.app, ts, minimalUsager({ birthName }));
    admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    dpoUser = await buildUser(t.db, 'dpo', null);
    dpo = await loginAs(t.app, dpoUser);
  });

  it.each(['admin', 'dpo'] as const)('%s: the file is 404, the search 403, the lists empty', async (who) => {
    const s = who === 'admin' ? admin : dpo;
    const read = await t.app.inject({ method: 'GET', url: `/api/usagers/${file.id}`, headers: s.get });
    expect(read.statusCode).toBe(404);
    expect(read.json().error.code).toBe('not_found');
    const search = await t.app.inject({ method: 'GET', url: `/api/usagers/search?q=${birthName}`, headers: s.get });
    expect(search.statusCode).toBe(403);
    expect(search.json().error.code).toBe('forbidden');
    for (const url of [`/api/usagers/${file.id}/consultations`, '/api/usagers/mine', '/api/usagers/team']) {
      const res = await t.app.inject({ method: 'GET', url, headers: s.get });
      expect(res.body).not.toContain(birthName);
      expect(res.body).not.toContain(file.id);
    }
  });

  it('the DPO audit log needs a purpose of 10 characters or more, and the search itself is logged', async () => {
    const searches = () => count('audit_event', sql`action = 'audit_log.search'`);
    const before = await searches();
    const totalBefore = await count('audit_event');
    for (const q of ['', '?purpose=', '?purpose=court', '?purpose=%20%20%20%20neuf%20car', '?purpose=123456789']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/dpo/audit-events${q}`, headers: dpo.get });
      expect(res.statusCode, q).toBe(400);
      expect(res.json().error.code).toBe('validation_error');
      expect(res.json().error.message).toMatch(/Motif|motif/);
    }
    expect(await count('audit_event')).toBe(totalBefore);

    const purpose = 'Contrôle après signalement';
    const ok = await t.app.inject({
      method: 'GET',
      url: `/api/dpo/audit-events?purpose=${encodeURIComponent(purpose)}&action=auth.login`,
      headers: dpo.get,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items.length).toBeGreaterThan(0);
    expect(ok.json().items.every((i: { action: string }) => i.action === 'auth.login')).toBe(true);
    expect(await searches()).toBe(before + 1);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'actor_role', 'diff'])
      .where('action', '=', 'audit_log.search')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(dpoUser.id);
    expect(row.actor_role).toBe('dpo');
    expect(row.diff).toMatchObject({ purpose, action: 'auth.login' });

    const asAdmin = await t.app.inject({
      method: 'GET',
      url: `/api/dpo/audit-events?purpose=${encodeURIComponent(purpose)}`,
      headers: admin.get,
    });
    expect(asAdmin.statusCode).toBe(403);
    expect(await searches()).toBe(before + 1);
  });
});
