import { describe, expect, it } from 'vitest';
import { ACCESS_CALLER_IDS, ACCESS_SPEC, statusFor } from './access-spec.js';

describe('the declarative access spec', () => {
  it('lists each route once, with a known status for every caller', () => {
    const routes = ACCESS_SPEC.map((r) => r.route);
    expect(new Set(routes).size).toBe(routes.length);
    for (const r of ACCESS_SPEC) {
      expect(r.route).toMatch(/^(GET|POST|PATCH|PUT|DELETE) \/api\//);
      for (const c of ACCESS_CALLER_IDS)
        expect([200, 201, 204, 400, 401, 403, 404, 409, 422], `${r.route} ${c}`).toContain(statusFor(r, c));
    }
  });

  it('no session is always 401 (except the OpenID Connect login steps, before any session); admin and DPO never read a file nor its journal', () => {
    for (const r of ACCESS_SPEC.filter((x) => !x.route.includes('/api/auth/oidc')))
      expect(statusFor(r, 'anonymous'), r.route).toBe(401);
    for (const r of ACCESS_SPEC.filter((x) => /^GET \/api\/usagers\/:id(\/journal)?$/.test(x.route)))
      for (const c of ['admin', 'dpo', 'ts_other_site', 'secretaire_other_site', 'responsable_other_site'] as const)
        expect(statusFor(r, c), `${r.route} ${c}`).toBe(404);
  });

  it('a motivated access (break-glass) never writes on the file; a former référent answers as the workers of their new site', () => {
    const writesOnFile = ACCESS_SPEC.filter((r) =>
      /^(POST|PUT|PATCH|DELETE) \/api\/usagers\/:id\//.test(`${r.route}/`),
    );
    expect(writesOnFile.length).toBeGreaterThan(15);
    for (const r of writesOnFile.filter((x) => !x.route.endsWith('/break-glass')))
      expect(statusFor(r, 'break_glass'), r.route).toBeGreaterThanOrEqual(400);
    for (const r of ACCESS_SPEC) expect(statusFor(r, 'former_referent'), r.route).toBe(statusFor(r, 'ts_other_site'));
  });
});
