import { sql, type Kysely } from 'kysely';

/**
 * Retention (docs/adr/005-retention-anonymisation.md): each file's state (active, intermediate archive, anonymised), the référent's hold (prolongation or
 * archive for a legal reason, until a date), and one report row per run of the engine. Partage: the shares of a file
 * (recipient, legal ground, sections, date, person informed) and the consents of the person (purpose, recipient, dates).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table case_file
      add column retention_state text not null default 'active' check (retention_state in ('active', 'archived', 'anonymised')),
      add column retention_hold_kind text check (retention_hold_kind in ('prolongation', 'archive')),
      add column retention_hold_until date,
      add column retention_hold_reason text,
      add column retention_hold_note text,
      add column archived_at timestamptz,
      add column anonymised_at timestamptz`.execute(db);
  await sql`create index case_file_retention_idx on case_file (retention_state, (coalesce(last_contact_at, opened_at)))`.execute(
    db,
  );

  await sql`
    create table retention_run (
      id uuid primary key default gen_random_uuid(),
      started_at timestamptz not null,
      finished_at timestamptz not null,
      trigger text not null check (trigger in ('job', 'cli')),
      dry_run boolean not null,
      archived integer not null default 0,
      anonymised integer not null default 0,
      noticed integer not null default 0,
      failed integer not null default 0,
      log_purged jsonb not null default '{}',
      details jsonb not null default '[]'
    )`.execute(db);

  await sql`
    create table file_share (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      recipient_name text,
      recipient_organisation text not null,
      legal_ground text not null check (legal_ground in ('casf_l121_6_2', 'casf_l226_2_2', 'csp_l1110_4', 'casf_l226_2_1', 'consentement')),
      consent_id uuid,
      sections text[] not null,
      shared_on date not null,
      person_informed boolean not null,
      not_informed_reason text,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null
    )`.execute(db);
  await sql`create index file_share_case_file_idx on file_share (case_file_id, shared_on desc)`.execute(db);

  await sql`
    create table consent (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      purpose text,
      recipient text,
      given_on date not null,
      withdrawn_on date,
      created_by uuid not null references app_user(id),
      created_at timestamptz not null,
      check (withdrawn_on is null or withdrawn_on >= given_on)
    )`.execute(db);
  await sql`create index consent_case_file_idx on consent (case_file_id)`.execute(db);
  await sql`alter table file_share add constraint file_share_consent_fk foreign key (consent_id) references consent(id)`.execute(
    db,
  );
}
