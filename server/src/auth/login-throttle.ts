import { createHash } from 'node:crypto';
import type { Db } from '../db/schema.js';
import { AppError } from '../errors.js';
import { clientKey } from './ip-throttle.js';
import { deleteAccountAttempts, deleteAttempts, findAttemptBlockedUntil, upsertAttempt } from './queries.js';

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
  const rules = { free: FREE_ATTEMPTS, firstDelayS: FIRST_DELAY_S, maxDelayS: MAX_DELAY_S };
  if (await upsertAttempt(db, { account, address, now, stale }, rules)) return { account, address };
  const row = await findAttemptBlockedUntil(db, account, address);
  const until = row?.blocked_until ? new Date(row.blocked_until).getTime() : now.getTime() + 1000;
  return Math.max(1, Math.ceil((until - now.getTime()) / 1000));
}

/** A successful login starts the count again; rows quiet for a day are dropped on the way. */
export async function clearAttempts(db: Db, r: Reservation, now: Date): Promise<void> {
  await deleteAttempts(db, r.account, r.address, now, new Date(now.getTime() - QUIET_MS));
}

/** An administrator who resets the password also lifts the delays of the account, from every address. */
export async function clearAccountAttempts(db: Db, email: string): Promise<void> {
  await deleteAccountAttempts(db, accountKey(email));
}

export const accountDelayed = (seconds: number) =>
  new AppError(
    429,
    'too_many_attempts',
    `Trop de tentatives pour ce compte depuis votre poste : réessayez dans ${Math.ceil(seconds / 60)} minute${seconds > 60 ? 's' : ''}.`,
  );
