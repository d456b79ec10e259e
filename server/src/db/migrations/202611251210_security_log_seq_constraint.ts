import { sql, type Kysely } from 'kysely';

/**
 * The chain trigger finds the last row by `seq`: its unique index becomes a constraint, so that tools that drop plain
 * secondary indexes during bulk loads (the scale dataset) keep it, and the trigger never scans the table (ADR 004).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_event', 'access_log']) {
    await sql
      .raw(`alter table ${table} add constraint ${table}_seq_key unique using index ${table}_seq_idx`)
      .execute(db);
  }
}
