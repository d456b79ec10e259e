import { describe, expect, it } from 'vitest';
import { appWithSite } from '../test/app-with-site.js';
import { TEST_PASSWORD } from '../test/factories.js';
import { IP_MAX_FAILURES, clientKey } from './ip-throttle.js';

/** Login throttling per client address, on top of the per-account delay (login-throttle.ts), with the controllable clock. */

const MIN = 60 * 1000;
const { t, worker } = appWithSite();

const login = (remoteAddress: string, email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', remoteAddress, payload: { email, password } });
const unknown = (i: number) => `inconnu-${i}-${Math.random().toString(36).slice(2)}@test.jalon.local`;

describe('per client address', () => {
  it(`answers 429 with Retry-After after ${IP_MAX_FAILURES} failures in 15 minutes, over any accounts, even with the right password`, async () => {
    const ip = '203.0.113.10';
    const u = await worker();
    // Failures spread over many accounts (unknown ones, and 4 wrong passwords on a real one: below its own delay).
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      const res = await login(ip, i < 4 ? u.email : unknown(i), 'mauvais-mot-de-passe');
      expect(res.statusCode, `failure ${i + 1}`).toBe(401);
      t.clock.advance(10 * 1000);
    }
    const blocked = await login(ip, u.email, TEST_PASSWORD);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('too_many_attempts');
    expect(blocked.json().error.message).toMatch(
      /^Trop de tentatives de connexion depuis votre poste : réessayez dans \d+ minutes?\.$/,
    );
    expect(blocked.cookies.find((c) => c.name === 'jalon_sid')).toBeUndefined();
    // The first failure was 200 s ago: it leaves the 15-minute window in 700 s.
    expect(blocked.headers['retry-after']).toBe('700');

    // Another address is not slowed down; the account itself is not locked.
    expect((await login('198.51.100.7', u.email, TEST_PASSWORD)).statusCode).toBe(200);

    // Sliding window: when the oldest failure leaves it, one attempt is allowed again.
    t.clock.advance(699 * 1000);
    expect((await login(ip, u.email, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(1000);
    expect((await login(ip, unknown(99), 'mauvais')).statusCode).toBe(401);
    const again = await login(ip, u.email, TEST_PASSWORD);
    expect(again.statusCode).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeLessThanOrEqual(10);
    t.clock.advance(15 * MIN);
    expect((await login(ip, u.email, TEST_PASSWORD)).statusCode).toBe(200);
  });

  it('a successful login does not clear the failures of the address (one valid account cannot reset it)', async () => {
    const ip = '203.0.113.20';
    const u = await worker();
    for (let i = 0; i < IP_MAX_FAILURES - 1; i++) expect((await login(ip, unknown(i), 'mauvais')).statusCode).toBe(401);
    expect((await login(ip, u.email, TEST_PASSWORD)).statusCode).toBe(200);
    expect((await login(ip, unknown(50), 'mauvais')).statusCode).toBe(401);
    expect((await login(ip, u.email, TEST_PASSWORD)).statusCode).toBe(429);
    t.clock.advance(16 * MIN);
  });

  it('counts an IPv6 client by its /64 network', async () => {
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      expect((await login(`2001:db8:1:2::${(i + 1).toString(16)}`, unknown(i), 'mauvais')).statusCode).toBe(401);
    }
    const u = await worker();
    expect((await login('2001:db8:1:2:ffff:1:2:3', u.email, TEST_PASSWORD)).statusCode).toBe(429);
    expect((await login('2001:db8:1:3::1', u.email, TEST_PASSWORD)).statusCode).toBe(200);
    t.clock.advance(16 * MIN);
  });

  it('a malformed login body is a 400 and does not count as a failure', async () => {
    const ip = '203.0.113.30';
    for (let i = 0; i < IP_MAX_FAILURES + 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: ip,
        payload: { email: 42 },
      });
      expect(res.statusCode).toBe(400);
    }
    expect((await login(ip, (await worker()).email, TEST_PASSWORD)).statusCode).toBe(200);
  });
});

describe('clientKey', () => {
  it.each([
    ['192.0.2.1', '192.0.2.1'],
    ['::ffff:192.0.2.1', '192.0.2.1'],
    ['2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:a:b:c:d:e:f', '2001:db8:a:b::/64'],
    ['::1', '0:0:0:0::/64'],
  ])('%s → %s', (ip, key) => expect(clientKey(ip)).toBe(key));
});
