import { sql, type Insertable } from 'kysely';
import type { DB, Queryable, Trx } from '../../db/schema.js';

/** The writes of the retention engine and of the holds (docs/architecture.md: SQL lives in queries files). */

/** The file's retention facts, locked for the transaction (the engine re-reads them before acting). */
export const lockRetentionFacts = (trx: Trx, fileId: string) =>
  trx
    .selectFrom('case_file as cf')
    .select([
      'cf.id',
      'cf.retention_state',
      'cf.last_contact_at',
      'cf.opened_at',
      'cf.retention_hold_kind',
      'cf.retention_hold_until',
    ])
    .where('cf.id', '=', fileId)
    .forUpdate()
    .executeTakeFirstOrThrow();

export async function insertRetentionRun(db: Queryable, values: Insertable<DB['retention_run']>): Promise<string> {
  const row = await db.insertInto('retention_run').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const setRetentionHold = (
  trx: Trx,
  fileId: string,
  hold: { kind: 'prolongation' | 'archive'; untilDate: string; reason: string; note: string | null },
) =>
  trx
    .updateTable('case_file')
    .set({
      retention_hold_kind: hold.kind,
      retention_hold_until: hold.untilDate,
      retention_hold_reason: hold.reason,
      retention_hold_note: hold.note,
    })
    .where('id', '=', fileId)
    .returning(['last_contact_at', 'opened_at', 'retention_hold_kind', 'retention_hold_until'])
    .executeTakeFirstOrThrow();

export async function markArchived(trx: Trx, fileId: string, now: Date): Promise<void> {
  await trx
    .updateTable('case_file')
    .set({ retention_state: 'archived', archived_at: now })
    .where('id', '=', fileId)
    .execute();
  await trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();
}

/** The statistics keep the closed months as published: the writes of this transaction mark no month dirty. */
export async function enterRetentionMode(trx: Trx): Promise<void> {
  await sql`select set_config('jalon.retention', 'on', true)`.execute(trx);
}

export const lockFileForAnonymisation = (trx: Trx, fileId: string) =>
  trx
    .selectFrom('case_file')
    .select(['household_id', 'principal_person_id'])
    .where('id', '=', fileId)
    .forUpdate()
    .executeTakeFirstOrThrow();

/** The file's persons that no other file still active or archived counts. */
export const personsOnlyOf = (trx: Trx, f: { id: string; household_id: string; principal_person_id: string }) =>
  sql<{ id: string }>`
    select p.id from person p
    where (p.id = ${f.principal_person_id} or p.id in (select person_id from household_member where household_id = ${f.household_id}))
      and not exists (
        select 1 from case_file o
        where o.id <> ${f.id} and o.retention_state <> 'anonymised'
          and (o.principal_person_id = p.id or o.household_id in (select household_id from household_member where person_id = p.id)))`
    .execute(trx)
    .then((r) => r.rows.map((x) => x.id));

export async function anonymisePersons(trx: Trx, persons: string[], now: Date): Promise<void> {
  await sql`
      update person set birth_name = 'ANONYME', used_name = null, first_names = '-', birth_place = null, phone = null, email = null,
        caf_number = null, france_travail_id = null, nationality = 'NR', marital_status = 'NR', employment_status = 'NR',
        caf_activity = 'NR', education_level = 'NR', birth_date = make_date(extract(year from birth_date)::int, 7, 1), updated_at = ${now}
      where id = any(${persons}::uuid[])`.execute(trx);
}

export const otherFileOfHousehold = (trx: Trx, householdId: string, fileId: string) =>
  trx
    .selectFrom('case_file')
    .select('id')
    .where('household_id', '=', householdId)
    .where('id', '<>', fileId)
    .where('retention_state', '<>', 'anonymised')
    .executeTakeFirst();

export async function anonymiseHousehold(trx: Trx, householdId: string, now: Date): Promise<void> {
  await sql`
      update household set address_line = null, city = null, domiciliation = false, domiciliation_organism = null,
        housing_status = 'NR', housing_nature = 'NR',
        postal_code = case when postal_code ~ '^(750(0[1-9]|1[0-9]|20)|75116)$' then postal_code end, updated_at = ${now}
      where id = ${householdId}`.execute(trx);
  await sql`
      update household_member set start_date = date_trunc('year', start_date)::date, end_date = date_trunc('year', end_date)::date
      where household_id = ${householdId}`.execute(trx);
}

/** The file's own last step: référent history and search keys gone, the file marked anonymised. */
export async function markAnonymised(trx: Trx, fileId: string, now: Date): Promise<void> {
  await trx.deleteFrom('case_file_referent').where('case_file_id', '=', fileId).execute();
  await trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();
  await trx
    .updateTable('case_file')
    .set({ retention_state: 'anonymised', anonymised_at: now, closing_reason: null, retention_hold_note: null })
    .where('id', '=', fileId)
    .execute();
}
