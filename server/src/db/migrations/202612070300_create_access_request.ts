import { sql, type Kysely } from 'kysely';

/**
 * The person's access requests (RGPD art. 15, docs/security.md "Demandes d’accès (Access requests)"): who asked, when, how identity was
 * checked, the one-month deadline, and when the DPO produced the export. The référents are told through the in-app
 * notifications, which gain two kinds (a request recorded, its export produced).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table access_request (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      requester text not null check (requester in ('personne', 'representant')),
      representative_name text,
      received_on date not null,
      identity_check text not null,
      identity_note text,
      due_on date not null,
      recorded_by uuid not null references app_user(id),
      recorded_by_role text not null,
      recorded_at timestamptz not null,
      produced_at timestamptz,
      produced_by uuid references app_user(id),
      check (due_on > received_on),
      check ((produced_at is null) = (produced_by is null))
    )`.execute(db);
  await sql`create index access_request_pending_idx on access_request (due_on) where produced_at is null`.execute(db);
  await sql`create index access_request_file_idx on access_request (case_file_id)`.execute(db);
  await sql`alter table notification drop constraint notification_kind_check`.execute(db);
  await sql`alter table notification add constraint notification_kind_check check (kind in ('break_glass', 'access_request', 'access_export'))`.execute(
    db,
  );
  await sql`alter table notification add column access_request_id uuid references access_request(id)`.execute(db);
}
