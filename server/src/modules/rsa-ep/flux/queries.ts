import { sql } from 'kysely';
import type { Queryable } from '../../../db/schema.js';

/** SQL of the CAF flux adapter (docs/api.md, "RSA : flux CAF"); the RSA blocks are read through the rsa module. */

/**
 * The current members of the site's files whose own CAF number and birth day are one of these pairs: a sure match
 * (with the RSA blocks' n° allocataire, read by the rsa module).
 */
export async function personsByCafNumber(
  db: Queryable,
  siteId: string,
  keys: { matricule: string; birthDate: string }[],
): Promise<{ matricule: string; birth_date: string; person_id: string; case_file_id: string }[]> {
  if (!keys.length) return [];
  const r = await sql<{ matricule: string; birth_date: string; person_id: string; case_file_id: string }>`
    select distinct k.m as matricule, k.d as birth_date, p.id as person_id, c.id as case_file_id
    from unnest(${keys.map((k) => k.matricule)}::text[], ${keys.map((k) => k.birthDate)}::text[]) as k(m, d)
    join person p on p.caf_number = k.m and p.birth_date = k.d::date
    join household_member m on m.person_id = p.id and m.end_date is null
    join case_file c on c.household_id = m.household_id
    where c.site_id = ${siteId}`.execute(db);
  return r.rows;
}

/** For each (file, birth day): a current member of the file born that day (the person a confirmed match stands for). */
export async function membersBornOn(
  db: Queryable,
  keys: { caseFileId: string; birthDate: string }[],
): Promise<{ case_file_id: string; birth_date: string; person_id: string }[]> {
  if (!keys.length) return [];
  const r = await sql<{ case_file_id: string; birth_date: string; person_id: string }>`
    select distinct on (k.f, k.d) k.f as case_file_id, k.d as birth_date, p.id as person_id
    from unnest(${keys.map((k) => k.caseFileId)}::uuid[], ${keys.map((k) => k.birthDate)}::text[]) as k(f, d)
    join case_file c on c.id = k.f
    join household_member m on m.household_id = c.household_id and m.end_date is null
    join person p on p.id = m.person_id and p.birth_date = k.d::date
    order by k.f, k.d, p.id`.execute(db);
  return r.rows;
}
