import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';
import { referentNameOf } from './queries.js';

/** A word of a search query, normalised, with its search keys (docs/adr/006-search-keys.md). */
export interface SearchWord {
  t: string;
  k: string[];
}

/** The first four normalised words of at least two letters of a query, in order, with their keys. */
export const queryWords = async (db: Queryable, text: string): Promise<SearchWord[]> =>
  (
    await sql<SearchWord>`
      select t, jalon_query_keys(t) as k
      from unnest(string_to_array(jalon_normalize(${text}), ' ')) with ordinality as w(t, n)
      where length(t) >= 2 order by n limit 4`.execute(db)
  ).rows;

/**
 * The search's candidates on the caller's site (search.ts, searchUsagers): one row per file, ranked by the best
 * reading of the words typed (one as the surname, another as the first name), `exact` when the surname is one of
 * `exactNames`. The returned call reads one page of the rows sharing a key with every word (`all`) or with any.
 */
export function searchCandidates(
  db: Queryable,
  q: {
    siteId: string;
    words: SearchWord[];
    exactNames: string[];
    fileNumber: string | null;
    birthDate: string | null;
  },
) {
  const { words, exactNames } = q;
  const tokens = words.map((w) => w.t);
  const nameScore = (t: string) => sql`greatest(similarity(s.name_n, ${t}), word_similarity(${t}, s.name_n))`;
  const readings = tokens.flatMap((t, i) => [
    nameScore(t),
    sql`0.6 * similarity(s.first_n, ${t})`,
    ...tokens.filter((_, j) => j !== i).map((o) => sql`${nameScore(t)} + 0.5 * similarity(s.first_n, ${o})`),
  ]);
  const score = readings.length ? sql`greatest(${sql.join(readings, sql`, `)})` : sql`1`;
  const exactName = exactNames.length ? sql`(s.name_n in (${sql.join(exactNames)}))` : sql`false`;

  return async (all: boolean, limit: number, skip: number) => {
    const keyMatch = words.length
      ? sql.join(
          words.map((w) => sql`s.keys && ${w.k}::text[]`),
          all ? sql` and ` : sql` or `,
        )
      : sql`true`;
    return (
      await sql<{ case_file_id: string; person_id: string; score: number; exact: boolean }>`
      select case_file_id, person_id, score, exact from (
        select distinct on (s.case_file_id) s.case_file_id, s.person_id,
               (${score})::float8 as score, ${exactName} as exact
        from usager_search s
        ${q.fileNumber ? sql`join case_file f on f.id = s.case_file_id and f.file_number = ${q.fileNumber}` : sql``}
        where s.site_id = ${q.siteId}
          and (${keyMatch})
          ${q.birthDate ? sql`and s.birth_date = ${q.birthDate}` : sql``}
        order by s.case_file_id, score desc
      ) x order by score desc, case_file_id limit ${limit} offset ${skip}`.execute(db)
    ).rows;
  };
}

/** The files of a search page, with their principal person, team and référent. */
export const searchResultFiles = (db: Queryable, ids: string[]) =>
  db
    .selectFrom('case_file as cf')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .leftJoin('team as t', 't.id', 'cf.team_id')
    .select([
      'cf.id',
      'cf.file_number',
      'cf.status',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
      'p.birth_date',
      't.name as team_name',
    ])
    .select(referentNameOf('cf.id'))
    .where('cf.id', 'in', ids)
    .execute();

/** The names of persons (a search's matched persons, the "known elsewhere" cards). */
export const personNames = (db: Queryable, ids: string[]) =>
  db.selectFrom('person').select(['id', 'birth_name', 'used_name', 'first_names']).where('id', 'in', ids).execute();

/** The names of sites (the "known elsewhere" cards). */
export const siteNames = (db: Queryable, ids: string[]) =>
  db.selectFrom('site').select(['id', 'name']).where('id', 'in', ids).execute();

/**
 * The search rows of principal persons of files of other sites whose normalised surname is one of `names`
 * (elsewhere.ts: read alone, index on name_n).
 */
export const elsewhereSearchRows = (db: Queryable, siteId: string, names: string[]) =>
  db
    .selectFrom('usager_search as s')
    .innerJoin('case_file as cf', (j) =>
      j.onRef('cf.id', '=', 's.case_file_id').onRef('cf.principal_person_id', '=', 's.person_id'),
    )
    .select(['s.case_file_id', 's.person_id', 's.site_id', 's.name_n', 's.first_n'])
    .where('s.name_n', 'in', [...new Set(names)])
    .where('s.site_id', '<>', siteId)
    .orderBy('s.case_file_id')
    .limit(200)
    .execute();

/** The likely duplicates found on the caller's site, with their principal person (duplicates.ts). */
export const duplicateFiles = (db: Queryable, ids: string[]) =>
  db
    .selectFrom('case_file as cf')
    .innerJoin('person as pr', 'pr.id', 'cf.principal_person_id')
    .select(['cf.id', 'cf.file_number', 'cf.status', 'pr.birth_name', 'pr.used_name', 'pr.first_names'])
    .select('pr.birth_date')
    .where('cf.id', 'in', ids)
    .orderBy('cf.file_number')
    .execute();
