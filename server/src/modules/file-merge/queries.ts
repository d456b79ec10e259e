import { sql } from 'kysely';
import type { Queryable, Trx } from '../../db/schema.js';
import type { ModuleMergeMoved } from '../../platform/module.js';

/**
 * SQL of the merge of two files (docs/api.md, "Fusion de dossiers"). Every move is recorded in `MovedRows` with the
 * row's previous owner, so the undo puts back exactly the rows the merge moved.
 */
export interface MovedRows {
  journalEntries: { id: string; from: string }[];
  documents: { id: string; from: string }[];
  sections: { id: string; from: string; section: string }[];
  /** Sections left on the absorbed file because the kept file has one of that kind. */
  sectionsKept: string[];
  /** Référent links ended on the absorbed file, and those added to the kept one. */
  referentsEnded: { id: string; from: string }[];
  referentsAdded: { id: string; to: string }[];
  /** A membership ended in the absorbed household, and the one opened in the kept household. */
  members: { ended: string; added: string; personId: string }[];
  /** What each module's `merge.move` returned (platform/module.ts), by module name; absent in older merges. */
  modules?: Record<string, ModuleMergeMoved>;
}

export const lockMergeFiles = (trx: Trx, ids: string[]) =>
  trx
    .selectFrom('case_file')
    .select(['id', 'status', 'retention_state', 'merged_into', 'household_id', 'principal_person_id', 'file_number'])
    .where('id', 'in', ids)
    .orderBy('id')
    .forUpdate()
    .execute();
export type MergeFileRow = Awaited<ReturnType<typeof lockMergeFiles>>[number];

async function moveByFile(trx: Trx, table: 'journal_entry' | 'document', from: string, to: string) {
  const rows = await trx
    .updateTable(table)
    .set({ case_file_id: to })
    .where('case_file_id', '=', from)
    .returning('id')
    .execute();
  return rows.map((r) => ({ id: r.id, from }));
}

export const moveJournalEntries = (trx: Trx, from: string, to: string) => moveByFile(trx, 'journal_entry', from, to);
export const moveDocuments = (trx: Trx, from: string, to: string) => moveByFile(trx, 'document', from, to);

/** Sections of the absorbed file whose kind the kept file lacks move; the others stay (and are named). */
export async function moveSections(trx: Trx, from: string, to: string) {
  const kept = new Set(
    (await trx.selectFrom('case_file_section').select('section').where('case_file_id', '=', to).execute()).map(
      (r) => r.section as string,
    ),
  );
  const mine = await trx
    .selectFrom('case_file_section')
    .select(['id', 'section'])
    .where('case_file_id', '=', from)
    .execute();
  const moving = mine.filter((s) => !kept.has(s.section));
  if (moving.length)
    await trx
      .updateTable('case_file_section')
      .set({ case_file_id: to })
      .where(
        'id',
        'in',
        moving.map((s) => s.id),
      )
      .execute();
  return {
    sections: moving.map((s) => ({ id: s.id, from, section: s.section as string })),
    sectionsKept: mine.filter((s) => kept.has(s.section)).map((s) => s.section as string),
  };
}

/** Ends the absorbed file's référent links; the people not yet named on the kept file become its co-référents. */
export async function moveReferents(trx: Trx, from: string, to: string, now: Date) {
  const onKept = new Set(
    (
      await trx
        .selectFrom('case_file_referent')
        .select('user_id')
        .where('case_file_id', '=', to)
        .where('end_at', 'is', null)
        .execute()
    ).map((r) => r.user_id),
  );
  const ended = await trx
    .updateTable('case_file_referent')
    .set({ end_at: now })
    .where('case_file_id', '=', from)
    .where('end_at', 'is', null)
    .returning(['id', 'user_id'])
    .execute();
  const adding = [...new Set(ended.map((r) => r.user_id))].filter((u) => !onKept.has(u));
  const added = adding.length
    ? await trx
        .insertInto('case_file_referent')
        .values(adding.map((u) => ({ case_file_id: to, user_id: u, kind: 'co_referent' as const, start_at: now })))
        .returning('id')
        .execute()
    : [];
  return {
    referentsEnded: ended.map((r) => ({ id: r.id, from })),
    referentsAdded: added.map((r) => ({ id: r.id, to })),
  };
}

/**
 * Members of the absorbed household who are not in the kept one (same person, or same normalised name, first names
 * and birth date) join the kept household today; the absorbed file's principal person is the duplicate of the kept
 * one and stays. Their membership in the absorbed household ends the day before (one open membership per person).
 */
export async function moveMembers(trx: Trx, absorbed: MergeFileRow, kept: MergeFileRow, today: string) {
  const moving = await sql<{ id: string; person_id: string; relationship: string; start_date: string }>`
    select m.id, m.person_id, m.relationship, m.start_date::text as start_date
    from household_member m join person p on p.id = m.person_id
    where m.household_id = ${absorbed.household_id} and m.end_date is null and m.person_id <> ${absorbed.principal_person_id}
      and not exists (
        select 1 from household_member k join person q on q.id = k.person_id
        where k.household_id = ${kept.household_id} and k.end_date is null
          and (q.id = p.id or (q.birth_date = p.birth_date and jalon_normalize(q.first_names) = jalon_normalize(p.first_names)
            and jalon_normalize(coalesce(q.used_name, q.birth_name)) = jalon_normalize(coalesce(p.used_name, p.birth_name)))))
    order by m.start_date, m.id`.execute(trx);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const out: MovedRows['members'] = [];
  for (const m of moving.rows) {
    await trx
      .updateTable('household_member')
      .set({ end_date: m.start_date > yesterday ? m.start_date : yesterday, end_reason: 'depart' })
      .where('id', '=', m.id)
      .execute();
    const added = await trx
      .insertInto('household_member')
      .values({
        household_id: kept.household_id,
        person_id: m.person_id,
        relationship: m.relationship,
        start_date: today,
        start_reason: 'arrivee',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    out.push({ ended: m.id, added: added.id, personId: m.person_id });
  }
  return out;
}

export const setMerged = (trx: Trx, absorbedId: string, keptId: string | null, now: Date) =>
  trx
    .updateTable('case_file')
    .set(
      keptId
        ? { status: 'clos', closed_at: now, closing_reason: 'Fusionné dans un autre dossier', merged_into: keptId }
        : { status: 'actif', closed_at: null, closing_reason: null, merged_into: null },
    )
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', absorbedId)
    .execute();

export const bumpVersion = (trx: Trx, id: string, now: Date) =>
  trx
    .updateTable('case_file')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: now }))
    .where('id', '=', id)
    .execute();

export const removeFromSearch = (trx: Trx, fileId: string) =>
  trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();

export const insertMerge = (
  trx: Trx,
  v: { kept_id: string; absorbed_id: string; moved: MovedRows; reason: string; merged_by: string; merged_at: Date },
) =>
  trx
    .insertInto('file_merge')
    .values({ ...v, moved: JSON.stringify(v.moved) })
    .returning(['id', 'merged_at'])
    .executeTakeFirstOrThrow();

export const lockMerge = (trx: Trx, id: string) =>
  trx.selectFrom('file_merge').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();

/** Puts back every row a merge moved (its `moved` record), on the rows still where the merge left them. */
export async function moveBack(trx: Trx, m: { kept_id: string; absorbed_id: string; moved: MovedRows }, now: Date) {
  const back = async (table: 'journal_entry' | 'document' | 'case_file_section', ids: string[]) => {
    if (ids.length)
      await trx
        .updateTable(table)
        .set({ case_file_id: m.absorbed_id })
        .where('id', 'in', ids)
        .where('case_file_id', '=', m.kept_id)
        .execute();
  };
  await back(
    'journal_entry',
    m.moved.journalEntries.map((r) => r.id),
  );
  await back(
    'document',
    m.moved.documents.map((r) => r.id),
  );
  await back(
    'case_file_section',
    m.moved.sections.map((r) => r.id),
  );
  const added = m.moved.referentsAdded.map((r) => r.id);
  if (added.length)
    await trx
      .updateTable('case_file_referent')
      .set({ end_at: now })
      .where('id', 'in', added)
      .where('end_at', 'is', null)
      .execute();
  const ended = m.moved.referentsEnded.map((r) => r.id);
  if (ended.length)
    await trx.updateTable('case_file_referent').set({ end_at: null }).where('id', 'in', ended).execute();
  const members = m.moved.members;
  if (members.length) {
    await trx
      .deleteFrom('household_member')
      .where(
        'id',
        'in',
        members.map((r) => r.added),
      )
      .execute();
    await trx
      .updateTable('household_member')
      .set({ end_date: null, end_reason: null })
      .where(
        'id',
        'in',
        members.map((r) => r.ended),
      )
      .execute();
  }
}

export const markUndone = (trx: Trx, id: string, by: string, now: Date) =>
  trx.updateTable('file_merge').set({ undone_at: now, undone_by: by }).where('id', '=', id).execute();

/** Merges where the file is kept or absorbed, newest first, with both file numbers and who merged. */
export const mergesOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('file_merge as m')
    .innerJoin('case_file as k', 'k.id', 'm.kept_id')
    .innerJoin('case_file as a', 'a.id', 'm.absorbed_id')
    .innerJoin('app_user as u', 'u.id', 'm.merged_by')
    .select([
      'm.id',
      'm.kept_id',
      'm.absorbed_id',
      'k.file_number as kept_number',
      'a.file_number as absorbed_number',
      'm.reason',
      'm.merged_at',
      'm.undone_at',
      'u.display_name as merged_by_name',
    ])
    .where((eb) => eb.or([eb('m.kept_id', '=', fileId), eb('m.absorbed_id', '=', fileId)]))
    .orderBy('m.merged_at', 'desc')
    .execute();

export const mergedIntoOf = (db: Queryable, fileId: string) =>
  db
    .selectFrom('case_file')
    .select('merged_into')
    .where('id', '=', fileId)
    .executeTakeFirst()
    .then((r) => r?.merged_into ?? null);
