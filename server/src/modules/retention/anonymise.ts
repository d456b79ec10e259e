import { sql } from 'kysely';
import type { AuditAction } from '../../audit/actions.js';
import { audit, systemAuditor } from '../../audit/audit.js';
import type { Trx } from '../../db/schema.js';
import { installedModules } from '../../platform/installed.js';

/** A system audit row of the retention engine (no session): who = nobody, what, which file. Goes through `audit`. */
export const auditSystem = (
  trx: Trx,
  now: Date,
  action: AuditAction,
  caseFileId: string,
  diff: Record<string, unknown>,
) => audit(trx, systemAuditor(now), action, { caseFileId, targetType: 'case_file', targetId: caseFileId, diff });

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
 * Persons or a household also counted by another file that is not anonymised are left to that file. This file does the
 * file's own step (persons, household, référents, search keys, the case file); every other module anonymises its rows
 * in its descriptor's `retention.anonymise` (docs/architecture.md, "Module contract").
 */
export async function anonymiseFile(trx: Trx, fileId: string, now: Date): Promise<Record<string, number>> {
  // The statistics keep the closed months as published: these writes mark no month dirty (migration 202612070310).
  await sql`select set_config('jalon.retention', 'on', true)`.execute(trx);
  const f = await trx
    .selectFrom('case_file')
    .select(['household_id', 'principal_person_id'])
    .where('id', '=', fileId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  // Modules on the contract anonymise their own rows (platform/module.ts, ModuleRetention).
  for (const m of installedModules()) await m.retention?.anonymise?.(trx, fileId, now);
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
  // Each module's own rows of the file (its descriptor's `retention.anonymise`): journal, sections, shares, …
  const moduleCounts: Record<string, number> = {};
  for (const m of installedModules()) Object.assign(moduleCounts, await m.retention?.anonymise?.(trx, fileId, now));
  await trx.deleteFrom('case_file_referent').where('case_file_id', '=', fileId).execute();
  await trx.deleteFrom('usager_search').where('case_file_id', '=', fileId).execute();
  await trx
    .updateTable('case_file')
    .set({ retention_state: 'anonymised', anonymised_at: now, closing_reason: null, retention_hold_note: null })
    .where('id', '=', fileId)
    .execute();
  const counts = { persons: persons.length, ...moduleCounts };
  await auditSystem(trx, now, 'case_file.anonymise', fileId, counts);
  return counts;
}
