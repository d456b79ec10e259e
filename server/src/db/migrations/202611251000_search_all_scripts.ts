import { sql, type Kysely } from 'kysely';

/**
 * Names in any script are searchable (a name written only in Hebrew or Cyrillic used to normalise to nothing),
 * and first names get their own trigram index so "Prénom" alone finds a file (the search hint promises it).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function jalon_normalize(t text) returns text
    language sql immutable parallel safe as $$
      select btrim(regexp_replace(lower(public.unaccent('public.unaccent'::regdictionary, coalesce(t, ''))), '[[:space:][:punct:]]+', ' ', 'g'))
    $$`.execute(db);
  const btreeGin = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_extension where extname = 'btree_gin'`.execute(db);
  if ((btreeGin.rows[0]?.n ?? 0) > 0) {
    await sql`create index usager_search_first_trgm_idx on usager_search using gin (site_id, first_n gin_trgm_ops)`.execute(
      db,
    );
  } else {
    await sql`create index usager_search_first_trgm_idx on usager_search using gin (first_n gin_trgm_ops)`.execute(db);
  }
  // The stored forms follow the new normalisation (and names that used to normalise to nothing get their rows).
  await sql`delete from usager_search`.execute(db);
  await sql`
    insert into usager_search (case_file_id, person_id, site_id, name_n, first_n, birth_date)
    select distinct cf.id, p.id, cf.site_id, jalon_normalize(n.name), jalon_normalize(p.first_names), p.birth_date
    from case_file cf
    join household_member m on m.household_id = cf.household_id and m.end_date is null
    join person p on p.id = m.person_id
    cross join lateral (values (p.birth_name), (p.used_name)) as n(name)
    where n.name is not null`.execute(db);
}
