import { secondFactorRequired } from '@jalon/core';
import { audit, auditAnonymous } from '../audit/audit.js';
import type { Ctx } from '../context.js';
import { aadOf, openText, sealText } from '../crypto/index.js';
import type { Queryable } from '../db/schema.js';
import { AppError, conflict, forbidden, notFound } from '../errors.js';
import { verifyPassword } from './passwords.js';
import {
  countUnusedRecoveryCodes,
  enableFactor,
  findFactorEnabledAt,
  lockFactor,
  removeFactor,
  replaceRecoveryCodeHashes,
  setLastStep,
  spendRecoveryCode,
  upsertPendingSecret,
} from './second-factor-queries.js';
import { findPasswordHash, userExists } from './queries.js';
import { deleteUserSessions } from './sessions.js';
import {
  RECOVERY_CODE_COUNT,
  acceptTotp,
  hashRecoveryCode,
  newRecoveryCode,
  newTotpSecret,
  otpauthUri,
  qrCodeDataUrl,
} from './totp.js';

/** TOTP second factor: enrolment, confirmation, login check, disabling by the user, reset by an admin. */

const secretAad = (userId: string) => aadOf('user_second_factor', 'secret', userId);
const pendingAad = (userId: string) => aadOf('user_second_factor', 'pending_secret', userId);

export const invalidCode = () =>
  new AppError(
    422,
    'invalid_totp_code',
    'Code incorrect ou expiré : saisissez le code affiché maintenant par votre application',
    { code: 'Code incorrect ou expiré' },
  );

export async function isEnrolled(db: Queryable, userId: string): Promise<boolean> {
  const row = await findFactorEnabledAt(db, userId);
  return Boolean(row?.enabled_at);
}

/** Starts (or restarts) an enrolment: a new secret, kept sealed as pending until a code confirms it. */
export async function startEnrolment(ctx: Ctx, email: string) {
  return ctx.db.transaction().execute(async (trx) => {
    if (await isEnrolled(trx, ctx.actor.id)) {
      throw conflict(
        'totp_already_enabled',
        'La double authentification est déjà activée : désactivez-la d’abord pour changer d’appareil',
      );
    }
    const secret = newTotpSecret();
    await upsertPendingSecret(trx, ctx.actor.id, sealText(secret, pendingAad(ctx.actor.id)));
    await audit(trx, ctx, 'auth.totp_enrolment_started', { targetType: 'user', targetId: ctx.actor.id });
    const uri = otpauthUri(email, secret);
    return { secret, otpauthUri: uri, qrCode: await qrCodeDataUrl(uri) };
  });
}

async function replaceRecoveryCodes(trx: Queryable, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await replaceRecoveryCodeHashes(trx, userId, codes.map(hashRecoveryCode));
  return codes;
}

/** Confirms the enrolment with a first code; returns the 10 recovery codes, shown once. */
export async function confirmEnrolment(ctx: Ctx, code: string): Promise<{ recoveryCodes: string[] }> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockFactor(trx, ctx.actor.id);
    if (row?.enabled_at) throw conflict('totp_already_enabled', 'La double authentification est déjà activée');
    if (!row?.pending_secret)
      throw conflict(
        'totp_no_enrolment',
        'Aucune activation en cours : recommencez l’activation de la double authentification',
      );
    const secret = openText(row.pending_secret, pendingAad(ctx.actor.id));
    const step = acceptTotp(secret, code, ctx.now, 0);
    if (step === null) throw invalidCode();
    await enableFactor(trx, ctx.actor.id, {
      secret: sealText(secret, secretAad(ctx.actor.id)),
      enabledAt: ctx.now,
      step,
    });
    const recoveryCodes = await replaceRecoveryCodes(trx, ctx.actor.id);
    await audit(trx, ctx, 'auth.totp_enabled', { targetType: 'user', targetId: ctx.actor.id });
    return { recoveryCodes };
  });
}

/**
 * Login step 2: a TOTP code newer than the last one accepted, or an unused recovery code (then spent).
 * Returns what was used, or null. Runs in the caller's transaction, which locks the factor row.
 */
export async function checkSecondFactor(
  trx: Queryable,
  userId: string,
  code: string,
  now: Date,
  requestId: string,
): Promise<'totp' | 'recovery' | null> {
  const row = await lockFactor(trx, userId);
  if (!row?.secret) return null;
  const step = acceptTotp(openText(row.secret, secretAad(userId)), code.replace(/\s/g, ''), now, Number(row.last_step));
  if (step !== null) {
    await setLastStep(trx, userId, step);
    return 'totp';
  }
  const spent = await spendRecoveryCode(trx, userId, hashRecoveryCode(code), now);
  if (!spent) return null;
  const left = await countUnusedRecoveryCodes(trx, userId);
  await auditAnonymous(trx, now, 'auth.recovery_code_used', {
    actorId: userId,
    targetType: 'user',
    targetId: userId,
    diff: { left },
    requestId,
  });
  return 'recovery';
}

/** Disabling by the user, with the password; refused where the factor is mandatory. */
export async function disableOwn(ctx: Ctx, password: string): Promise<void> {
  if (secondFactorRequired(ctx.actor.role)) {
    throw forbidden('La double authentification est obligatoire pour votre profil : elle ne peut pas être désactivée');
  }
  if (!(await verifyPassword(await findPasswordHash(ctx.db, ctx.actor.id), password))) {
    throw new AppError(422, 'wrong_password', 'Le mot de passe actuel est incorrect', {
      password: 'Mot de passe incorrect',
    });
  }
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await removeFactor(trx, ctx.actor.id)))
      throw conflict('totp_not_enabled', 'La double authentification n’est pas activée');
    await audit(trx, ctx, 'auth.totp_disabled', { targetType: 'user', targetId: ctx.actor.id });
  });
}

/** Reset by an admin (lost phone): the factor and recovery codes are removed and the user's sessions end. */
export async function resetByAdmin(ctx: Ctx, userId: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await userExists(trx, userId))) throw notFound('Utilisateur');
    if (!(await removeFactor(trx, userId)))
      throw conflict('totp_not_enabled', 'La double authentification n’est pas activée pour ce compte');
    await deleteUserSessions(trx, userId);
    await audit(trx, ctx, 'user.totp_reset', { targetType: 'user', targetId: userId });
  });
}
