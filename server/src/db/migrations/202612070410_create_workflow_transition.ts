import { sql, type Kysely } from 'kysely';

/**
 * The history of every workflow transition (docs/architecture.md, "Workflows"): who, when, from, to, why. Generic: a
 * workflow names itself and its subject; `case_file_id` lets retention and the access export find a file's rows.
 * Appointments already past their `prevu` state get no back-filled history: it starts with this migration.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table workflow_transition (
      id uuid primary key default gen_random_uuid(),
      workflow text not null,
      subject_id uuid not null,
      case_file_id uuid references case_file(id),
      from_state text,
      to_state text not null,
      actor_id uuid not null references app_user(id),
      at timestamptz not null,
      reason text,
      instructs boolean not null default false,
      -- Order of recording, for transitions made within the same instant.
      seq bigint generated always as identity
    )`.execute(db);
  await sql`create index workflow_transition_subject_idx on workflow_transition (workflow, subject_id, at)`.execute(db);
  await sql`create index workflow_transition_file_idx on workflow_transition (case_file_id)`.execute(db);
}
