import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';
import { CARD_BUDGET } from './elsewhere.js';

/** "Known elsewhere" cards (docs/security.md, "Known elsewhere"): from the name only, principal persons only. */

let t: TestApp;
let sA: Session;
let sB: Session;
let target: string;
let outsider: string;

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { name: 'EPS Paris 18e' });
  const b = await buildSite(t.db, { name: 'EPS Paris 10e' });
  sA = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]));
  sB = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', b.id, [b.teamA]));
  target = (await createUsagerAs(t.app, sA, { birthName: 'Oraclier', firstNames: 'Salomé', birthDate: '1988-05-05' }))
    .id;
  // A file whose household counts a member: the member must never be carded.
  const host = await createUsagerAs(t.app, sA, { birthName: 'Hébergeant', firstNames: 'Luc', birthDate: '1970-01-01' });
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${host.id}/members`,
    headers: sA.send,
    payload: {
      person: { birthName: 'Membrecache', firstNames: 'Inès', birthDate: '1999-09-09' },
      relationship: '3',
      startDate: '2026-01-01',
    },
  });
  expect(res.statusCode).toBe(201);
  outsider = (await createUsagerAs(t.app, sB, { birthName: 'Localier', firstNames: 'Paul', birthDate: '1960-01-01' }))
    .id;
});
afterAll(() => t.close());

const search = (sess: Session, q: string) =>
  t.app.inject({ method: 'GET', url: `/api/usagers/search?q=${encodeURIComponent(q)}`, headers: sess.get });

const isoDay = (year: number, i: number) => new Date(Date.UTC(year, 0, 1 + i)).toISOString().slice(0, 10);
const frDay = (iso: string) => iso.split('-').reverse().join('/');

describe('known elsewhere: no oracle', () => {
  it('answers the same over all 365 dates of the birth year: a date confirms nothing', async () => {
    const answers = new Set<string>();
    for (let i = 0; i < 365; i++) {
      const res = await search(sB, `oraclier salomé ${frDay(isoDay(1988, i))}`);
      expect(res.statusCode).toBe(200);
      answers.add(res.body);
    }
    expect(answers.size).toBe(1);
    const [only] = [...answers];
    expect(JSON.parse(only ?? '{}').elsewhere).toEqual([
      { displayName: 'ORACLIER Salomé', siteName: 'EPS Paris 18e', caseFileId: target },
    ]);
    // Nothing on the card beyond the name and the site: no birth date, no birth year.
    expect(only).not.toContain('1988');
  });

  it('never cards a household member of a file elsewhere', async () => {
    const res = (await search(sB, 'membrecache')).json();
    expect(res.elsewhere).toEqual([]);
    expect((await search(sB, 'membrecache ines')).json().elsewhere).toEqual([]);
    // On its own site the member is found as usual.
    expect((await search(sA, 'membrecache')).json().results).toHaveLength(1);
  });

  it('writes an access-log row for each card shown, on the file it names', async () => {
    const rows = async () =>
      (
        await t.db
          .selectFrom('access_log')
          .select(['part', 'actor_id'])
          .where('case_file_id', '=', target)
          .where('part', '=', 'elsewhere_card')
          .execute()
      ).length;
    const before = await rows();
    expect(before).toBeGreaterThanOrEqual(365);
    await search(sB, 'oraclier');
    expect(await rows()).toBe(before + 1);
  });

  it('the birth date still narrows the site’s own files', async () => {
    expect((await search(sB, 'localier 01/01/1960')).json().results.map((r: { id: string }) => r.id)).toEqual([
      outsider,
    ]);
    expect((await search(sB, 'localier 02/01/1960')).json().results).toEqual([]);
  });
});

describe('known elsewhere: rate limit', () => {
  it(`shows at most ${CARD_BUDGET} distinct files per user in 10 minutes, then pauses the cards, not the search`, async () => {
    const c = await buildSite(t.db, { name: 'EPS Paris 20e' });
    const sC = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', c.id, [c.teamA]));
    const names = Array.from(
      { length: CARD_BUDGET + 1 },
      (_, i) => `Quotanom${String.fromCharCode(97 + (i % 26), 97 + Math.floor(i / 26))}x`,
    );
    // Distinct birth dates: names one letter apart with the same date would be likely duplicates of each other.
    for (const [i, n] of names.entries())
      await createUsagerAs(t.app, sA, { birthName: n, firstNames: 'Zoé', birthDate: `${1950 + i}-01-01` });
    for (const n of names.slice(0, CARD_BUDGET)) {
      const res = await search(sC, n);
      expect(res.statusCode, n).toBe(200);
      expect(res.json().elsewhere).toHaveLength(1);
    }
    // The same card again costs nothing more.
    expect((await search(sC, names[0] ?? '')).statusCode).toBe(200);
    const over = await search(sC, names[CARD_BUDGET] ?? '');
    // Over budget: no card, nothing counted, the minutes to wait; the search itself still answers.
    expect(over.statusCode).toBe(200);
    expect(over.json().elsewhere).toEqual([]);
    expect(over.json().elsewherePaused.minutes).toBeGreaterThanOrEqual(1);
    expect(over.json().elsewherePaused.minutes).toBeLessThanOrEqual(10);
    // The duplicate check of a creation form is paused the same way (no card, no 429).
    const dup = await t.app.inject({
      method: 'GET',
      url: `/api/usagers/duplicates?birthName=${names[CARD_BUDGET]}&firstNames=Zo%C3%A9&birthDate=2000-01-01`,
      headers: sC.get,
    });
    expect(dup.statusCode, dup.body).toBe(200);
    expect(dup.json().elsewhere).toEqual([]);
    expect(dup.json().elsewherePaused).toBeTruthy();
    // Another user has their own budget.
    const other = await search(sB, names[CARD_BUDGET] ?? '');
    expect(other.statusCode).toBe(200);
    expect(other.json().elsewhere).toHaveLength(1);
    expect(other.json().elsewherePaused).toBeNull();
  });
});
