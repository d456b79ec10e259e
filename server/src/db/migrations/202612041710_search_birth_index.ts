import { sql, type Kysely } from 'kysely';

/**
 * The birth-date index without the site (ADR 006). Any index holding site_id let the planner AND a scan of the whole
 * site (60,000 entries, 3.5-6.6 ms at 1 M usagers) with the key lookup that had already found ~1,000 rows. A birth
 * date is selective on its own (~80 search rows per date over all Paris): the site is checked on those rows.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists usager_search_birth_idx`.execute(db);
  await sql`create index usager_search_birth_idx on usager_search (birth_date)`.execute(db);
}
