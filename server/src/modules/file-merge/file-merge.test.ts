import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfUpload } from '../../test/access-matrix/recipes.js';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session } from '../../test/factories.js';

/** Fusion de dossiers (docs/api.md): what moves, who may, the undo within 30 days, the audit in the same transaction. */

let t: TestApp;
let ref: Session;
let other: Session;
let otherSite: Session;
let refId = '';

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  const u = await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]);
  refId = u.id;
  ref = await loginAs(t.app, u);
  other = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  otherSite = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', siteB.id, [siteB.teamA]));
});
afterAll(() => t.close());

const post = (s: Session, url: string, payload?: object) =>
  t.app.inject({ method: 'POST', url, headers: s.send, ...(payload ? { payload } : {}) });

/** Two files of the same person; the absorbed one has an entry, a document, a child in its household, a section. */
async function pair(s: Session = ref) {
  const person = minimalUsager();
  const kept = (await createUsagerAs(t.app, s, person)).id;
  const absorbed = (await createUsagerAs(t.app, s, { ...person, confirmDuplicate: true })).id;
  const entry = await post(s, `/api/usagers/${absorbed}/journal`, {
    type: 'rendez_vous',
    occurredAt: new Date(t.clock.now().getTime() + 86_400_000).toISOString(),
    // Every pair books the same slot: the double booking is confirmed on purpose.
    confirmClash: true,
  });
  expect(entry.statusCode, entry.body).toBe(201);
  const doc = pdfUpload('rib');
  const up = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${absorbed}/documents`,
    headers: { ...s.send, 'content-type': doc.contentType },
    payload: doc.payload,
  });
  expect(up.statusCode, up.body).toBe(201);
  const child = await post(s, `/api/usagers/${absorbed}/members`, {
    person: { birthName: 'Enfant', firstNames: 'Noa', birthDate: '2018-03-03' },
    relationship: '7',
    startDate: '2024-01-01',
  });
  expect(child.statusCode, child.body).toBe(201);
  const section = (v: string) => ({
    section: v as 'sejour',
    opened_at: t.clock.now(),
    opened_by: refId,
    reason_code: 'autre',
    reason_text: 'Motif',
  });
  await t.db
    .insertInto('case_file_section')
    .values({ ...section('sejour'), case_file_id: absorbed })
    .execute();
  await t.db
    .insertInto('case_file_section')
    .values({ ...section('sante'), case_file_id: absorbed })
    .execute();
  await t.db
    .insertInto('case_file_section')
    .values({ ...section('sante'), case_file_id: kept })
    .execute();
  return { kept, absorbed, entryId: (entry.json() as { id: string }).id, docId: (up.json() as { id: string }).id };
}

const fileOf = (table: 'journal_entry' | 'document', id: string) =>
  t.db
    .selectFrom(table)
    .select('case_file_id')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => r.case_file_id);
const openMembers = (fileId: string) =>
  t.db
    .selectFrom('household_member as m')
    .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select('p.birth_name')
    .where('cf.id', '=', fileId)
    .where('m.end_date', 'is', null)
    .execute()
    .then((r) => r.map((x) => x.birth_name).sort());
const searchRows = (fileId: string) =>
  t.db
    .selectFrom('usager_search')
    .select('person_id')
    .where('case_file_id', '=', fileId)
    .execute()
    .then((r) => r.length);
const sectionsOf = (fileId: string) =>
  t.db
    .selectFrom('case_file_section')
    .select('section')
    .where('case_file_id', '=', fileId)
    .execute()
    .then((r) => r.map((x) => x.section as string).sort());

describe('fusion de dossiers', () => {
  it('moves the journal, documents, household members and free sections; the absorbed file is closed and leaves search', async () => {
    const p = await pair();
    expect(await searchRows(p.absorbed)).toBeGreaterThan(0);
    const r = await post(ref, `/api/usagers/${p.kept}/merge`, {
      duplicateId: p.absorbed,
      reason: 'Doublon de l’accueil',
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json() as {
      id: string;
      moved: Record<string, number>;
      sectionsLeftOnAbsorbed: string[];
      message: string;
    };
    expect(body.moved).toMatchObject({ journalEntries: 1, documents: 1, members: 1, sections: 1 });
    expect(body.sectionsLeftOnAbsorbed).toEqual(['sante']);
    expect(body.message).toContain('Sections laissées');
    expect(await fileOf('journal_entry', p.entryId)).toBe(p.kept);
    expect(await fileOf('document', p.docId)).toBe(p.kept);
    expect(await openMembers(p.kept)).toContain('Enfant');
    expect(await openMembers(p.absorbed)).not.toContain('Enfant');
    expect(await sectionsOf(p.kept)).toEqual(['sante', 'sejour']);
    expect(await sectionsOf(p.absorbed)).toEqual(['sante']);
    const closed = await t.db
      .selectFrom('case_file')
      .select(['status', 'merged_into'])
      .where('id', '=', p.absorbed)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ status: 'clos', merged_into: p.kept });
    expect(await searchRows(p.absorbed)).toBe(0);
    // A later rebuild of the search keys leaves a merged file out too.
    const { refreshSearch } = await import('../usagers/index.js');
    await refreshSearch(t.db, 'all');
    expect(await searchRows(p.absorbed)).toBe(0);
    expect(await searchRows(p.kept)).toBeGreaterThan(0);
    const audits = await t.db
      .selectFrom('audit_event')
      .select(['case_file_id', 'target_id'])
      .where('action', '=', 'file.merge')
      .where('target_id', '=', body.id)
      .execute();
    expect(audits.map((a) => a.case_file_id).sort()).toEqual([p.kept, p.absorbed].sort());
    const again = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: p.absorbed, reason: 'Encore' });
    expect(again.statusCode).toBe(422);
    expect((again.json() as { error: { message: string } }).error.message).toContain('déjà été fusionné');
    const list = await t.app.inject({ method: 'GET', url: `/api/usagers/${p.absorbed}/merges`, headers: ref.get });
    expect(list.statusCode).toBe(200);
  });

  it('refuses the same file (422), a file the caller does not follow as référent (403), a file not visible (404)', async () => {
    const p = await pair();
    const same = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: p.kept, reason: 'x' });
    expect(same.statusCode).toBe(422);
    const foreign = (await createUsagerAs(t.app, other)).id;
    const notRef = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: foreign, reason: 'x' });
    expect(notRef.statusCode, notRef.body).toBe(403);
    const elsewhere = (await createUsagerAs(t.app, otherSite)).id;
    const hidden = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: elsewhere, reason: 'x' });
    expect(hidden.statusCode).toBe(404);
    expect(await fileOf('journal_entry', p.entryId)).toBe(p.absorbed);
  });

  it('writes nothing when the audit fails: the audit row is in the merge transaction', async () => {
    const p = await pair();
    const { sql } = await import('kysely');
    await sql`create function audit_guard_fail() returns trigger language plpgsql as $$ begin
      if new.action = 'file.merge' then raise exception 'audit down'; end if; return new; end $$`.execute(t.db);
    await sql`create trigger audit_guard before insert on audit_event for each row execute function audit_guard_fail()`.execute(
      t.db,
    );
    try {
      const r = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: p.absorbed, reason: 'Doublon' });
      expect(r.statusCode).toBe(500);
    } finally {
      await sql`drop trigger audit_guard on audit_event`.execute(t.db);
      await sql`drop function audit_guard_fail()`.execute(t.db);
    }
    expect(await fileOf('journal_entry', p.entryId)).toBe(p.absorbed);
    expect(await t.db.selectFrom('file_merge').select('id').where('absorbed_id', '=', p.absorbed).execute()).toEqual(
      [],
    );
  });

  it('undo puts every row back, reopens the absorbed file and its search rows; audited on both files', async () => {
    const p = await pair();
    const before = { kept: await openMembers(p.kept), absorbed: await openMembers(p.absorbed) };
    const m = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: p.absorbed, reason: 'Doublon' });
    const id = (m.json() as { id: string }).id;
    const u = await post(ref, `/api/file-merges/${id}/undo`);
    expect(u.statusCode, u.body).toBe(200);
    expect(await fileOf('journal_entry', p.entryId)).toBe(p.absorbed);
    expect(await fileOf('document', p.docId)).toBe(p.absorbed);
    expect(await openMembers(p.kept)).toEqual(before.kept);
    expect(await openMembers(p.absorbed)).toEqual(before.absorbed);
    expect(await sectionsOf(p.absorbed)).toEqual(['sante', 'sejour']);
    expect(await sectionsOf(p.kept)).toEqual(['sante']);
    const f = await t.db
      .selectFrom('case_file')
      .select(['status', 'merged_into'])
      .where('id', '=', p.absorbed)
      .executeTakeFirstOrThrow();
    expect(f).toEqual({ status: 'actif', merged_into: null });
    expect(await searchRows(p.absorbed)).toBeGreaterThan(0);
    const refs = await t.db
      .selectFrom('case_file_referent')
      .select('user_id')
      .where('case_file_id', '=', p.absorbed)
      .where('end_at', 'is', null)
      .execute();
    expect(refs.map((r) => r.user_id)).toContain(refId);
    const audits = await t.db
      .selectFrom('audit_event')
      .select('case_file_id')
      .where('action', '=', 'file.merge_undo')
      .where('target_id', '=', id)
      .execute();
    expect(audits).toHaveLength(2);
    expect((await post(ref, `/api/file-merges/${id}/undo`)).statusCode).toBe(409);
  });

  it('refuses an undo after 30 days (409, in French)', async () => {
    const p = await pair();
    const m = await post(ref, `/api/usagers/${p.kept}/merge`, { duplicateId: p.absorbed, reason: 'Doublon' });
    const id = (m.json() as { id: string }).id;
    // The merge is backdated: 30 days and a minute ago (advancing the clock would end the session).
    await t.db
      .updateTable('file_merge')
      .set({ merged_at: new Date(t.clock.now().getTime() - 30 * 86_400_000 - 60_000) })
      .where('id', '=', id)
      .execute();
    const u = await post(ref, `/api/file-merges/${id}/undo`);
    expect(u.statusCode).toBe(409);
    expect((u.json() as { error: { message: string } }).error.message).toContain('30 jours');
    const list = await t.app.inject({ method: 'GET', url: `/api/usagers/${p.kept}/merges`, headers: ref.get });
    expect((list.json() as { data: { canUndo: boolean }[] }).data[0]?.canUndo).toBe(false);
    expect(await fileOf('journal_entry', p.entryId)).toBe(p.kept);
  });
});
