import { sql, type Insertable } from 'kysely';
import { motivatedFileIdsOf } from '../access/queries.js';
import type { DB, Db, Queryable } from '../db/schema.js';

/** The SQL of login, sessions and accounts (docs/architecture.md: SQL lives in queries files). */

// Accounts

export const findLoginUser = (db: Queryable, email: string) =>
  db.selectFrom('app_user').select(['id', 'password_hash', 'active']).where('email', '=', email).executeTakeFirst();

export const findOidcUser = (db: Queryable, email: string) =>
  db
    .selectFrom('app_user')
    .select(['id', 'role', 'active', 'locked_until'])
    .where('email', '=', email)
    .executeTakeFirst();

export async function findPasswordHash(db: Queryable, userId: string): Promise<string> {
  const row = await db
    .selectFrom('app_user')
    .select('password_hash')
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
  return row.password_hash;
}

export async function userExists(db: Queryable, userId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('app_user').select('id').where('id', '=', userId).executeTakeFirst());
}

export async function anyUserExists(db: Queryable): Promise<boolean> {
  return Boolean(await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst());
}

export async function setOwnPassword(trx: Queryable, userId: string, passwordHash: string, now: Date): Promise<void> {
  await trx
    .updateTable('app_user')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: false })
    .where('id', '=', userId)
    .execute();
}

export async function insertUser(trx: Queryable, values: Insertable<DB['app_user']>): Promise<string> {
  const row = await trx.insertInto('app_user').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** The account as the session reply shows it, with its teams. */
export async function findSessionUser(db: Queryable, userId: string) {
  const user = await db
    .selectFrom('app_user as u')
    .leftJoin('site', 'site.id', 'u.site_id')
    .select([
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.site_id',
      'site.name as site_name',
      'site.profile as site_profile',
      'u.must_change_password',
    ])
    .where('u.id', '=', userId)
    .executeTakeFirstOrThrow();
  const teams = await db.selectFrom('user_team').select('team_id').where('user_id', '=', userId).execute();
  return { ...user, teamIds: teams.map((t) => t.team_id) };
}

// Sessions

export async function insertSession(
  db: Queryable,
  v: { tokenHash: string; userId: string; csrfToken: string; now: Date },
): Promise<void> {
  await db
    .insertInto('session')
    .values({
      token_hash: v.tokenHash,
      user_id: v.userId,
      csrf_token: v.csrfToken,
      created_at: v.now,
      last_seen_at: v.now,
    })
    .execute();
}

export async function deleteSessionRow(db: Queryable, tokenHash: string): Promise<void> {
  await db.deleteFrom('session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteUserSessionRows(db: Queryable, userId: string, exceptTokenHash?: string): Promise<void> {
  await db
    .deleteFrom('session')
    .where('user_id', '=', userId)
    .$if(Boolean(exceptTokenHash), (q) => q.where('token_hash', '<>', exceptTokenHash ?? ''))
    .execute();
}

export async function touchSession(db: Queryable, tokenHash: string, now: Date): Promise<void> {
  await db.updateTable('session').set({ last_seen_at: now }).where('token_hash', '=', tokenHash).execute();
}

/** The session with its user, site, teams, second factor and motivated accesses, in one query. */
export const findSessionRow = (db: Queryable, tokenHash: string, now: Date) =>
  db
    .selectFrom('session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('site', 'site.id', 'u.site_id')
    .leftJoin('user_second_factor as f', 'f.user_id', 'u.id')
    .select([
      'f.enabled_at as factor_enabled_at',
      's.csrf_token',
      's.created_at',
      's.last_seen_at',
      'u.id',
      'u.email',
      'u.display_name',
      'u.role',
      'u.site_id',
      'u.active',
      'u.must_change_password',
      'site.name as site_name',
      'site.profile as site_profile',
    ])
    .select((eb) =>
      eb
        .selectFrom('user_team')
        .whereRef('user_team.user_id', '=', 'u.id')
        .select((sb) => sb.fn.agg<string[]>('array_agg', ['user_team.team_id']).as('ids'))
        .as('team_ids'),
    )
    .select((eb) => motivatedFileIdsOf(eb, now).as('motivated_file_ids'))
    .where('s.token_hash', '=', tokenHash)
    .executeTakeFirst();

// Login throttle (login-throttle.ts)

/**
 * Reserves an attempt by one atomic upsert; false when the pair is still blocked. `free`, `firstDelayS`, `maxDelayS`
 * and `quietSince` are the rules of login-throttle.ts.
 */
export async function upsertAttempt(
  db: Db,
  k: { account: string; address: string; now: Date; stale: Date },
  rules: { free: number; firstDelayS: number; maxDelayS: number },
): Promise<boolean> {
  const { account, address, now, stale } = k;
  const next = sql`(case when login_attempt.last_at < ${stale} then 1 else login_attempt.failures + 1 end)`;
  const delay = (n: unknown) =>
    sql`case when ${n} >= ${rules.free} then ${now}::timestamptz + make_interval(secs => least(${rules.firstDelayS} * power(2, ${n} - ${rules.free}), ${rules.maxDelayS})) end`;
  const reserved = await sql<{ failures: number }>`
    insert into login_attempt (account, address, failures, blocked_until, last_at)
    values (${account}, ${address}, 1, ${delay(sql`1`)}, ${now})
    on conflict (account, address) do update
      set failures = ${next}, blocked_until = ${delay(next)}, last_at = excluded.last_at
      where login_attempt.blocked_until is null or login_attempt.blocked_until <= ${now}
    returning failures`.execute(db);
  return reserved.rows.length > 0;
}

export const findAttemptBlockedUntil = (db: Db, account: string, address: string) =>
  db
    .selectFrom('login_attempt')
    .select('blocked_until')
    .where('account', '=', account)
    .where('address', '=', address)
    .executeTakeFirst();

/** Deletes the pair's row and the rows quiet since `quietSince` that block nothing any more. */
export async function deleteAttempts(db: Db, account: string, address: string, now: Date, quietSince: Date) {
  await db.deleteFrom('login_attempt').where('account', '=', account).where('address', '=', address).execute();
  await db
    .deleteFrom('login_attempt')
    .where('last_at', '<', quietSince)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .execute();
}

export async function deleteAccountAttempts(db: Db, account: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('account', '=', account).execute();
}
