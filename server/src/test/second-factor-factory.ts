import { aadOf, sealText } from '../crypto/index.js';
import type { Db } from '../db/schema.js';
import { RECOVERY_CODE_COUNT, hashRecoveryCode, newRecoveryCode, newTotpSecret, totpCode } from '../auth/totp.js';

/** Test accounts with an enrolled TOTP factor: their secret and recovery codes, by e-mail. */
interface Enrolled {
  userId: string;
  secret: string;
  recoveryCodes: string[];
  lastStep: number;
}
const enrolled = new Map<string, Enrolled>();

/** Enrols a factor directly in the database, as a confirmed enrolment would. */
export async function enrolSecondFactor(db: Db, userId: string, email: string): Promise<Enrolled> {
  const secret = newTotpSecret();
  const recoveryCodes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db
    .insertInto('user_second_factor')
    .values({
      user_id: userId,
      secret: sealText(secret, aadOf('user_second_factor', 'secret', userId)),
      enabled_at: new Date(0),
    })
    .execute();
  await db
    .insertInto('recovery_code')
    .values(recoveryCodes.map((c) => ({ user_id: userId, code_hash: hashRecoveryCode(c) })))
    .execute();
  const e = { userId, secret, recoveryCodes: [...recoveryCodes], lastStep: 0 };
  enrolled.set(email.toLowerCase(), e);
  return e;
}

export const enrolmentOf = (email: string): Enrolled | undefined => enrolled.get(email.toLowerCase());

/**
 * The code to log in with at `now`: the TOTP code, or a recovery code when that time step was already used
 * (a TOTP code is accepted once). Undefined for an account without a factor.
 */
export function loginCode(email: string, now: Date): string | undefined {
  const e = enrolled.get(email.toLowerCase());
  if (!e) return undefined;
  const step = Math.floor(now.getTime() / 30_000);
  if (step > e.lastStep) {
    e.lastStep = step;
    return totpCode(e.secret, now);
  }
  return e.recoveryCodes.shift();
}
