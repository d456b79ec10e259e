import { sql, type Kysely } from 'kysely';

/**
 * The search table, hash-partitioned by site (docs/benchmarks.md). A trigram GIN index is keyed by
 * trigram, not by site: even the composite (site_id, name_n) index reads each trigram's posting list for every site
 * and intersects it with the site's list, so at 1 M usagers one `%` scan cost 10-16 ms. With 16 partitions a site's
 * search reads only its partition's indexes: on the 1 M dataset `searchUsagers` went from p50 54 / p95 131 ms to
 * p50 33 / p95 89 ms. 16, not 64: the cross-site exact-name lookup and the per-file delete of `refreshSearch` visit
 * every partition (exact name: 0.6-1.1 ms on one table, 2-3.5 ms with 16 partitions, 7-8.5 ms with 64; delete:
 * 0.1-0.2, 0.6-1.7, 2.4-5.5 ms).
 *
 * The columns, foreign keys and every index of the current table are kept (index definitions are read from the
 * catalogue, so indexes added by earlier migrations follow). Queries are unchanged.
 */
export const SEARCH_PARTITIONS = 16;

export async function up(db: Kysely<unknown>): Promise<void> {
  const indexes = (
    await sql<{ indexname: string; indexdef: string }>`
      select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename = 'usager_search'`.execute(
      db,
    )
  ).rows;
  await sql`alter table usager_search rename to usager_search_unpartitioned`.execute(db);
  for (const ix of indexes)
    await sql`alter index ${sql.id(ix.indexname)} rename to ${sql.id(`${ix.indexname}_old`)}`.execute(db);
  await sql`
    create table usager_search (
      case_file_id uuid not null references case_file(id),
      person_id uuid not null references person(id),
      site_id uuid not null references site(id),
      name_n text not null,
      first_n text not null,
      birth_date date not null
    ) partition by hash (site_id)`.execute(db);
  for (let i = 0; i < SEARCH_PARTITIONS; i++) {
    const name = `usager_search_p${String(i).padStart(2, '0')}`;
    await sql`create table ${sql.id(name)} partition of usager_search for values with (modulus ${sql.lit(SEARCH_PARTITIONS)}, remainder ${sql.lit(i)})`.execute(
      db,
    );
  }
  await sql`
    insert into usager_search (case_file_id, person_id, site_id, name_n, first_n, birth_date)
    select case_file_id, person_id, site_id, name_n, first_n, birth_date from usager_search_unpartitioned`.execute(db);
  await sql`drop table usager_search_unpartitioned`.execute(db);
  for (const ix of indexes) await sql.raw(ix.indexdef.replace(' ON ONLY ', ' ON ')).execute(db);
  await sql`analyze usager_search`.execute(db);
}
