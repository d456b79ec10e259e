import { sql, type Kysely } from 'kysely';

/**
 * RGPD art. 18 and 21 (docs/api.md, Rectification history, limitation and opposition): the person's limitation (file read-only) or opposition (kept out of the statistics),
 * recorded by the référent, dated, with its reason, and lifted with an end date. At most one active flag per kind.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table file_restriction (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      kind text not null check (kind in ('limitation', 'opposition')),
      start_date date not null,
      reason text not null,
      end_date date,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      lifted_by uuid references app_user(id),
      lifted_at timestamptz,
      check (end_date is null or end_date >= start_date),
      check ((end_date is null) = (lifted_at is null))
    )`.execute(db);
  await sql`create unique index file_restriction_active_idx on file_restriction (case_file_id, kind) where end_date is null`.execute(
    db,
  );
}
