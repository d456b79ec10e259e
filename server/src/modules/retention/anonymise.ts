import { sql } from 'kysely';
import type { Trx } from '../../db/schema.js';
import { MODULES } from '../registry.js';

/** A system audit row of the retention engine (no session): who = nobody, what, which file. */
export const auditSystem = (trx: Trx, now: Date, action: string, caseFileId: string, diff: Record<string, unknown>) =>
  trx
    .insertInto('audit_event')
    .values({
      at: now,
      actor_id: null,
      actor_role: null,
      action,
      case_file_id: caseFileId,
      target_type: 'case_file',
      target_id: caseFileId,
      diff: JSON.stringify(diff),
      request_id: null,
    })
    .execute();

/** Intermediate archive: the file leaves the active base (no search, no list, no route but the DPO's). Data unchanged. */
export async function archiveFile(trx: Trx, fileId: string, now: Date): Promise<void> {
  await trx
    .updateTable('case_file')
    .set({ retention_state: 'archived', archived_at: now })
    .where('id', '=', fileId)
    .execute();
  await trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();
  await auditSystem(trx, now, 'case_file.archive', fileId, {});
}

/**
 * Anonymisation, driven by the field catalogue's `onAnonymisation` (core/src/rgpd/field-catalogue.ts): identity,
 * contact, identifiers, situation codes, notes and their versions, free texts, sensitive sections, persons and workers
 * of entries and the référent history go; sex, the birth year (age band), the household type, the Paris postal code
 * (arrondissement), the entries' types and motifs (counts, month kept) stay, so the statistics still count the file.
 * Persons or a household also counted by another file that is not anonymised are left to that file.
 */
export async function anonymiseFile(
  trx: Trx,
  fileId: string,
  now: Date,
): Promise<{ persons: number; entries: number }> {
  const f = await trx
    .selectFrom('case_file')
    .select(['household_id', 'principal_person_id'])
    .where('id', '=', fileId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Modules on the contract anonymise their own rows (platform/module.ts, ModuleRetention).
  for (const m of MODULES) await m.retention?.anonymise?.(trx, fileId, now);
  const persons = await sql<{ id: string }>`
    select p.id from person p
    where (p.id = ${f.principal_person_id} or p.id in (select person_id from household_member where household_id = ${f.household_id}))
      and not exists (
        select 1 from case_file o
        where o.id <> ${fileId} and o.retention_state <> 'anonymised'
          and (o.principal_person_id = p.id or o.household_id in (select household_id from household_member where person_id = p.id)))`
    .execute(trx)
    .then((r) => r.rows.map((x) => x.id));
  if (persons.length) {
    await sql`
      update person set birth_name = 'ANONYME', used_name = null, first_names = '-', birth_place = null, phone = null, email = null,
        caf_number = null, france_travail_id = null, nationality = 'NR', marital_status = 'NR', employment_status = 'NR',
        caf_activity = 'NR', education_level = 'NR', birth_date = make_date(extract(year from birth_date)::int, 7, 1), updated_at = ${now}
      where id = any(${persons}::uuid[])`.execute(trx);
  }
  const sharedHousehold = await trx
    .selectFrom('case_file')
    .select('id')
    .where('household_id', '=', f.household_id)
    .where('id', '<>', fileId)
    .where('retention_state', '<>', 'anonymised')
    .executeTakeFirst();
  if (!sharedHousehold) {
    await sql`
      update household set address_line = null, city = null, domiciliation = false, domiciliation_organism = null,
        housing_status = 'NR', housing_nature = 'NR',
        postal_code = case when postal_code ~ '^(750(0[1-9]|1[0-9]|20)|75116)$' then postal_code end, updated_at = ${now}
      where id = ${f.household_id}`.execute(trx);
    await sql`
      update household_member set start_date = date_trunc('year', start_date)::date, end_date = date_trunc('year', end_date)::date
      where household_id = ${f.household_id}`.execute(trx);
  }
  const entries = trx.selectFrom('journal_entry').select('id').where('case_file_id', '=', fileId);
  await trx.deleteFrom('journal_entry_version').where('entry_id', 'in', entries).execute();
  await trx.deleteFrom('journal_entry_person').where('entry_id', 'in', entries).execute();
  await trx.deleteFrom('journal_entry_worker').where('entry_id', 'in', entries).execute();
  const updated = await sql`
    update journal_entry set note = null, place = null, duration_minutes = null, orientation_reason = null, orientation_outcome = null,
      deleted_reason = null, partner_id = null, appointment_worker_id = null,
      occurred_at = (date_trunc('month', occurred_at at time zone 'Europe/Paris') + interval '12 hours') at time zone 'Europe/Paris'
    where case_file_id = ${fileId}`.execute(trx);
  await sql`delete from case_file_section where case_file_id = ${fileId}`.execute(trx);
  await trx.deleteFrom('case_file_referent').where('case_file_id', '=', fileId).execute();
  await trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();
  await trx
    .updateTable('file_share')
    .set({ recipient_name: null, not_informed_reason: null })
    .where('case_file_id', '=', fileId)
    .execute();
  await trx.updateTable('consent').set({ purpose: null, recipient: null }).where('case_file_id', '=', fileId).execute();
  await trx
    .updateTable('case_file')
    .set({ retention_state: 'anonymised', anonymised_at: now, closing_reason: null, retention_hold_note: null })
    .where('id', '=', fileId)
    .execute();
  const counts = { persons: persons.length, entries: Number(updated.numAffectedRows ?? 0n) };
  await auditSystem(trx, now, 'case_file.anonymise', fileId, counts);
  return counts;
}
