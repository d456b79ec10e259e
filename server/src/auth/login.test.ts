import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appWithSite, sessionCookie } from '../test/app-with-site.js';
import { TEST_PASSWORD, loginAs } from '../test/factories.js';

/**
 * Authentication through the real HTTP API: login, growing delay, session timeouts and logout. CSRF, password change,
 * first-admin set-up, security headers and what the admin and the DPO can (not) read: auth-security.test.ts.
 */

const MIN = 60 * 1000;

const { t, site, worker, login, me, count } = appWithSite();

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the user and a CSRF token, never a hash', async () => {
    const u = await worker();
    const res = await login(u.email, TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const raw = [res.headers['set-cookie']].flat().find((c) => c?.startsWith('jalon_sid='));
    expect(raw).toBeDefined();
    expect(raw).toMatch(/;\s*HttpOnly/i);
    expect(raw).toMatch(/;\s*SameSite=Strict/i);
    expect(raw).toMatch(/;\s*Path=\//i);
    const body = res.json();
    expect(body.csrfToken).toMatch(/^[\w-]{32,}$/);
    expect(body.user).toMatchObject({
      id: u.id,
      email: u.email,
      role: 'travailleur_social',
      siteId: site.id,
      teamIds: [site.teamA],
    });
    const { password_hash } = await t.db
      .selectFrom('app_user')
      .select('password_hash')
      .where('id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(res.body).not.toContain(password_hash);
    // The only key naming a password is the first-login flag (a boolean): nothing else about it leaves the server.
    expect(body.mustChangePassword).toBe(false);
    expect(res.body.replace('"mustChangePassword":false', '')).not.toMatch(/argon2|password/i);
  });

  it('a wrong password and an unknown e-mail get the same French 401 (no account enumeration)', async () => {
    const u = await worker();
    const wrong = await login(u.email, 'pas-le-bon-mot-de-passe');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({
      error: { code: 'invalid_credentials', message: 'Adresse électronique ou mot de passe incorrect' },
    });
    expect(sessionCookie(wrong)).toBeUndefined();
    const unknown = await login('personne-inconnue@test.jalon.local', 'pas-le-bon-mot-de-passe');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(sessionCookie(unknown)).toBeUndefined();
  });

  it('gives a new session id at every login, and never reuses a cookie sent with the login (no fixation)', async () => {
    const u = await worker();
    const first = sessionCookie(await login(u.email, TEST_PASSWORD))?.value;
    const second = sessionCookie(await login(u.email, TEST_PASSWORD))?.value;
    expect(first).toBeTruthy();
    expect(second).toBeTruthy();
    expect(second).not.toBe(first);

    // A value planted by an attacker is ignored and does not become a session.
    const planted = 'valeur-choisie-par-un-attaquant-0123456789';
    const afterPlant = await login(u.email, TEST_PASSWORD, { cookie: `jalon_sid=${planted}` });
    expect(afterPlant.statusCode).toBe(200);
    expect(sessionCookie(afterPlant)?.value).not.toBe(planted);
    expect((await me(`jalon_sid=${planted}`)).statusCode).toBe(401);

    // A live session sent with the login is replaced, and the old id stops working.
    const live = await loginAs(t.app, u);
    const relog = await login(u.email, TEST_PASSWORD, live.send);
    expect(relog.statusCode).toBe(200);
    const fresh = sessionCookie(relog)?.value;
    expect(`jalon_sid=${fresh}`).not.toBe(live.cookie);
    expect((await me(live.cookie)).statusCode).toBe(401);
    expect((await me(`jalon_sid=${fresh}`)).statusCode).toBe(200);
  });
});

describe('growing delay after failures (no hard lock)', () => {
  it('delays the account from this address at the 5th failure, even against the right password, for 1 minute', async () => {
    const u = await worker();
    for (let i = 1; i <= 5; i++) {
      const res = await login(u.email, `mauvais-${i}`);
      expect(res.statusCode, `attempt ${i}`).toBe(401);
    }
    const rightButDelayed = await login(u.email, TEST_PASSWORD);
    expect(rightButDelayed.statusCode).toBe(429);
    expect(rightButDelayed.json().error).toEqual({
      code: 'too_many_attempts',
      message: 'Trop de tentatives pour ce compte depuis votre poste : réessayez dans 1 minute.',
    });
    expect(sessionCookie(rightButDelayed)).toBeUndefined();

    t.clock.advance(MIN - 1000);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(1000);
    const after = await login(u.email, TEST_PASSWORD);
    expect(after.statusCode).toBe(200);
    expect(sessionCookie(after)).toBeDefined();
    expect(await count('audit_event', sql`action = 'auth.login_failed' and actor_id = ${u.id}`)).toBe(5);
  });

  it('a successful login resets the failure count', async () => {
    const u = await worker();
    for (let i = 0; i < 4; i++) expect((await login(u.email, 'mauvais')).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) expect((await login(u.email, 'mauvais')).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('session timeouts', () => {
  it('expires after 30 minutes idle, not before', async () => {
    const s = await loginAs(t.app, await worker());
    t.clock.advance(29 * MIN);
    expect((await me(s.cookie)).statusCode).toBe(200);
    t.clock.advance(31 * MIN);
    const res = await me(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });

  it('expires 12 hours after login even when active every 20 minutes', async () => {
    const s = await loginAs(t.app, await worker());
    for (let elapsed = 20; elapsed <= 700; elapsed += 20) {
      t.clock.advance(20 * MIN);
      expect((await me(s.cookie)).statusCode, `after ${elapsed} min`).toBe(200);
    }
    t.clock.advance(19 * MIN); // 11 h 59
    expect((await me(s.cookie)).statusCode).toBe(200);
    t.clock.advance(2 * MIN); // 12 h 01, idle for 2 minutes only
    const res = await me(s.cookie);
    expect(res.statusCode).toBe(401);
    expect(res.json().error.code).toBe('unauthenticated');
  });
});

describe('logout', () => {
  it('answers 204 and the old cookie no longer works', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    const other = await loginAs(t.app, u);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.send });
    expect(res.statusCode).toBe(204);
    expect(sessionCookie(res)?.value ?? '').toBe('');
    expect((await me(s.cookie)).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'GET', url: '/api/usagers/mine', headers: s.get })).statusCode).toBe(401);
    // Only that session ends.
    expect((await me(other.cookie)).statusCode).toBe(200);
  });
});
