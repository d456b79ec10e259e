import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { appWithSite } from '../test/app-with-site.js';
import { TEST_PASSWORD, buildUser, loginAs, type Session, type TestUser } from '../test/factories.js';
import { enrolmentOf } from '../test/second-factor-factory.js';
import { totpCode } from './totp.js';

/** TOTP second factor through the HTTP API: enrolment, login step 2, recovery codes, mandatory roles, disabling, reset. */

const STEP = 30_000;
const { t, worker } = appWithSite();
const post = (url: string, s: Session | null, payload?: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url, headers: s?.send ?? {}, ...(payload === undefined ? {} : { payload }) });
const get = (url: string, s: Session) => t.app.inject({ method: 'GET', url, headers: s.get });
const login = (email: string, password: string, code?: string) =>
  t.app.inject({
    method: 'POST',
    url: '/api/auth/login',
    remoteAddress: '192.0.2.50',
    payload: { email, password, ...(code === undefined ? {} : { code }) },
  });
const hasCookie = (res: { cookies: { name: string }[] }) => res.cookies.some((c) => c.name === 'jalon_sid');
const actions = async (userId: string) =>
  (
    await sql<{ action: string }>`select action from audit_event where target_id = ${userId} order by id`.execute(t.db)
  ).rows.map((r) => r.action);

/** Enrols through the API as the user would; returns the secret and the recovery codes. */
async function enrol(s: Session) {
  const start = await post('/api/auth/totp/enrolment', s);
  expect(start.statusCode, start.body).toBe(200);
  const { secret } = start.json();
  const done = await post('/api/auth/totp/confirm', s, { code: totpCode(secret, t.clock.now()) });
  expect(done.statusCode, done.body).toBe(200);
  return { secret: secret as string, recoveryCodes: done.json().recoveryCodes as string[] };
}

describe('enrolment', () => {
  it('gives a QR code (SVG data URL) and the secret in text, keeps it sealed, and confirms with a code', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    expect((await get('/api/auth/me', s)).json().secondFactor).toEqual({ enrolled: false, required: false });

    const start = await post('/api/auth/totp/enrolment', s);
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUri, qrCode } = start.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(otpauthUri).toBe(
      `otpauth://totp/Jalon:${encodeURIComponent(u.email)}?secret=${secret}&period=30&digits=6&algorithm=SHA1&issuer=Jalon`,
    );
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(qrCode.split(',')[1], 'base64').toString()).toMatch(
      /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/,
    );

    const stored = await t.db
      .selectFrom('user_second_factor')
      .selectAll()
      .where('user_id', '=', u.id)
      .executeTakeFirstOrThrow();
    expect(stored.pending_secret).toMatch(/^jk1\./);
    expect(JSON.stringify(stored)).not.toContain(secret);
    expect(stored.enabled_at).toBeNull();

    const wrong = await post('/api/auth/totp/confirm', s, {
      code: '000000' === totpCode(secret, t.clock.now()) ? '111111' : '000000',
    });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error).toMatchObject({
      code: 'invalid_totp_code',
      fields: { code: 'Code incorrect ou expiré' },
    });
    expect((await get('/api/auth/me', s)).json().secondFactor.enrolled).toBe(false);

    const ok = await post('/api/auth/totp/confirm', s, { code: totpCode(secret, t.clock.now()) });
    expect(ok.statusCode, ok.body).toBe(200);
    const codes: string[] = ok.json().recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const rows = await t.db
      .selectFrom('recovery_code')
      .select(['code_hash', 'used_at'])
      .where('user_id', '=', u.id)
      .execute();
    expect(rows).toHaveLength(10);
    const raw =
      JSON.stringify(await t.db.selectFrom('user_second_factor').selectAll().where('user_id', '=', u.id).execute()) +
      JSON.stringify(rows);
    for (const c of [secret, ...codes, ...codes.map((x) => x.replace(/-/g, ''))]) expect(raw).not.toContain(c);
    expect((await get('/api/auth/me', s)).json().secondFactor).toEqual({ enrolled: true, required: false });
    expect(await actions(u.id)).toEqual(expect.arrayContaining(['auth.totp_enrolment_started', 'auth.totp_enabled']));

    const again = await post('/api/auth/totp/enrolment', s);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('totp_already_enabled');
  });

  it('confirming without a started enrolment is a 409', async () => {
    const s = await loginAs(t.app, await worker());
    const res = await post('/api/auth/totp/confirm', s, { code: '123456' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('totp_no_enrolment');
  });
});

describe('login with a factor', () => {
  let u: TestUser;
  let factor: { secret: string; recoveryCodes: string[] };
  beforeAll(async () => {
    u = await worker();
    factor = await enrol(await loginAs(t.app, u));
    t.clock.advance(STEP);
  });

  it('asks for the code after the right password, then accepts each code once', async () => {
    const noCode = await login(u.email, TEST_PASSWORD);
    expect(noCode.statusCode).toBe(401);
    expect(noCode.json().error.code).toBe('totp_required');
    expect(noCode.json().error.message).toMatch(/code à 6 chiffres/);
    expect(hasCookie(noCode)).toBe(false);
    // A wrong password is refused before the code is even asked for.
    expect(
      (await login(u.email, 'mauvais-mot-de-passe', totpCode(factor.secret, t.clock.now()))).json().error.code,
    ).toBe('invalid_credentials');

    const code = totpCode(factor.secret, t.clock.now());
    const ok = await login(u.email, TEST_PASSWORD, code);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(hasCookie(ok)).toBe(true);
    const replay = await login(u.email, TEST_PASSWORD, code);
    expect(replay.statusCode).toBe(401);
    expect(replay.json().error.code).toBe('invalid_totp_code');
    expect(hasCookie(replay)).toBe(false);

    t.clock.advance(STEP);
    expect((await login(u.email, TEST_PASSWORD, totpCode(factor.secret, t.clock.now()))).statusCode).toBe(200);
    // A code of the previous step is still accepted (clock drift), not one from 2 steps away.
    t.clock.advance(STEP);
    const older = totpCode(factor.secret, new Date(t.clock.now().getTime() - 2 * STEP));
    expect((await login(u.email, TEST_PASSWORD, older)).statusCode).toBe(401);
  });

  it('a recovery code works once, with or without its dashes', async () => {
    const [first = '', second = ''] = factor.recoveryCodes;
    expect((await login(u.email, TEST_PASSWORD, first.toUpperCase())).statusCode).toBe(200);
    expect((await login(u.email, TEST_PASSWORD, first)).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD, second.replace(/-/g, ''))).statusCode).toBe(200);
    const used = await t.db
      .selectFrom('recovery_code')
      .select('id')
      .where('user_id', '=', u.id)
      .where('used_at', 'is not', null)
      .execute();
    expect(used).toHaveLength(2);
    const row = await t.db
      .selectFrom('audit_event')
      .select('diff')
      .where('action', '=', 'auth.recovery_code_used')
      .where('actor_id', '=', u.id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.diff).toEqual({ left: 8 });
  });

  it('wrong codes count towards the delay of the account', async () => {
    const v = await worker();
    const f = await enrol(await loginAs(t.app, v));
    t.clock.advance(STEP);
    for (let i = 1; i <= 5; i++)
      expect((await login(v.email, TEST_PASSWORD, '000001')).statusCode, `attempt ${i}`).toBe(401);
    expect((await login(v.email, TEST_PASSWORD, totpCode(f.secret, t.clock.now()))).statusCode).toBe(429);
    t.clock.advance(16 * 60_000);
  });
});

describe('mandatory for the admin and the DPO', () => {
  it.each([
    ['admin_fonctionnel', '/api/admin/users'],
    ['dpo', '/api/dpo/audit-events?purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9'],
  ] as const)('%s without a factor reaches only the enrolment, then everything once enrolled', async (role, url) => {
    const u = await buildUser(t.db, role, null, [], { secondFactor: false });
    const s = await loginAs(t.app, u);
    expect((await get('/api/auth/me', s)).json().secondFactor).toEqual({ enrolled: false, required: true });
    const blocked = await get(url, s);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error).toEqual({
      code: 'totp_enrolment_required',
      message: 'La double authentification est obligatoire pour votre profil : activez-la pour continuer',
    });
    expect((await get('/api/motifs', s)).statusCode).toBe(403);
    expect((await post('/api/admin/sites', s, { code: 'bloque', name: 'Site', kind: 'EPS' })).statusCode).toBe(403);
    expect(await t.db.selectFrom('site').select('id').where('code', '=', 'bloque').execute()).toEqual([]);

    await enrol(s);
    expect((await get(url, s)).statusCode).toBe(200);
    const off = await post('/api/auth/totp/disable', s, { password: TEST_PASSWORD });
    expect(off.statusCode).toBe(403);
    expect(off.json().error.message).toMatch(/obligatoire pour votre profil/);
  });
});

describe('disabling and reset', () => {
  it('the user disables with the password; then the login needs no code', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    await enrol(s);
    const wrong = await post('/api/auth/totp/disable', s, { password: 'pas-le-bon-mot-de-passe' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().error.code).toBe('wrong_password');
    expect((await get('/api/auth/me', s)).json().secondFactor.enrolled).toBe(true);
    expect((await post('/api/auth/totp/disable', s, { password: TEST_PASSWORD })).statusCode).toBe(204);
    expect(await t.db.selectFrom('recovery_code').select('id').where('user_id', '=', u.id).execute()).toEqual([]);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect(await actions(u.id)).toContain('auth.totp_disabled');
    const twice = await post('/api/auth/totp/disable', s, { password: TEST_PASSWORD });
    expect(twice.statusCode).toBe(409);
  });

  it('an admin resets a lost factor: audited, the user’s sessions end, the next login needs no code', async () => {
    const admin = await buildUser(t.db, 'admin_fonctionnel', null);
    const a = await loginAs(t.app, admin);
    const u = await worker();
    const us = await loginAs(t.app, u);
    await enrol(us);

    const asWorker = await post(`/api/admin/users/${admin.id}/totp/reset`, us);
    expect(asWorker.statusCode).toBe(403);
    expect(enrolmentOf(admin.email)).toBeDefined();

    const listed = async () =>
      (await get('/api/admin/users', a)).json().items.find((x: { id: string }) => x.id === u.id).secondFactor;
    expect(await listed()).toBe(true);
    const res = await post(`/api/admin/users/${u.id}/totp/reset`, a);
    expect(res.statusCode, res.body).toBe(204);
    expect(await listed()).toBe(false);
    expect((await get('/api/auth/me', us)).statusCode).toBe(401);
    expect((await login(u.email, TEST_PASSWORD)).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('audit_event')
      .select(['actor_id', 'action'])
      .where('target_id', '=', u.id)
      .where('action', '=', 'user.totp_reset')
      .executeTakeFirstOrThrow();
    expect(row.actor_id).toBe(admin.id);
    expect((await post(`/api/admin/users/${u.id}/totp/reset`, a)).json().error.code).toBe('totp_not_enabled');
    expect((await post('/api/admin/users/00000000-0000-4000-8000-000000000000/totp/reset', a)).statusCode).toBe(404);
  });
});
