import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { AppError } from '../errors.js';
import { clientKey } from './ip-throttle.js';

/**
 * Growing delay per account and client address (docs/security.md, Login). Each attempt is reserved by one atomic
 * upsert *before* the password is checked, so concurrent requests cannot all slip in under the limit. After
 * FREE_ATTEMPTS failures the pair waits 1 minute, then 2, 4, 8, at most 15 between attempts; a success or a day
 * without attempts starts again. An unknown e-mail goes through the same rows and the same answers (no account
 * enumeration), and the key includes the address: nobody can lock another person out from elsewhere.
 */
export const FREE_ATTEMPTS = 5;
export const FIRST_DELAY_S = 60;
export const MAX_DELAY_S = 15 * 60;
const QUIET_MS = 24 * 60 * 60 * 1000;

/** The account as stored: a hash of the normalised e-mail, never the address itself. */
export const accountKey = (email: string): string =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex');

export interface Reservation {
  account: string;
  address: string;
}

/** Seconds to wait before the attempt is allowed, or 0 once reserved (counted as a failure until `clear`). */
export async function reserveAttempt(db: Db, email: string, ip: string, now: Date): Promise<Reservation | number> {
  const account = accountKey(email);
  const address = clientKey(ip);
  const stale = new Date(now.getTime() - QUIET_MS);
  const next = sql`(case when login_attempt.last_at < ${stale} then 1 else login_attempt.failures + 1 end)`;
  const delay = (n: unknown) =>
    sql`case when ${n} >= ${FREE_ATTEMPTS} then ${now}::timestamptz + make_interval(secs => least(${FIRST_DELAY_S} * power(2, ${n} - ${FREE_ATTEMPTS}), ${MAX_DELAY_S})) end`;
  const reserved = await sql<{ failures: number }>`
    insert into login_attempt (account, address, failures, blocked_until, last_at)
    values (${account}, ${address}, 1, ${delay(sql`1`)}, ${now})
    on conflict (account, address) do update
      set failures = ${next}, blocked_until = ${delay(next)}, last_at = excluded.last_at
      where login_attempt.blocked_until is null or login_attempt.blocked_until <= ${now}
    returning failures`.execute(db);
  if (reserved.rows.length) return { account, address };
  const row = await db
    .selectFrom('login_attempt')
    .select('blocked_until')
    .where('account', '=', account)
    .where('address', '=', address)
    .executeTakeFirst();
  const until = row?.blocked_until ? new Date(row.blocked_until).getTime() : now.getTime() + 1000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** A successful login starts the count again; rows quiet for a day are dropped on the way. */
export async function clearAttempts(db: Db, r: Reservation, now: Date): Promise<void> {
  await db.deleteFrom('login_attempt').where('account', '=', r.account).where('address', '=', r.address).execute();
  await db
    .deleteFrom('login_attempt')
    .where('last_at', '<', new Date(now.getTime() - QUIET_MS))
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', now)]))
    .execute();
}

/** An administrator who resets the password also lifts the delays of the account, from every address. */
export async function clearAccountAttempts(db: Db, email: string): Promise<void> {
  await db.deleteFrom('login_attempt').where('account', '=', accountKey(email)).execute();
}

export const accountDelayed = (seconds: number) =>
  new AppError(
    429,
    'too_many_attempts',
    `Trop de tentatives pour ce compte depuis votre poste : réessayez dans ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
  );
