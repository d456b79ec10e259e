import { sql, type Kysely } from 'kysely';

/**
 * The CAF flux matches a person by n° allocataire (docs/architecture.md, "Import pipeline"; ADR 013): by page, the
 * persons whose own CAF number is one of the page's. Without an index each page read the whole person table.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index if not exists person_caf_number_idx on person (caf_number) where caf_number is not null`.execute(
    db,
  );
}
