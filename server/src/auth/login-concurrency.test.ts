import { describe, expect, it } from 'vitest';
import { appWithSite, sessionCookie } from '../test/app-with-site.js';
import { TEST_PASSWORD } from '../test/factories.js';
import { IP_MAX_FAILURES } from './ip-throttle.js';
import { FIRST_DELAY_S, FREE_ATTEMPTS } from './login-throttle.js';

/**
 * Login under concurrency (docs/security.md, Login): every attempt is reserved before the password is checked, so
 * 30 simultaneous guesses get no more tries than 30 sequential ones; the delay grows per account and address, an
 * unknown e-mail gets exactly the same answers, and another address is never slowed down.
 */

const { t, worker } = appWithSite();

const login = (remoteAddress: string, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
const burst = (remoteAddress: string, email: string, n = 30) =>
  Promise.all(Array.from({ length: n }, (_, i) => login(remoteAddress, email, `mauvais-${i}`)));
const statuses = (all: { statusCode: number }[]) =>
  all.reduce<Record<number, number>>((m, r) => ({ ...m, [r.statusCode]: (m[r.statusCode] ?? 0) + 1 }), {});

describe('30 simultaneous wrong passwords', () => {
  it(`get ${FREE_ATTEMPTS} tries, then the right password waits too; an unknown e-mail gets the same answers`, async () => {
    const u = await worker();
    const known = await burst('203.0.113.51', u.email);
    expect(statuses(known)).toEqual({ 401: FREE_ATTEMPTS, 429: 30 - FREE_ATTEMPTS });
    const right = await login('203.0.113.51', u.email, TEST_PASSWORD);
    expect(right.statusCode).toBe(429);
    expect(sessionCookie(right)).toBeUndefined();
    expect(right.json().error.code).toBe('too_many_attempts');
    expect(right.headers['retry-after']).toBe(String(FIRST_DELAY_S));

    const unknown = await burst('203.0.113.52', 'personne-inconnue@test.jalon.local');
    expect(statuses(unknown)).toEqual(statuses(known));
    const bodies = (all: { statusCode: number; body: string }[]) =>
      [...new Set(all.map((r) => `${r.statusCode} ${r.body}`))].sort();
    expect(bodies(unknown)).toEqual(bodies(known));
    const unknownAgain = await login('203.0.113.52', 'personne-inconnue@test.jalon.local', TEST_PASSWORD);
    expect(unknownAgain.statusCode).toBe(429);
    expect(unknownAgain.body).toBe(right.body);
    expect(unknownAgain.headers['retry-after']).toBe(right.headers['retry-after']);

    t.clock.advance(FIRST_DELAY_S * 1000);
    expect((await login('203.0.113.51', u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('from one address over many accounts, get no more than the address allows', async () => {
    const all = await Promise.all(
      Array.from({ length: 30 }, (_, i) => login('203.0.113.53', `inconnu-${i}@test.jalon.local`, 'mauvais')),
    );
    expect(statuses(all)).toEqual({ 401: IP_MAX_FAILURES, 429: 30 - IP_MAX_FAILURES });
    t.clock.advance(16 * 60_000);
  });
});

describe('growing delay, not a lock', () => {
  it('doubles after each further failure, the same for an unknown e-mail', async () => {
    const u = await worker();
    const run = async (ip: string, email: string, password: string) => {
      const seen: number[] = [];
      for (let i = 0; i < FREE_ATTEMPTS; i++) seen.push((await login(ip, email, 'mauvais')).statusCode);
      for (const delay of [1, 2, 4]) {
        t.clock.advance(delay * 60_000 - 1000);
        seen.push((await login(ip, email, password)).statusCode);
        t.clock.advance(1000);
        seen.push((await login(ip, email, 'mauvais')).statusCode);
      }
      t.clock.advance(8 * 60_000);
      seen.push((await login(ip, email, password)).statusCode);
      return seen;
    };
    const known = await run('203.0.113.61', u.email, TEST_PASSWORD);
    expect(known).toEqual([401, 401, 401, 401, 401, 429, 401, 429, 401, 429, 401, 200]);
    const unknown = await run('203.0.113.62', 'absent@test.jalon.local', TEST_PASSWORD);
    expect(unknown).toEqual([...known.slice(0, -1), 401]);
  });

  it('failures from one address never slow down the account from another (no lock-out at will)', async () => {
    const admin = await worker();
    for (let i = 0; i < 6; i++) await login('198.51.100.66', admin.email, `mauvais-${i}`);
    await burst('198.51.100.66', admin.email);
    expect((await login('198.51.100.66', admin.email, TEST_PASSWORD)).statusCode).toBe(429);
    const elsewhere = await login('192.0.2.10', admin.email, TEST_PASSWORD);
    expect(elsewhere.statusCode).toBe(200);
    expect(sessionCookie(elsewhere)).toBeDefined();
  });
});
