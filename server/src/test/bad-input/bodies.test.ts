import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSession } from '../../auth/sessions.js';
import { loginAs } from '../factories.js';
import {
  counts,
  DEEP,
  expectCleanError,
  expectRefused,
  fill,
  HEAVY,
  headersOf,
  ids,
  leaves,
  type Method,
  sessions,
  setAt,
  short,
  t,
  users,
  useBadInputApp,
  variantsOf,
  writesNothing,
} from './harness.js';
import { mutating, SPECS, specOf } from './specs.js';

/** Bad request bodies on every route with a body, then the valid bodies, then random JSON values (in this order). */
useBadInputApp();

describe('bad input on every route', () => {
  it('every API route has a spec here', () => {
    expect(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((k) => !SPECS[k])).toEqual([]);
  });

  it(
    'malformed bodies: invalid JSON, empty, array, null, scalars, prototype keys, depth 1000, unknown fields, > 1 MB, wrong content type',
    async () => {
      const RAW: { name: string; payload: string | Buffer; type?: string; status: number; code?: string }[] = [
        { name: 'truncated JSON', payload: '{"birthName": "Dupont",', status: 400, code: 'invalid_json' },
        { name: 'single quotes', payload: "{'birthName': 'Dupont'}", status: 400, code: 'invalid_json' },
        { name: 'trailing comma', payload: '{"a": 1,}', status: 400, code: 'invalid_json' },
        { name: 'NaN', payload: 'NaN', status: 400, code: 'invalid_json' },
        { name: 'empty body', payload: '', status: 400, code: 'invalid_json' },
        { name: 'blank body', payload: '  \n ', status: 400, code: 'invalid_json' },
        {
          name: 'prototype pollution',
          payload: '{"__proto__": {"role": "admin_fonctionnel"}}',
          status: 400,
          code: 'invalid_json',
        },
        {
          name: 'constructor pollution',
          payload: '{"constructor": {"prototype": {"role": "admin_fonctionnel"}}}',
          status: 400,
        },
        { name: 'array', payload: '[]', status: 400, code: 'validation_error' },
        { name: 'array of objects', payload: '[{"birthName": "Dupont"}]', status: 400, code: 'validation_error' },
        { name: 'null', payload: 'null', status: 400, code: 'validation_error' },
        { name: 'number', payload: '42', status: 400, code: 'validation_error' },
        { name: 'string', payload: '"Dupont"', status: 400, code: 'validation_error' },
        { name: 'boolean', payload: 'true', status: 400, code: 'validation_error' },
        { name: 'object nested 1000 deep', payload: JSON.stringify(DEEP), status: 400, code: 'validation_error' },
        {
          name: 'array nested 1000 deep',
          payload: `${'['.repeat(1000)}${']'.repeat(1000)}`,
          status: 400,
          code: 'validation_error',
        },
        {
          name: 'unknown fields only',
          payload: JSON.stringify({ champInconnu: 'x', $where: '1', role: 'admin_fonctionnel' }),
          status: 400,
          code: 'validation_error',
        },
        {
          name: 'invalid UTF-8 bytes',
          payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
          status: 400,
        },
        {
          name: 'over 1 MB',
          payload: JSON.stringify({ birthName: 'a'.repeat(1_100_000) }),
          status: 413,
          code: 'body_too_large',
        },
        {
          name: 'text/plain',
          payload: '{"birthName": "Dupont"}',
          type: 'text/plain',
          status: 415,
          code: 'unsupported_media_type',
        },
        {
          name: 'form',
          payload: 'birthName=Dupont',
          type: 'application/x-www-form-urlencoded',
          status: 415,
          code: 'unsupported_media_type',
        },
        { name: 'xml', payload: '<usager/>', type: 'application/xml', status: 415, code: 'unsupported_media_type' },
        {
          name: 'multipart',
          payload: '--x\r\n\r\n--x--',
          type: 'multipart/form-data; boundary=x',
          status: 415,
          code: 'unsupported_media_type',
        },
      ];
      for (const r of mutating()) {
        if (r.url === '/api/auth/logout') continue; // has no body: see its own test
        const spec = specOf(r);
        await writesNothing(`${r.method} ${r.url}`, async () => {
          for (const raw of RAW) {
            // The uploads are multipart: an empty multipart body is a 400 there (documents, imports, the CAF flux).
            if (
              raw.name === 'multipart' &&
              ['/api/usagers/:id/documents', '/api/imports', '/api/rsa/flux'].includes(r.url)
            )
              continue;
            const label = `${r.method} ${r.url} ${raw.name}`;
            const { err } = await expectRefused(
              label,
              {
                method: r.method as Method,
                url: fill(r.url),
                headers: { ...headersOf(spec.who, r.method), 'content-type': raw.type ?? 'application/json' },
                payload: raw.payload,
              },
              raw.status,
            );
            if (raw.code) expect(err.code, label).toBe(raw.code);
          }
        });
      }
    },
    HEAVY,
  );

  it(
    'each field of each body: wrong types, 100,000 characters, control characters, depth 1000, impossible and future dates',
    async () => {
      for (const r of mutating()) {
        const spec = specOf(r);
        if (!spec.body) continue;
        const body = spec.body(ids);
        for (const { path, value } of leaves(body)) {
          const key = String(path.filter((p) => typeof p === 'string').at(-1));
          await writesNothing(`${r.method} ${r.url} ${path.join('.')}`, async () => {
            for (const bad of variantsOf(path, value)) {
              const label = `${r.method} ${r.url} ${path.join('.')}=${short(bad)}`;
              const business = spec.businessLeaves?.[key];
              const { err } = await expectRefused(
                label,
                {
                  method: r.method as Method,
                  url: fill(r.url),
                  headers: headersOf(spec.who, r.method),
                  payload: setAt(body, path, bad),
                },
                business && typeof bad === 'string' && bad.length < 200 ? [400, business] : 400,
              );
              if (err.code === 'validation_error' && path.length === 1)
                expect(Object.keys((err as { fields?: object }).fields ?? {}), label).toContain(key);
            }
          });
        }
      }
    },
    HEAVY,
  );

  it('strict bodies refuse a valid body with an unknown field added', () =>
    writesNothing('strict bodies', async () => {
      // These creation and auth schemas drop unknown fields instead (zod's default): a misspelt field is lost silently.
      const lenient: string[] = [];
      for (const r of mutating().filter((x) => specOf(x).body && !lenient.includes(`${x.method} ${x.url}`))) {
        const spec = specOf(r);
        await expectRefused(
          `${r.method} ${r.url}`,
          {
            method: r.method as Method,
            url: fill(r.url),
            headers: headersOf(spec.who, r.method),
            payload: { ...spec.body?.(ids), champInconnu: true },
          },
          400,
        );
      }
      const file = `/api/usagers/${ids.file}`;
      await expectRefused(
        'PATCH identity with an unknown field',
        { method: 'PATCH', url: file, headers: sessions.ts.send, payload: { identity: { nir: '1850475118012' } } },
        400,
      );
    }));

  it('logout ignores its body, but a malformed one is refused without ending the session', async () => {
    const s = await loginAs(t.app, users.ts2);
    await writesNothing('logout', async () => {
      for (const [payload, type, status] of [
        ['{', 'application/json', 400],
        ['x'.repeat(1_100_000), 'application/json', 413],
        ['bye', 'text/plain', 415],
      ] as const) {
        await expectRefused(
          `logout ${type} ${status}`,
          { method: 'POST', url: '/api/auth/logout', headers: { ...s.send, 'content-type': type }, payload },
          status,
        );
        expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.get })).statusCode).toBe(200);
      }
    });
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: s.send,
      payload: [1, { a: null }],
    });
    expect(out.statusCode).toBe(204);
  });

  it('the baseline bodies are accepted (so the refusals above come from the bad values)', async () => {
    const deletesLast = mutating().sort(
      (a, b) => Number(a.url.endsWith('/delete')) - Number(b.url.endsWith('/delete')),
    );
    for (const r of deletesLast) {
      const spec = specOf(r);
      if (!spec.body) continue;
      const res = await t.app.inject({
        method: r.method as Method,
        url: fill(r.url),
        headers: headersOf(spec.who, r.method),
        payload: spec.body(ids),
      });
      if (spec.baseline && spec.baseline >= 400) expectCleanError(res, `${r.method} ${r.url}`);
      expect(res.statusCode, `${r.method} ${r.url} ${res.body.slice(0, 300)}`).toBe(
        spec.baseline ?? (r.method === 'POST' ? 201 : 200),
      );
    }
  });
});

describe('random JSON values (fast-check)', () => {
  it(
    'never a 5xx, always the error body, and nothing written when refused',
    async () => {
      for (const r of mutating()) {
        const spec = specOf(r);
        const keys = [
          ...new Set(
            spec.body
              ? leaves(spec.body(ids)).flatMap((l) => l.path.filter((p): p is string => typeof p === 'string'))
              : [],
          ),
        ];
        const value = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
        const shaped = keys.length
          ? fc.dictionary(
              fc.constantFrom(...keys, 'champInconnu'),
              fc.oneof(value, fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 })),
              { maxKeys: 6 },
            )
          : value;
        // The counts after a run are the counts before the next one (an accepted request may write).
        let last = await counts();
        await fc.assert(
          fc.asyncProperty(fc.oneof(value, shaped), async (v) => {
            // Logout ends the session it is sent with: a fresh one each run (made directly, to skip argon2).
            const s = r.url === '/api/auth/logout' ? await createSession(t.db, users.ts2.id, t.clock.now()) : null;
            const res = await t.app.inject({
              method: r.method as Method,
              url: fill(r.url),
              payload: JSON.stringify(v),
              headers: {
                ...(s
                  ? { cookie: `jalon_sid=${s.cookie}`, 'x-csrf-token': s.csrfToken }
                  : headersOf(spec.who, r.method)),
                'content-type': 'application/json',
              },
            });
            const before = last;
            last = await counts();
            const label = `${r.method} ${r.url} ${short(v)}`;
            expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
            if (res.statusCode < 300) return;
            expectCleanError(res, label);
            const loginLogged = r.url === '/api/auth/login' && res.statusCode === 401 ? 1 : 0;
            expect(last, label).toEqual({ ...before, audit_event: before.audit_event + loginLogged });
          }),
          { numRuns: 25 },
        );
      }
    },
    HEAVY,
  );
});
