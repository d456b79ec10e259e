import { sql, type RawBuilder } from 'kysely';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import type { Queryable } from '../../db/schema.js';

/** The file's row with its principal person, household, site and team: explicit columns only. */
const findUsagerRowQuery = (db: Queryable, id: string) =>
  db
    .selectFrom('case_file as cf')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .innerJoin('household as h', 'h.id', 'cf.household_id')
    .innerJoin('site as s', 's.id', 'cf.site_id')
    .leftJoin('team as t', 't.id', 'cf.team_id')
    .select([
      'cf.id',
      'cf.file_number',
      'cf.status',
      'cf.version',
      'cf.closing_reason',
      'cf.opened_at',
      'cf.last_contact_at',
      'cf.household_id',
      'cf.site_id',
      'cf.team_id',
      's.code as site_code',
      's.name as site_name',
      's.profile as site_profile',
      't.name as team_name',
      'p.id as person_id',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'p.sex',
      'p.birth_date',
      'p.birth_place',
      'p.nationality',
      'p.marital_status',
      'p.phone',
      'p.email',
      'p.caf_number',
      'p.france_travail_id',
      'p.employment_status',
      'p.caf_activity',
      'p.education_level',
      'h.address_line',
      'h.postal_code',
      'h.city',
      'h.domiciliation',
      'h.domiciliation_organism',
      'h.housing_status',
      'h.housing_nature',
      'h.family_type',
    ])
    .where('cf.id', '=', id);
export const findUsagerRow = (db: Queryable, id: string) => findUsagerRowQuery(db, id).executeTakeFirst();
export type UsagerRow = NonNullable<Awaited<ReturnType<typeof findUsagerRow>>>;

const REFERENT_COLUMNS = ['r.id', 'r.user_id', 'r.kind', 'u.display_name'] as const;
const MEMBER_COLUMNS = [
  'm.id',
  'm.person_id',
  'm.relationship',
  'm.start_date',
  'm.end_date',
  'm.start_reason',
  'm.end_reason',
  'p.birth_name',
  'p.used_name',
  'p.first_names',
  'p.sex',
  'p.birth_date',
] as const;

/** Active référents of a file; `fileId` a value, or the outer query's column for a correlated list. */
const referentsQuery = (db: Queryable, fileId: string | RawBuilder<string>) =>
  db
    .selectFrom('case_file_referent as r')
    .innerJoin('app_user as u', 'u.id', 'r.user_id')
    .select(REFERENT_COLUMNS)
    .where('r.case_file_id', '=', fileId)
    .where('r.end_at', 'is', null)
    .orderBy('r.start_at');

/** Members of a household, current first; `householdId` a value, or the outer query's column. */
const membersQuery = (db: Queryable, householdId: string | RawBuilder<string>) =>
  db
    .selectFrom('household_member as m')
    .innerJoin('person as p', 'p.id', 'm.person_id')
    .select(MEMBER_COLUMNS)
    .where('m.household_id', '=', householdId)
    .orderBy('m.end_date', (ob) => ob.desc().nullsFirst())
    .orderBy('m.relationship')
    .orderBy('p.birth_date');

export const findActiveReferents = (db: Queryable, caseFileId: string) => referentsQuery(db, caseFileId).execute();

export const findMembers = (db: Queryable, householdId: string) => membersQuery(db, householdId).execute();

/** The parts of the file a consumer asks for besides its row: active référents, household members. */
export interface FileParts {
  referents: boolean;
  members: boolean;
}

/**
 * The file assembled in one place for every consumer (file page, archived read, access export, share extract:
 * docs/architecture.md, "The file, assembled once"): the row with its active référents and household members when
 * asked for (`[]` and `null` when not), in one round trip (docs/benchmarks.md: a file read was four queries; the
 * socket writes were 38 % of the server's time under load). The lists are `referentsQuery` and `membersQuery`
 * correlated to the row, read as JSON (dates stay yyyy-mm-dd strings); the parts asked for are parameters, so every
 * consumer runs the same prepared statement.
 */
export async function loadUsagerFile(db: Queryable, id: string, parts: FileParts) {
  const row = await findUsagerRowQuery(db, id)
    .select(() =>
      jsonArrayFrom(referentsQuery(db, sql.ref('cf.id')).where(sql<boolean>`${parts.referents}`)).as('referents'),
    )
    .select(() =>
      jsonArrayFrom(membersQuery(db, sql.ref('cf.household_id')).where(sql<boolean>`${parts.members}`)).as('members'),
    )
    .executeTakeFirst();
  if (!row) return undefined;
  const { referents, members, ...usager } = row;
  return { row: usager as UsagerRow, referents, members: parts.members ? members : null };
}
export type UsagerFile = NonNullable<Awaited<ReturnType<typeof loadUsagerFile>>>;

/**
 * Rebuilds the search rows of a file: one per current member and name variant (birth name, used name),
 * normalised by jalon_normalize (unaccent + lower) in the database.
 */
export async function refreshSearch(db: Queryable, caseFileId: string | 'all'): Promise<void> {
  if (caseFileId === 'all') await db.deleteFrom('usager_search').execute();
  else await db.deleteFrom('usager_search').where('case_file_id', '=', caseFileId).execute();
  await insertSearchRows(db, caseFileId === 'all' ? sql`true` : sql`cf.id = ${caseFileId}`);
}

/**
 * The search rows of the active files and current members `where` keeps (on `cf`, the file, and `p`, the person): one
 * per name variant, normalised in the database. Also the search rows of an import batch's new persons.
 */
export async function insertSearchRows(db: Queryable, where: RawBuilder<unknown>): Promise<void> {
  await sql`
    insert into usager_search (case_file_id, person_id, site_id, name_n, first_n, birth_date)
    select distinct cf.id, p.id, cf.site_id, jalon_normalize(n.name), jalon_normalize(p.first_names), p.birth_date
    from case_file cf
    join household_member m on m.household_id = cf.household_id and m.end_date is null
    join person p on p.id = m.person_id
    cross join lateral (values (p.birth_name), (p.used_name)) as n(name)
    where ${where} and n.name is not null
      and cf.retention_state = 'active' and cf.merged_into is null`.execute(db);
}

/** Files whose household currently counts this person: their search rows must follow a change of name. */
export const filesOfPerson = async (db: Queryable, personId: string): Promise<string[]> =>
  (
    await db
      .selectFrom('household_member as m')
      .innerJoin('case_file as cf', 'cf.household_id', 'm.household_id')
      .select('cf.id')
      .where('m.person_id', '=', personId)
      .execute()
  ).map((r) => r.id);

export async function nextFileNumber(db: Queryable, now: Date): Promise<string> {
  const r = await sql<{ n: number }>`select nextval('case_file_number_seq')::int as n`.execute(db);
  const n = r.rows[0]?.n ?? 0;
  return `${String(now.getFullYear()).slice(2)}-${String(n).padStart(6, '0')}`;
}

/** The active référent's name of a file, as a scalar subquery for list and search rows. */
export const referentNameOf = (fileIdRef: 'case_file.id' | 'cf.id') =>
  sql<string | null>`(
    select u.display_name from case_file_referent r join app_user u on u.id = r.user_id
    where r.case_file_id = ${sql.ref(fileIdRef)} and r.kind = 'referent' and r.end_at is null
    limit 1)`.as('referent_name');

/** The normalised words of a name (jalon_normalize, as the search rows store them). */
export async function normaliseNames(db: Queryable, names: (string | null | undefined)[]): Promise<string[]> {
  const r = await sql<{ n: string | null }>`
    select jalon_normalize(x) as n from unnest(${names.map((n) => n ?? '')}::text[]) as x`.execute(db);
  return r.rows.map((x) => (x.n ?? '').trim());
}

/**
 * Files of a site whose search rows are likely the same person (docs/security.md, "Duplicates"): the same birth date
 * and a key in common with a surname word and with a first-name word (a typo, a spelling by ear, names swapped), or
 * the exact normalised surname and first names whatever the birth date (a mistyped date).
 */
export async function findSiteDuplicates(
  db: Queryable,
  siteId: string,
  p: { surnames: string[]; first: string; birthDate: string },
) {
  const surnameWords = [...new Set(p.surnames.flatMap((n) => n.split(' ')).filter((w) => w.length >= 2))];
  const firstWords = p.first.split(' ').filter((w) => w.length >= 2);
  if (!surnameWords.length || !firstWords.length) return [];
  const anyKey = (words: string[]) =>
    sql`exists (select 1 from unnest(${words}::text[]) w where s.keys && jalon_query_keys(w))`;
  return (
    await sql<{ case_file_id: string }>`
      select distinct s.case_file_id from usager_search s
      where s.site_id = ${siteId}
        and ((s.birth_date = ${p.birthDate} and ${anyKey(surnameWords)} and ${anyKey(firstWords)})
          or (s.name_n in (${sql.join(p.surnames.filter(Boolean))}) and s.first_n = ${p.first}))
      limit 10`.execute(db)
  ).rows.map((r) => r.case_file_id);
}
