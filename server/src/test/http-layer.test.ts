import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from './factories.js';

/**
 * The HTTP layer (docs/security.md, Bad input and HTTP): errors raised below the router answer the French envelope
 * with the security headers; answers with personal data are never cached; `Origin: null` is refused on writes; the
 * server listens on the loopback unless HOST says otherwise.
 */

let t: TestApp;
let port: number;
let worker: Session;
let admin: Session;
let site: Awaited<ReturnType<typeof buildSite>>;

beforeAll(async () => {
  t = await buildTestApp();
  site = await buildSite(t.db);
  worker = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as AddressInfo).port;
});
afterAll(() => t.close());

/** Sends raw bytes on a new connection and returns everything the server wrote before closing it. */
const raw = (bytes: string | Buffer) =>
  new Promise<{ status: number; headers: Record<string, string>; body: string }>((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (c) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((l) => [l.slice(0, l.indexOf(':')).toLowerCase(), l.slice(l.indexOf(':') + 1).trim()]),
      );
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(bytes);
  });

describe('errors below the router', () => {
  const CASES: [string, string | Buffer, number][] = [
    ['malformed request line', 'GET /api/health HTTP/1.1 extra\r\nHost: x\r\n\r\n', 400],
    ['control byte in the query', 'GET /api/health?q=a\u0001b HTTP/1.1\r\nHost: x\r\n\r\n', 400],
    [
      'raw non-ASCII bytes in the request line',
      Buffer.concat([Buffer.from('GET /api/health?q='), Buffer.from([0xff, 0x00]), Buffer.from(' HTTP/1.1\r\n\r\n')]),
      400,
    ],
    ['header too large', `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    [
      'Content-Length and Transfer-Encoding together',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nTransfer-Encoding: chunked\r\n\r\n2\r\n{}\r\n0\r\n\r\n',
      400,
    ],
    [
      'two different Content-Length',
      'POST /api/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\n{}',
      400,
    ],
  ];

  it.each(CASES)('%s: the French envelope with the security headers', async (_, bytes, status) => {
    const res = await raw(bytes);
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = JSON.parse(res.body) as { error: { code: string; message: string } };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toMatch(/^[a-z_]+$/);
    expect(body.error.message).toMatch(/requête/i);
    expect(res.body).not.toMatch(/Bad Request|Client Error|statusCode/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['content-security-policy']).toMatch(/default-src 'self'/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('a well-formed request on the same server still answers normally', async () => {
    const res = await raw('GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
    expect(res.status).toBe(200);
  });
});

describe('Cache-Control: no-store', () => {
  it('on every API answer with personal data: JSON, PDF, errors', async () => {
    const file = await createUsagerAs(t.app, worker);
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: worker.get }),
      await t.app.inject({ method: 'GET', url: `/api/usagers/${file.id}`, headers: worker.get }),
      await t.app.inject({ method: 'GET', url: '/api/usagers/search?q=dupont', headers: worker.get }),
      await t.app.inject({ method: 'GET', url: '/api/admin/users', headers: admin.get }),
      await t.app.inject({
        method: 'GET',
        url: `/api/statistics/report.pdf?siteId=${site.id}&year=2026`,
        headers: admin.get,
      }),
      await t.app.inject({
        method: 'GET',
        url: '/api/usagers/00000000-0000-4000-8000-000000000000',
        headers: worker.get,
      }),
    ];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 404]);
    expect(answers[4]?.headers['content-type']).toMatch(/application\/pdf/);
    for (const r of answers) expect(r.headers['cache-control'], r.body.slice(0, 80)).toBe('no-store');
  });
});

describe('Origin', () => {
  it('`Origin: null` is refused on writes, like a foreign origin; the same origin passes', async () => {
    const post = (origin: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/auth/logout',
        headers: { ...worker.send, origin, host: 'jalon.test' },
      });
    const nul = await post('null');
    expect(nul.statusCode).toBe(403);
    expect(nul.json().error.code).toBe('forbidden');
    expect((await post('https://evil.example')).statusCode).toBe(403);
    expect((await post('https://jalon.test')).statusCode).toBe(204);
  });
});

describe('listening address', () => {
  it('is 127.0.0.1 unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
});
