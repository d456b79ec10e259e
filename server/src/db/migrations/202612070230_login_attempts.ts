import { sql, type Kysely } from 'kysely';

/**
 * Login throttling by account and client address (docs/security.md, Login): the counter is one row per pair, raised by
 * one atomic upsert before the password is checked, the same way for an unknown e-mail. The account is a SHA-256 of
 * the e-mail, never the address itself. `must_change_password`: an account created (or reset) by an administrator
 * changes the password chosen for it at its first login.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table login_attempt (
      account text not null,
      address text not null,
      failures integer not null default 0,
      blocked_until timestamptz,
      last_at timestamptz not null,
      primary key (account, address)
    )`.execute(db);
  await sql`create index login_attempt_last_idx on login_attempt (last_at)`.execute(db);
  await sql`alter table app_user add column must_change_password boolean not null default false`.execute(db);
}
