import { sql, type Kysely } from 'kysely';
import { DEFAULT_MOTIFS } from '@jalon/core';

/** Journal d'activité and agenda (docs/api.md, Journal, agenda, catalogues): entries, persons and workers concerned, versions, motifs, partners. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table motif (
      code text primary key,
      label text not null,
      active boolean not null default true,
      position integer not null default 0
    )`.execute(db);
  for (const [i, m] of DEFAULT_MOTIFS.entries()) {
    await sql`insert into motif (code, label, position) values (${m.code}, ${m.label}, ${i})`.execute(db);
  }
  await sql`
    create table partner (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      kind text not null,
      address text,
      phone text,
      active boolean not null default true
    )`.execute(db);
  await sql`
    create table journal_entry (
      id uuid primary key default gen_random_uuid(),
      case_file_id uuid not null references case_file(id),
      type text not null,
      occurred_at timestamptz not null,
      duration_minutes integer,
      place text,
      motifs text[] not null default '{}',
      note text,
      visibility text not null default 'referents' check (visibility in ('privee', 'referents', 'equipe')),
      author_id uuid not null references app_user(id),
      appointment_worker_id uuid references app_user(id),
      appointment_status text check (appointment_status in ('prevu', 'honore', 'excuse', 'non_venu', 'annule')),
      partner_id uuid references partner(id),
      orientation_reason text,
      orientation_outcome text,
      lint_flag_count integer not null default 0,
      version integer not null default 0,
      created_at timestamptz not null,
      updated_at timestamptz not null,
      deleted_at timestamptz,
      deleted_by uuid references app_user(id),
      deleted_reason text
    )`.execute(db);
  await sql`create index journal_entry_file_idx on journal_entry (case_file_id, occurred_at desc, id desc) where deleted_at is null`.execute(
    db,
  );
  await sql`create index journal_entry_agenda_idx on journal_entry (appointment_worker_id, occurred_at) where type = 'rendez_vous' and deleted_at is null`.execute(
    db,
  );
  await sql`create index journal_entry_author_idx on journal_entry (author_id, occurred_at desc) where deleted_at is null`.execute(
    db,
  );
  await sql`
    create table journal_entry_person (
      entry_id uuid not null references journal_entry(id),
      person_id uuid not null references person(id),
      primary key (entry_id, person_id)
    )`.execute(db);
  await sql`
    create table journal_entry_worker (
      entry_id uuid not null references journal_entry(id),
      user_id uuid not null references app_user(id),
      primary key (entry_id, user_id)
    )`.execute(db);
  await sql`create index journal_entry_worker_user_idx on journal_entry_worker (user_id)`.execute(db);
  await sql`
    create table journal_entry_version (
      id bigserial primary key,
      entry_id uuid not null references journal_entry(id),
      version integer not null,
      changed_at timestamptz not null,
      changed_by uuid not null references app_user(id),
      occurred_at timestamptz not null,
      duration_minutes integer,
      place text,
      motifs text[] not null,
      note text,
      visibility text not null
    )`.execute(db);
  await sql`create index journal_entry_version_entry_idx on journal_entry_version (entry_id, version)`.execute(db);
}
