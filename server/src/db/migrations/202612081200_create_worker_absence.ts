import { sql, type Kysely } from 'kysely';

/**
 * Declared absences of the social workers (docs/api.md, "Absences"): the clash check of a booking reads them, the week
 * agenda shows them. The reason is a kind from a short list, never free text; a withdrawn absence is kept, marked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table worker_absence (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id),
      site_id uuid not null references site(id),
      starts_at timestamptz not null,
      ends_at timestamptz not null,
      kind text not null check (kind in ('conge', 'formation', 'reunion', 'autre')),
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      deleted_at timestamptz,
      deleted_by uuid references app_user(id),
      check (ends_at > starts_at)
    )`.execute(db);
  await sql`create index worker_absence_user_idx on worker_absence (user_id, starts_at) where deleted_at is null`.execute(
    db,
  );
  await sql`create index worker_absence_site_idx on worker_absence (site_id, starts_at) where deleted_at is null`.execute(
    db,
  );
}
