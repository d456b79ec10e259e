import { sql, type Kysely } from 'kysely';

/**
 * Motivated access (break-glass, docs/api.md): one row per grant (reason, justification, 24 h window, review by the
 * responsable of the file's site or the DPO), and the in-app notifications sent to the référents.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table break_glass_access (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      file_site_id uuid not null references site(id),
      user_id uuid not null references app_user(id),
      user_role text not null,
      user_site_id uuid references site(id),
      reason text not null,
      justification text not null,
      granted_at timestamptz not null,
      expires_at timestamptz not null,
      reviewed_at timestamptz,
      reviewed_by uuid references app_user(id),
      review_comment text,
      check (expires_at > granted_at),
      check ((reviewed_at is null) = (reviewed_by is null))
    )`.execute(db);
  await sql`create index break_glass_user_idx on break_glass_access (user_id, expires_at)`.execute(db);
  await sql`create index break_glass_pending_idx on break_glass_access (file_site_id, granted_at) where reviewed_at is null`.execute(
    db,
  );
  await sql`
    create table notification (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id),
      kind text not null check (kind in ('break_glass')),
      case_file_id uuid references case_file(id),
      break_glass_id uuid references break_glass_access(id),
      created_at timestamptz not null,
      read_at timestamptz
    )`.execute(db);
  await sql`create index notification_user_idx on notification (user_id, created_at desc)`.execute(db);
}
