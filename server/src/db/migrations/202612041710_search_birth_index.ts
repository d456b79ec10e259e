import { sql, type Kysely } from 'kysely';

/**
 * The birth-date index leads with the date (ADR 006). Keyed (site_id, birth_date), it let the planner AND a scan of
 * the whole site (60,000 entries, 3.5 ms at 1 M usagers) with the key lookup that had already found ~1,000 rows;
 * keyed (birth_date, site_id) it serves the date search and never a site-only filter.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists usager_search_birth_idx`.execute(db);
  await sql`create index usager_search_birth_idx on usager_search (birth_date, site_id)`.execute(db);
}
