import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';

/** Likely duplicates before a file is created (docs/security.md, "Duplicates"). */

let t: TestApp;
let sA: Session;
let sB: Session;
let existing: string;

beforeAll(async () => {
  t = await buildTestApp();
  const a = await buildSite(t.db, { name: 'EPS Paris 18e' });
  const b = await buildSite(t.db, { name: 'EPS Paris 10e' });
  sA = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', a.id, [a.teamA]));
  sB = await loginAs(t.app, await buildUser(t.db, 'secretaire', b.id));
  existing = (
    await createUsagerAs(t.app, sA, { birthName: 'Doublonnet', firstNames: 'Mathilde', birthDate: '1984-07-21' })
  ).id;
});
afterAll(() => t.close());

const post = (sess: Session, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: '/api/usagers', headers: sess.send, payload });
const preview = (sess: Session, q: Record<string, string>) =>
  t.app.inject({ method: 'GET', url: `/api/usagers/duplicates?${new URLSearchParams(q)}`, headers: sess.get });
const createAudits = async (id: string) =>
  t.db
    .selectFrom('audit_event')
    .select('diff')
    .where('case_file_id', '=', id)
    .where('action', '=', 'usager.create')
    .execute();

describe('on the same site', () => {
  it.each([
    ['the same name and birth date', 'Doublonnet', 'Mathilde', '1984-07-21'],
    ['accents and case aside', 'DOUBLONNÊT', 'mathilde', '1984-07-21'],
    ['a typo in the surname', 'Doublonet', 'Mathilde', '1984-07-21'],
    ['a first name spelled by ear', 'Doublonnet', 'Matilde', '1984-07-21'],
    ['a mistyped birth date, exact names', 'Doublonnet', 'Mathilde', '1984-07-12'],
  ])('%s: 409 likely_duplicate with the file, nothing created', async (_, birthName, firstNames, birthDate) => {
    const before = await t.db.selectFrom('case_file').select('id').execute();
    const res = await post(sA, { birthName, firstNames, birthDate });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body.error.code).toBe('likely_duplicate');
    expect(body.error.message).toMatch(/peut-être déjà un dossier/);
    expect(body.duplicates.onSite).toEqual([
      expect.objectContaining({ id: existing, displayName: 'DOUBLONNET Mathilde', birthDate: '1984-07-21' }),
    ]);
    expect(await t.db.selectFrom('case_file').select('id').execute()).toHaveLength(before.length);
  });

  it('another first name or another person is created without a question', async () => {
    expect(
      (await post(sA, { birthName: 'Doublonnet', firstNames: 'Gérard', birthDate: '1984-07-21' })).statusCode,
    ).toBe(201);
    expect(
      (await post(sA, { birthName: 'Sansrapport', firstNames: 'Mathilde', birthDate: '1984-07-21' })).statusCode,
    ).toBe(201);
  });

  it('confirmDuplicate creates it, and the audit row names the files overridden', async () => {
    const res = await post(sA, {
      birthName: 'Doublonnet',
      firstNames: 'Mathilde',
      birthDate: '1984-07-21',
      confirmDuplicate: true,
    });
    expect(res.statusCode).toBe(201);
    const [row] = await createAudits(res.json().id);
    expect(JSON.stringify(row?.diff)).toContain(existing);
    expect(JSON.stringify(row?.diff)).toContain('duplicates_overridden');
  });

  it('the preview answers the same matches without creating anything', async () => {
    const res = await preview(sA, { birthName: 'Doublonnet', firstNames: 'Mathilde', birthDate: '1984-07-21' });
    expect(res.statusCode).toBe(200);
    expect(res.json().onSite.map((f: { id: string }) => f.id)).toContain(existing);
    expect(res.json().elsewhere).toEqual([]);
  });

  it('refuses a bad preview query with a French 400', async () => {
    const res = await preview(sA, { birthName: 'Doublonnet', firstNames: 'Mathilde', birthDate: 'hier' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/Données invalides/);
  });
});

describe('on another site', () => {
  it('shows the "known elsewhere" card only, the same whatever the birth date (no oracle), and logs it', async () => {
    const answers = new Set<string>();
    for (const birthDate of ['1984-07-21', '1984-07-22', '1990-01-01']) {
      const res = await preview(sB, { birthName: 'Doublonnet', firstNames: 'Mathilde', birthDate });
      expect(res.statusCode).toBe(200);
      answers.add(res.body);
    }
    expect(answers.size).toBe(1);
    const body = JSON.parse([...answers][0] ?? '{}');
    expect(body.onSite).toEqual([]);
    expect(body.elsewhere).toContainEqual({
      displayName: 'DOUBLONNET Mathilde',
      siteName: 'EPS Paris 18e',
      caseFileId: existing,
    });
    const logged = await t.db
      .selectFrom('access_log')
      .select('id')
      .where('case_file_id', '=', existing)
      .where('part', '=', 'elsewhere_card')
      .execute();
    expect(logged.length).toBeGreaterThanOrEqual(3);
  });

  it('POST answers 409 with the card only, then creates on confirmation', async () => {
    const res = await post(sB, { birthName: 'Doublonnet', firstNames: 'Mathilde', birthDate: '2000-01-01' });
    expect(res.statusCode).toBe(409);
    expect(res.json().duplicates.onSite).toEqual([]);
    // Two cards: the file above and the one created on confirmation; the name and the site, nothing more.
    const cards = res.json().duplicates.elsewhere as Record<string, string>[];
    expect(cards.map((c) => c.caseFileId)).toContain(existing);
    for (const c of cards) {
      expect(Object.keys(c).sort()).toEqual(['caseFileId', 'displayName', 'siteName']);
      expect(c).toEqual(expect.objectContaining({ displayName: 'DOUBLONNET Mathilde', siteName: 'EPS Paris 18e' }));
    }
    const ok = await post(sB, {
      birthName: 'Doublonnet',
      firstNames: 'Mathilde',
      birthDate: '2000-01-01',
      confirmDuplicate: true,
    });
    expect(ok.statusCode).toBe(201);
  });
});
