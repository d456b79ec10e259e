import { readFileSync } from 'node:fs';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { appWithSite } from '../test/app-with-site.js';
import { buildTestApp } from '../test/build-test-app.js';
import { TEST_PASSWORD, buildUser, loginAs } from '../test/factories.js';
import { isCommonPassword } from './common-passwords.js';

/** ANSSI-style password rule: at least 12 characters and not one of the 10,000 most common passwords. */

const { t, site, worker } = appWithSite();

const LIST = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
  .split('\n')
  .filter(Boolean);
/** Common passwords long enough to pass the length rule: only the list can refuse them. */
const COMMON_LONG = LIST.filter((p) => p.length >= 12);
const auditCount = async () =>
  Number((await sql<{ n: string }>`select count(*) as n from audit_event`.execute(t.db)).rows[0]?.n);

describe('the committed list', () => {
  it('holds the 10,000 most common passwords, most frequent first, without duplicates', () => {
    expect(LIST).toHaveLength(10_000);
    expect(new Set(LIST).size).toBe(10_000);
    expect(LIST.slice(0, 3)).toEqual(['123456', 'password', '12345678']);
    expect(COMMON_LONG.length).toBeGreaterThan(10);
  });

  it('matches case-insensitively, and not a mere substring', () => {
    expect(isCommonPassword('qwerty123456')).toBe(true);
    expect(isCommonPassword('QWERTY123456')).toBe(true);
    expect(isCommonPassword('qwerty123456-jalon-paris')).toBe(false);
    expect(isCommonPassword(TEST_PASSWORD)).toBe(false);
  });
});

describe('refused with a French code where a password is chosen', () => {
  const expectTooCommon = (res: { statusCode: number; json: () => { error: unknown } }, field: string) => {
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toEqual({
      code: 'password_too_common',
      message: 'Ce mot de passe fait partie des plus courants : choisissez-en un autre',
      fields: { [field]: 'Mot de passe trop courant' },
    });
  };

  it('first-admin set-up', async () => {
    const fresh = await buildTestApp();
    try {
      const payload = { email: 'admin@paris.example', displayName: 'Admin', password: '' };
      for (const password of ['1q2w3e4r5t6y', 'QazWsxEdcRfv']) {
        expectTooCommon(
          await fresh.app.inject({ method: 'POST', url: '/api/setup', payload: { ...payload, password } }),
          'password',
        );
      }
      expect(await fresh.db.selectFrom('app_user').select('id').execute()).toEqual([]);
      const ok = await fresh.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { ...payload, password: 'un-mot-de-passe-solide' },
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await fresh.close();
    }
  });

  it('password change, every common password of 12 characters or more', async () => {
    const u = await worker();
    const s = await loginAs(t.app, u);
    const before = await auditCount();
    for (const newPassword of COMMON_LONG) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: s.send,
        payload: { currentPassword: TEST_PASSWORD, newPassword },
      });
      expectTooCommon(res, 'newPassword');
    }
    expect(await auditCount()).toBe(before);
    expect((await loginAs(t.app, u)).csrf).toBeTruthy(); // the password did not change
    const short = await t.app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: s.send,
      payload: { currentPassword: TEST_PASSWORD, newPassword: '123456' },
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.fields.newPassword).toMatch(/au moins 12 caractères/);
  });

  it('admin user creation and password reset', async () => {
    const admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
    const email = 'nouvel.agent@test.jalon.local';
    const body = { email, displayName: 'Nouvel agent', role: 'secretaire', siteId: site.id, password: 'sonyericsson' };
    expectTooCommon(
      await t.app.inject({ method: 'POST', url: '/api/admin/users', headers: admin.send, payload: body }),
      'password',
    );
    expect(await t.db.selectFrom('app_user').select('id').where('email', '=', email).execute()).toEqual([]);

    const victim = await buildUser(t.db, 'secretaire', site.id);
    const reset = await t.app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${victim.id}`,
      headers: admin.send,
      payload: { password: '123456654321' },
    });
    expectTooCommon(reset, 'password');
    expect((await loginAs(t.app, victim)).csrf).toBeTruthy();
  });
});
