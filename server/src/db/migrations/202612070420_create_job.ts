import { sql, type Kysely } from 'kysely';

/**
 * The persistent job queue (docs/architecture.md, "Job queue"): a job is claimed under a lease with
 * `for update skip locked`, so several server processes never run one job twice; a crashed run is taken up again once
 * its lease expired. `idempotency_key` makes a recurring slot (statistics at 10:20, retention of 2026-12-08) one job.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table job (
      id uuid primary key default gen_random_uuid(),
      kind text not null,
      payload jsonb not null default '{}'::jsonb,
      state text not null default 'pending' check (state in ('pending', 'running', 'done', 'dead')),
      run_at timestamptz not null,
      attempts integer not null default 0,
      max_attempts integer not null default 5,
      idempotency_key text unique,
      locked_by text,
      locked_until timestamptz,
      progress_done integer,
      progress_total integer,
      result jsonb,
      last_error text,
      created_at timestamptz not null,
      started_at timestamptz,
      finished_at timestamptz
    )`.execute(db);
  await sql`create index job_due_idx on job (run_at) where state in ('pending', 'running')`.execute(db);
  await sql`create index job_recent_idx on job (created_at desc)`.execute(db);
}
