import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '@jalon/core';
import { createUsagerAs, minimalUsager } from '../factories.js';
import {
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
  t,
  useBadInputApp,
  writesNothing,
} from './harness.js';
import { SPECS } from './specs.js';

/**
 * Property-based bad input (docs/security.md, Bad input): random statistics parameters and random values in the admin
 * routes' bodies get a 2xx or a clean French 4xx, never a 500; half a Unicode character (a lone UTF-16 surrogate) is
 * refused with a French 400 on every free-text field instead of failing in the database or turning into U+FFFD.
 */
useBadInputApp();

/** Half of a surrogate pair, alone. */
const LONE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE = ['\uD800', '\uDFFF', 'ab\uD83Dcd', 'x\uDE00'];
/** A query value as bytes: a lone surrogate (which encodeURIComponent refuses) becomes invalid UTF-8. */
const enc = (v: string) =>
  encodeURIComponent(v.replace(/[\uD800-\uDFFF]/g, '\uFFFD')).replace(/%EF%BF%BD/g, '%ED%A0%80');
/** Any UTF-16 code unit, lone surrogates included. */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) });

describe('lone surrogates', () => {
  const ADMIN_TEXT: [Method, string, (v: string) => Record<string, unknown>, string][] = [
    ['POST', '/api/admin/sites', (v) => ({ code: 'site-demi', name: v, kind: 'EPS' }), 'name'],
    ['PATCH', '/api/admin/sites/:id', (v) => ({ name: v }), 'name'],
    ['POST', '/api/admin/teams', (v) => ({ siteId: ids.site, name: v }), 'name'],
    ['PATCH', '/api/admin/teams/:id', (v) => ({ name: v }), 'name'],
    [
      'POST',
      '/api/admin/users',
      (v) => ({
        email: 'demi@test.jalon.local',
        displayName: v,
        role: 'secretaire',
        siteId: ids.site,
        password: 'un-mot-de-passe-long',
      }),
      'displayName',
    ],
    ['PATCH', '/api/admin/users/:id', (v) => ({ displayName: v }), 'displayName'],
    ['POST', '/api/admin/partners', (v) => ({ name: v, kind: 'CCAS' }), 'name'],
    ['PATCH', '/api/admin/partners/:id', (v) => ({ name: v }), 'name'],
  ];

  it('are refused with a French 400 in every admin name (8 routes)', () =>
    writesNothing('lone surrogates in admin names', async () => {
      for (const [method, url, body, field] of ADMIN_TEXT)
        for (const v of LONE) {
          const label = `${method} ${url} ${JSON.stringify(v)}`;
          const { err } = await expectRefused(
            label,
            { method, url: fill(url), headers: sessions.admin.send, payload: body(`Nom ${v}`) },
            400,
          );
          expect(err.code, label).toBe('validation_error');
          expect(err.fields?.[field], label).toMatch(/moitié de caractère Unicode/);
        }
    }));

  it('are refused in the usager routes instead of being stored as U+FFFD', () =>
    writesNothing('lone surrogates in usager fields', async () => {
      const file = `/api/usagers/${ids.file}`;
      for (const v of LONE) {
        for (const [method, url, payload, field] of [
          ['POST', '/api/usagers', minimalUsager({ birthName: `Nom${v}` }), 'birthName'],
          ['POST', '/api/usagers', minimalUsager({ usedName: `Nom${v}` }), 'usedName'],
          ['PATCH', file, { identity: { firstNames: `Lou${v}` } }, 'identity.firstNames'],
          ['PATCH', file, { contact: { city: `Paris${v}` } }, 'contact.city'],
        ] as const) {
          const label = `${method} ${url} ${field} ${JSON.stringify(v)}`;
          const { err } = await expectRefused(label, { method, url, headers: sessions.ts.send, payload }, 400);
          expect(err.fields?.[field], label).toMatch(/moitié de caractère Unicode/);
        }
      }
    }));

  it('a well-formed pair (an emoji) is still kept exactly', async () => {
    const { id } = await createUsagerAs(t.app, sessions.ts, {
      birthName: 'Fleur \uD83C\uDF3B',
      firstNames: 'Lou',
      birthDate: '1990-03-03',
    });
    const got = await t.app.inject({ method: 'GET', url: `/api/usagers/${id}`, headers: sessions.ts.get });
    expect(got.json().data.person.birthName).toBe('Fleur 🌻');
  });
});

const ADMIN_BODY_ROUTES = Object.entries(SPECS).filter(
  ([k, s]) => s.who === 'admin' && s.body && / \/api\/admin\//.test(k) && !k.startsWith('GET'),
);

describe('random values in the admin routes', () => {
  it(
    'any value at any leaf of a valid body: a 2xx or a clean French 4xx',
    async () => {
      expect(ADMIN_BODY_ROUTES.length).toBeGreaterThanOrEqual(8);
      const value = fc.oneof(
        codeUnits,
        fc.jsonValue({ maxDepth: 2, stringUnit: 'binary' }),
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.constantFrom(...LONE, '', ' ', '\u0000', 'x'.repeat(5000), -1, 0, 1e300, null),
      );
      for (const [key, spec] of ADMIN_BODY_ROUTES) {
        const [method, url] = key.split(' ') as [Method, string];
        const base = spec.body!(ids);
        const paths = leaves(base).map((l) => l.path);
        if (!paths.length) continue;
        await fc.assert(
          fc.asyncProperty(fc.constantFrom(...paths), value, async (path, v) => {
            const payload = setAt(spec.body!(ids), path, v);
            const res = await t.app.inject({ method, url: fill(url), headers: headersOf('admin', method), payload });
            if (res.statusCode >= 300) expectCleanError(res, `${key} ${path.join('.')}=${JSON.stringify(v)}`);
            if (typeof v === 'string' && LONE_RE.test(v))
              expect(res.statusCode, `${key}: lone surrogate accepted`).toBe(400);
          }),
          { numRuns: 20 },
        );
      }
    },
    HEAVY,
  );
});

describe('random statistics parameters', () => {
  const year = fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 1890, max: 2110 }));
  const two = (n: number) => String(n).padStart(2, '0');
  const date = fc.oneof(
    fc.tuple(year, fc.integer({ min: 0, max: 13 })).map(([y, m]) => `${String(y).padStart(4, '0')}-${two(m)}`),
    fc
      .tuple(year, fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
      .map(([y, m, d]) => `${String(y).padStart(4, '0')}-${two(m)}-${two(d)}`),
    codeUnits,
  );
  const list = (item: fc.Arbitrary<string>) => fc.array(item, { maxLength: 4 }).map((a) => a.join(','));
  const filter = fc.record(
    {
      from: date,
      to: date,
      siteIds: list(fc.oneof(fc.uuid(), fc.constant(':site'), codeUnits)),
      arrondissements: list(fc.oneof(fc.integer({ min: -5, max: 25 }).map(String), codeUnits)),
    },
    { requiredKeys: [] },
  );
  const tableOnly = fc.record(
    {
      indicator: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INDICATOR_IDS) }, codeUnits),
      groupBy: fc.constantFrom('arrondissement', 'site', 'mois', '', 'jour', 'userId'),
      category: fc.oneof({ weight: 3, arbitrary: fc.constant('') }, codeUnits),
      compare: fc.constantFrom('0', '1', '2'),
    },
    { requiredKeys: ['indicator'] },
  );
  const query = (p: Record<string, string>) =>
    Object.entries(p)
      .map(([k, v]) => `${k}=${enc(v.replace(':site', ids.site))}`)
      .join('&');

  it(
    'table, CSV, waiting time, teams, my activity: a 200 or a clean French 4xx, for the admin and a worker',
    async () => {
      const urls = ['table', 'table.csv', 'waiting-time', 'teams', 'my-activity'];
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...urls),
          fc.constantFrom('admin', 'ts') as fc.Arbitrary<'admin' | 'ts'>,
          filter,
          tableOnly,
          async (u, who, f, own) => {
            const url = `/api/statistics/${u}?${query(u.startsWith('table') ? { ...own, ...f } : f)}`;
            const res = await t.app.inject({ method: 'GET', url, headers: headersOf(who, 'GET') });
            if (res.statusCode !== 200) expectCleanError(res, `${who} ${url}`);
          },
        ),
        { numRuns: 150 },
      );
    },
    HEAVY,
  );

  it('years outside 1900–2100 are refused with invalid_period', async () => {
    for (const [from, to] of [
      ['0000-01', '2026-01'],
      ['1899-12-31', '2026-01-01'],
      ['2026-01', '2101-01'],
      ['2026-01', '9999-12-31'],
      ['0001-01-01', '0001-02-01'],
    ]) {
      const { err } = await expectRefused(
        `${from}..${to}`,
        {
          method: 'GET',
          url: `/api/statistics/table?indicator=sexe&from=${from}&to=${to}`,
          headers: sessions.admin.get,
        },
        422,
      );
      expect(err.code).toBe('invalid_period');
    }
  });

  it('the yearly report: any year a 200 or a clean French 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: -100000, max: 100000 }).map(String), codeUnits), async (y) => {
        const url = `/api/statistics/report.pdf?siteId=${ids.site}&year=${enc(y)}`;
        const res = await t.app.inject({ method: 'GET', url, headers: sessions.admin.get });
        if (res.statusCode !== 200) expectCleanError(res, url);
      }),
      { numRuns: 30 },
    );
  });
});
