import { elsewhereComesFirst } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

/**
 * Cross-site search (docs/security.md, "Known elsewhere"): the answer marks which local results match the surname
 * exactly, so that an exact card from another site comes before weak fuzzy local matches (core `elsewhereComesFirst`,
 * what the search page shows).
 */
let t: TestApp;
let sB: Session;

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { name: 'EPS Paris 18e' });
  const b = await buildSite(t.db, { name: 'EPS Paris 10e' });
  const sA = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]));
  sB = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', b.id, [b.teamA]));
  await createUsagerAs(t.app, sA, { birthName: 'Vauquelin', firstNames: 'Odile', birthDate: '1971-03-04' });
  // On the caller's site, a close spelling only.
  await createUsagerAs(t.app, sB, { birthName: 'Vauquelain', firstNames: 'Odile', birthDate: '1980-06-07' });
});
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await t.app.inject({
    method: 'GET',
    url: `/api/usagers/search?q=${encodeURIComponent(q)}`,
    headers: sB.get,
  });
  expect(res.statusCode).toBe(200);
  return res.json() as { results: { displayName: string; exact: boolean }[]; elsewhere: { siteName: string }[] };
};

describe('cross-site search: exact "known elsewhere" before weak fuzzy local matches', () => {
  it('a fuzzy local match is marked not exact, and the exact card elsewhere comes first', async () => {
    const r = await search('vauquelin odile');
    expect(r.results.length).toBeGreaterThan(0);
    expect(r.results.every((x) => !x.exact)).toBe(true);
    expect(r.elsewhere).toEqual([expect.objectContaining({ siteName: 'EPS Paris 18e' })]);
    expect(elsewhereComesFirst(r.results, r.elsewhere.length)).toBe(true);
  });

  it('an exact local match is marked exact and keeps the site’s results first', async () => {
    const r = await search('vauquelain odile');
    expect(r.results.find((x) => x.exact)).toBeTruthy();
    expect(elsewhereComesFirst(r.results, r.elsewhere.length)).toBe(false);
  });
});
