import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  counts,
  expectCleanError,
  expectRefused,
  fill,
  headersOf,
  ids,
  type Method,
  sessions,
  t,
  useBadInputApp,
  writesNothing,
} from './harness.js';
import { routes, specOf } from './specs.js';

/** Bad path ids and query strings on every route, and unknown routes. */
useBadInputApp();

describe('bad input on every route', () => {
  it('path ids: random uuids are 404, malformed ids 400, over-long ids 414, in the same French error body', async () => {
    const routesWithIds = routes().filter((r) => r.url.includes(':'));
    expect(routesWithIds.length).toBeGreaterThanOrEqual(8);
    const uuidParam: { id: string; status: number; code: string }[] = [
      { id: randomUUID(), status: 404, code: 'not_found' },
      { id: '00000000-0000-0000-0000-000000000000', status: 404, code: 'not_found' },
      { id: 'pas-un-uuid', status: 400, code: 'validation_error' },
      { id: '12345', status: 400, code: 'validation_error' },
      { id: encodeURIComponent("1' or '1'='1"), status: 400, code: 'validation_error' },
      { id: '%00', status: 400, code: 'validation_error' },
      { id: '..%2F..%2Fadmin', status: 400, code: 'validation_error' },
      { id: `${randomUUID()}%00`, status: 400, code: 'validation_error' },
      { id: '%E0%A4%A', status: 400, code: 'bad_url' },
      { id: 'a'.repeat(300), status: 414, code: 'url_too_long' },
    ];
    // A motif is named by a code (a-z, 0-9, _), not a uuid.
    const codeParam = [
      { id: 'motif_inconnu', status: 404, code: 'not_found' },
      { id: 'Logement', status: 400, code: 'validation_error' },
      { id: 'logement%00', status: 400, code: 'validation_error' },
      { id: 'x'.repeat(41), status: 400, code: 'validation_error' },
      { id: '%E0%A4%A', status: 400, code: 'bad_url' },
      { id: 'a'.repeat(300), status: 414, code: 'url_too_long' },
    ];
    for (const r of routesWithIds) {
      const spec = specOf(r);
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      await writesNothing(`${r.method} ${r.url}`, async () => {
        for (const which of params) {
          for (const bad of which === 'code' || which === 'section' ? codeParam : uuidParam) {
            const over =
              which === 'id'
                ? {
                    file: bad.id,
                    site: bad.id,
                    team: bad.id,
                    user: bad.id,
                    partner: bad.id,
                    breakGlass: bad.id,
                    notification: bad.id,
                    accessRequest: bad.id,
                    document: bad.id,
                    importId: bad.id,
                  }
                : { [which]: bad.id };
            const label = `${r.method} ${r.url} ${which}=${bad.id.slice(0, 40)}`;
            const { err } = await expectRefused(
              label,
              {
                method: r.method as Method,
                url: fill(r.url, over),
                headers: headersOf(spec.who, r.method),
                payload: spec.body?.(ids),
              },
              bad.status,
            );
            expect(err.code, label).toBe(bad.code);
          }
        }
      });
    }
  });

  it('query strings: empty or malformed search, out-of-range pages and limits, NUL, over-long values', () =>
    writesNothing('query strings', async () => {
      const search = [
        '',
        '?q=',
        '?q=a',
        '?q=%20%20%20',
        `?q=${'a'.repeat(100_000)}`,
        '?q=ab%00cd',
        '?q=dupont%07',
        '?q=%1B%5B31m',
        '?q=ab%C2%85',
        '?q=dupont&page=-1',
        '?q=dupont&page=0',
        '?q=dupont&page=abc',
        '?q=dupont&page=1.5',
        '?q=dupont&page=1e400',
        '?q=dupont&page=99999',
        '?q=dupont&limit=10000',
        '?q=dupont&limit=0',
        '?q=dupont&limit=-5',
        '?q=dupont&limit=',
        '?q=ab&q=cd',
        '?q[]=dupont',
      ];
      for (const q of search) {
        const { err } = await expectRefused(
          `search ${q.slice(0, 60)}`,
          { method: 'GET', url: `/api/usagers/search${q}`, headers: sessions.ts.get },
          400,
        );
        expect(err.code).toBe('validation_error');
      }
      const purpose = 'purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9';
      const dpo = [
        '',
        '?purpose=',
        '?purpose=court',
        `?purpose=${'x'.repeat(100_000)}`,
        '?purpose=Contr%C3%B4le%00%20de%20s%C3%A9curit%C3%A9',
        `?${purpose}&action=${'a'.repeat(100_000)}`,
        `?${purpose}&action=auth.login%00`,
        `?${purpose}&before=-1`,
        `?${purpose}&before=abc`,
        `?${purpose}&before=1e30`,
        `?${purpose}&before=99999999999999999999`,
        `?${purpose}&before=1.5`,
        `?${purpose}&purpose=deux%20fois%20le%20motif`,
        `?${purpose}&userId=abc`,
        `?${purpose}&caseFileId=${'a'.repeat(100_000)}`,
        `?${purpose}&from=2024-02-30`,
        `?${purpose}&from=2026-02-01&to=2026-01-01`,
        `?${purpose}&to=31/12/2026`,
        `?${purpose}&userId=${randomUUID()}&userId=${randomUUID()}`,
      ];
      for (const q of dpo) {
        for (const path of q.includes('action=') ? ['audit-events'] : ['audit-events', 'access-events']) {
          const { err } = await expectRefused(
            `dpo ${path} ${q.slice(0, 60)}`,
            { method: 'GET', url: `/api/dpo/${path}${q}`, headers: sessions.dpo.get },
            400,
          );
          expect(err.code).toBe('validation_error');
        }
      }
      for (const q of [`?${purpose}&part=tout`, `?${purpose}&part=`]) {
        const { err } = await expectRefused(
          `dpo access ${q.slice(0, 60)}`,
          { method: 'GET', url: `/api/dpo/access-events${q}`, headers: sessions.dpo.get },
          400,
        );
        expect(err.code).toBe('validation_error');
      }
      const timeline = [
        '?type=inconnu',
        '?motif=%00',
        `?motif=${'a'.repeat(100_000)}`,
        '?before=abc',
        `?before=2026-11-20T10:00:00Z|${'z'.repeat(36)}`,
        `?before=0000-01-01T00:00:00Z|${randomUUID()}`,
        `?before=9999-99-99T99:99:99Z|${randomUUID()}`,
        '?limit=0',
        '?limit=10000',
        '?limit=abc',
      ];
      for (const q of timeline) {
        await expectRefused(
          `timeline ${q.slice(0, 60)}`,
          { method: 'GET', url: `/api/usagers/${ids.file}/journal${q}`, headers: sessions.ts.get },
          [400, 422],
        );
      }
      const agenda = [
        '',
        '?from=2026-11-23',
        '?from=2024-02-30&to=2024-03-01',
        '?from=31/12/2020&to=2021-01-01',
        '?from=0000-01-01&to=0000-01-02',
        '?from=2026-11-30&to=2026-11-23',
        '?from=2020-01-01&to=2026-01-01',
        '?from=2026-11-23&to=2026-11-30&workerId=abc',
        '?from=2026-11-23&to=2026-11-30&site=2',
        `?from=2026-11-23&to=2026-11-30&workerId=${'a'.repeat(100_000)}`,
      ];
      for (const q of agenda) {
        await expectRefused(
          `agenda ${q.slice(0, 60)}`,
          { method: 'GET', url: `/api/agenda${q}`, headers: sessions.ts.get },
          [400, 422],
        );
      }
      // A malformed %-sequence is searched as typed, never a 5xx.
      for (const q of ['?q=%E0%A4%A', '?q=%', '?q=%%20dupont', '?q=dupont&page=1&page=2']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/usagers/search${q}`, headers: sessions.ts.get });
        if (res.statusCode >= 400) expectCleanError(res, `search ${q}`);
        else expect(res.json(), q).toMatchObject({ results: expect.any(Array) });
      }
    }));

  it('junk query strings on the other GET routes are ignored (statistics: refused, no unknown filter passes)', async () => {
    const junk = '?q=%E0%A4%A&inconnu=-1&%00=%00&a[b]=c&__proto__=x&constructor=y';
    // The access export is a GET that writes its audit row by design (RGPD art. 15): its own tests check it.
    const ownTests = [
      '/api/usagers/search',
      '/api/dpo/audit-events',
      '/api/dpo/access-events',
      '/api/auth/oidc/start',
      '/api/auth/oidc/callback',
      '/api/usagers/:id/access-export',
      '/api/dpo/access-requests/:id/export',
    ];
    for (const r of routes().filter((x) => x.method === 'GET' && !ownTests.includes(x.url))) {
      const spec = specOf(r);
      const before = await counts();
      const url = `${fill(r.url)}${spec.query ? `${fill(spec.query)}&${junk.slice(1)}` : junk}`;
      const res = await t.app.inject({ method: 'GET', url, headers: headersOf(spec.who, 'GET') });
      if (r.url.startsWith('/api/statistics/') && r.url !== '/api/statistics/scope') {
        expectCleanError(res, r.url);
        expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      } else expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBe(200);
      expect(await counts(), r.url).toEqual(before);
    }
  });

  it('statistics: malformed periods, places, indicators and groupings are refused in French', () =>
    writesNothing('statistics queries', async () => {
      const bad = [
        'indicator=',
        'indicator=inconnu',
        'indicator=sexe&from=2026-13',
        'indicator=sexe&from=31/12/2025',
        'indicator=sexe&from=2026-11&to=2026-01',
        'indicator=sexe&arrondissements=21',
        'indicator=sexe&arrondissements=x',
        'indicator=sexe&siteIds=pas-un-site',
        'indicator=sexe&groupBy=userId',
        'indicator=sexe&groupBy=jour',
        'indicator=sexe&category=%00',
        'indicator=sexe&compare=2',
        `indicator=sexe&from=${'9'.repeat(5000)}`,
        'indicator=sexe&teamId=abc',
        'indicator=sexe&indicator=sexe',
        'indicator=sexe&groupBy=mois',
      ];
      for (const q of bad)
        await expectRefused(
          `statistics ${q.slice(0, 60)}`,
          { method: 'GET', url: `/api/statistics/table?${q}`, headers: sessions.ts.get },
          [400, 404, 414, 422],
        );
      for (const q of [
        '',
        '?siteId=abc&year=2026',
        `?siteId=${randomUUID()}&year=abc`,
        `?siteId=${randomUUID()}&year=1999`,
      ])
        await expectRefused(
          `report ${q}`,
          { method: 'GET', url: `/api/statistics/report.pdf${q}`, headers: headersOf('admin', 'GET') },
          [400, 404],
        );
    }));

  it('unknown routes and methods answer a French 404', () =>
    writesNothing('unknown routes', async () => {
      for (const [method, url] of [
        ['GET', '/api/inexistant'],
        ['DELETE', `/api/usagers/${randomUUID()}`],
        ['POST', '/api/usagers/search'],
        ['PUT', '/api/admin/sites'],
      ] as const) {
        const { err } = await expectRefused(
          `${method} ${url}`,
          { method, url, headers: headersOf('admin', method), payload: method === 'GET' ? undefined : {} },
          404,
        );
        expect(err.code).toBe('not_found');
      }
    }));
});
