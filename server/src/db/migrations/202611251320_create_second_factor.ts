import { sql, type Kysely } from 'kysely';

/**
 * TOTP second factor (docs/security.md, Authentification): one row per user who started or finished enrolment, and the one-time recovery
 * codes (sha-256 of high-entropy random codes). The secrets are sealed with AES-256-GCM (crypto/), never in clear.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table user_second_factor (
      user_id uuid primary key references app_user(id),
      secret text,
      pending_secret text,
      enabled_at timestamptz,
      last_step bigint not null default 0
    )`.execute(db);
  await sql`
    create table recovery_code (
      id uuid primary key default gen_random_uuid(),
      user_id uuid not null references app_user(id),
      code_hash text not null,
      used_at timestamptz
    )`.execute(db);
  await sql`create index recovery_code_user on recovery_code (user_id)`.execute(db);
}
