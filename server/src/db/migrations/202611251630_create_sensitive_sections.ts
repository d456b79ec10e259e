import { sql, type Kysely } from 'kysely';

/**
 * Sensitive sections (docs/api.md, Sensitive sections): one row per file × section, created when a worker opens the section with a reason.
 * `payload` (the section's JSON) and `reason_text` are sealed (AES-256-GCM, crypto/), never stored in clear.
 * Each site gets a minimisation profile that decides which sections its files may hold.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table site add column profile text not null default 'standard'
    check (profile in ('coordin', 'standard', 'etendu'))`.execute(db);
  await sql`
    create table case_file_section (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      section text not null check (section in ('sejour', 'langue', 'sante', 'enfance', 'rattachement')),
      opened_at timestamptz not null,
      opened_by uuid not null references app_user(id),
      reason_code text not null,
      reason_text text not null,
      payload text,
      version integer not null default 0,
      updated_at timestamptz,
      updated_by uuid references app_user(id),
      unique (case_file_id, section)
    )`.execute(db);
}
