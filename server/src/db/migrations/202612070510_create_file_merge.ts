import { sql, type Kysely } from 'kysely';

/**
 * Fusion de dossiers (docs/api.md, "Fusion de dossiers"): a merge moves the absorbed file's rows to the kept file and
 * records, in `moved`, every moved row id with its previous owner, so an undo within 30 days puts each back. The
 * absorbed file is closed with `case_file.merged_into` (it leaves search while set).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table file_merge (
      id uuid primary key default gen_random_uuid(),
      kept_id uuid not null references case_file(id),
      absorbed_id uuid not null references case_file(id),
      moved jsonb not null,
      reason text not null,
      merged_by uuid not null references app_user(id),
      merged_at timestamptz not null,
      undone_at timestamptz,
      undone_by uuid references app_user(id),
      check (kept_id <> absorbed_id)
    )`.execute(db);
  await sql`create index file_merge_kept_idx on file_merge (kept_id)`.execute(db);
  await sql`create index file_merge_absorbed_idx on file_merge (absorbed_id)`.execute(db);
  // One merge in force per absorbed file (a second merge of the same file is refused in the service too).
  await sql`create unique index file_merge_active_idx on file_merge (absorbed_id) where undone_at is null`.execute(db);
  await sql`alter table case_file add column merged_into uuid references case_file(id)`.execute(db);
}
