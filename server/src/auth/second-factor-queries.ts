import type { Queryable } from '../db/schema.js';

/** The SQL of the TOTP second factor (second-factor.ts; docs/architecture.md: SQL lives in queries files). */

export const findFactorEnabledAt = (db: Queryable, userId: string) =>
  db.selectFrom('user_second_factor').select('enabled_at').where('user_id', '=', userId).executeTakeFirst();

/** A new pending secret (sealed), replacing any pending one. */
export async function upsertPendingSecret(trx: Queryable, userId: string, sealed: string): Promise<void> {
  await trx
    .insertInto('user_second_factor')
    .values({ user_id: userId, pending_secret: sealed })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ pending_secret: sealed }))
    .execute();
}

export async function replaceRecoveryCodeHashes(trx: Queryable, userId: string, hashes: string[]): Promise<void> {
  await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_code')
    .values(hashes.map((h) => ({ user_id: userId, code_hash: h })))
    .execute();
}

/** The factor row, locked for the caller's transaction. */
export const lockFactor = (trx: Queryable, userId: string) =>
  trx
    .selectFrom('user_second_factor')
    .select(['pending_secret', 'enabled_at', 'secret', 'last_step'])
    .where('user_id', '=', userId)
    .forUpdate()
    .executeTakeFirst();

export async function enableFactor(
  trx: Queryable,
  userId: string,
  v: { secret: string; enabledAt: Date; step: number },
): Promise<void> {
  await trx
    .updateTable('user_second_factor')
    .set({ secret: v.secret, pending_secret: null, enabled_at: v.enabledAt, last_step: v.step })
    .where('user_id', '=', userId)
    .execute();
}

export async function setLastStep(trx: Queryable, userId: string, step: number): Promise<void> {
  await trx.updateTable('user_second_factor').set({ last_step: step }).where('user_id', '=', userId).execute();
}

/** Spends an unused recovery code; undefined when there is none with that hash. */
export const spendRecoveryCode = (trx: Queryable, userId: string, codeHash: string, now: Date) =>
  trx
    .updateTable('recovery_code')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .returning('id')
    .executeTakeFirst();

export async function countUnusedRecoveryCodes(trx: Queryable, userId: string): Promise<number> {
  const left = await trx
    .selectFrom('recovery_code')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(left.n);
}

/** Removes the factor and its recovery codes; true when the factor was enabled. */
export async function removeFactor(trx: Queryable, userId: string): Promise<boolean> {
  await trx.deleteFrom('recovery_code').where('user_id', '=', userId).execute();
  const del = await trx
    .deleteFrom('user_second_factor')
    .where('user_id', '=', userId)
    .returning('enabled_at')
    .executeTakeFirst();
  return Boolean(del?.enabled_at);
}
