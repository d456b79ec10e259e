import { sql, type Insertable } from 'kysely';
import type {
  CaseFileReferentTable,
  CaseFileTable,
  HouseholdMemberTable,
  HouseholdTable,
  PersonTable,
  Queryable,
} from '../../db/schema.js';
import { insertSearchRows } from './queries.js';

// The set-based writes and lookups of an import batch (docs/architecture.md, "Import pipeline"; ADR 013): one
// statement per table for the whole batch, on PGlite and PostgreSQL alike.

export async function insertPersons(db: Queryable, rows: Insertable<PersonTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('person').values(rows).execute();
}

export async function insertHouseholds(db: Queryable, rows: Insertable<HouseholdTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('household').values(rows).execute();
}

export async function insertMembers(db: Queryable, rows: Insertable<HouseholdMemberTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('household_member').values(rows).execute();
}

export async function insertCaseFiles(db: Queryable, rows: Insertable<CaseFileTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('case_file').values(rows).execute();
}

export async function insertReferents(db: Queryable, rows: Insertable<CaseFileReferentTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('case_file_referent').values(rows).execute();
}

/** `n` numbers of the file sequence, in order. */
export async function nextFileNumbers(db: Queryable, n: number): Promise<number[]> {
  if (n <= 0) return [];
  const r = await sql<{ n: number }>`
    select nextval('case_file_number_seq')::int as n from generate_series(1, ${n}::int)`.execute(db);
  return r.rows.map((x) => x.n).sort((a, b) => a - b);
}

/** The households of files, for members added by an import. */
export const householdsOfFiles = (db: Queryable, fileIds: string[]) =>
  fileIds.length
    ? db.selectFrom('case_file').select(['id', 'household_id']).where('id', 'in', fileIds).execute()
    : Promise.resolve([]);

/**
 * The search rows of persons just added to files (new files, new members): the rows `refreshSearch` would add for
 * them, in one statement; the files' other rows are unchanged (nothing to delete: the persons are new).
 */
export async function addSearchRows(db: Queryable, personIds: string[]): Promise<void> {
  if (personIds.length) await insertSearchRows(db, sql`p.id = any(${personIds}::uuid[])`);
}

/**
 * The duplicate matcher of `findSiteDuplicates` (queries.ts) for a batch of persons, in one statement: for each person
 * (its index in the input), a file of the site it finds, or none. Same conditions: the same birth date and a key in
 * common with a surname word and with a first-name word, or the exact normalised surname and first names. Shaped for a
 * batch (docs/benchmarks.md, "Import pipeline"): the candidates found by birth date and by exact name through their
 * indexes, never through the keys' GIN index (a common first name's keys hit thousands of rows); the query keys
 * computed once per person with candidates (a key in common with any word = an overlap with the union of their keys).
 */
export async function findSiteDuplicatesMany(
  db: Queryable,
  siteId: string,
  persons: { birthName: string; usedName?: string | null; firstNames: string; birthDate: string }[],
): Promise<(string | null)[]> {
  if (!persons.length) return [];
  const r = await sql<{ i: number; hit: string }>`
    with input as (
      select t.i, btrim(coalesce(jalon_normalize(t.b), '')) as birth, btrim(coalesce(jalon_normalize(t.u), '')) as used,
        btrim(coalesce(jalon_normalize(t.f), '')) as first, t.d::date as birth_date
      from unnest(${persons.map((_, i) => i)}::int[], ${persons.map((p) => p.birthName)}::text[],
        ${persons.map((p) => p.usedName ?? '')}::text[], ${persons.map((p) => p.firstNames)}::text[],
        ${persons.map((p) => p.birthDate)}::text[]) as t(i, b, u, f, d)
    ), k as materialized (
      select i, birth_date, first, array_remove(array[nullif(birth, ''), nullif(used, '')], null) as surnames,
        array(select w from unnest(string_to_array(birth || ' ' || used, ' ')) w where length(w) >= 2) as sw,
        array(select w from unnest(string_to_array(first, ' ')) w where length(w) >= 2) as fw
      from input
    ), dated as materialized (
      select k.i, s.case_file_id, s.keys from k join usager_search s on s.birth_date = k.birth_date
      where s.site_id = ${siteId}
    ), keyed as materialized (
      select k.i,
        array(select q from unnest(k.sw) w, unnest(jalon_query_keys(w)) q) as sk,
        array(select q from unnest(k.fw) w, unnest(jalon_query_keys(w)) q) as fk
      from k where k.i in (select i from dated)
    ), m as (
      select d.i, d.case_file_id from dated d join keyed using (i)
      where coalesce(d.keys, '{}') && keyed.sk and coalesce(d.keys, '{}') && keyed.fk
      union all
      select k.i, s.case_file_id from k cross join lateral unnest(k.surnames) n(name)
        join usager_search s on s.name_n = n.name and s.first_n = k.first
      where s.site_id = ${siteId}
    )
    select distinct on (m.i) m.i, m.case_file_id as hit from m
    where m.i in (select i from k where cardinality(sw) > 0 and cardinality(fw) > 0)
    order by m.i, m.case_file_id`.execute(db);
  const out: (string | null)[] = persons.map(() => null);
  for (const row of r.rows) out[row.i] = row.hit;
  return out;
}
