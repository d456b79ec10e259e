import { sql, type Kysely } from 'kysely';

/**
 * An accord beyond the 12-month re-application limit of an FSL aid keeps the reason of its derogation
 * (docs/adr/012-aid-applications.md, "Re-application limits").
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table aid_application add column derogation_reason text`.execute(db);
}
