import { z } from 'zod';
import { Password } from './auth.js';

/** A TOTP code (6 digits) or a recovery code (12 letters and digits, dashes and spaces ignored). */
export const OneTimeCode = z
  .string({ error: 'Code obligatoire' })
  .trim()
  .min(6, { error: 'Code : 6 chiffres, ou un code de secours' })
  .max(40, { error: 'Code trop long' });

export const ConfirmSecondFactorInput = z.object({ code: OneTimeCode }).strict();
export type ConfirmSecondFactorInput = z.infer<typeof ConfirmSecondFactorInput>;

export const DisableSecondFactorInput = z
  .object({
    password: Password,
  })
  .strict();
export type DisableSecondFactorInput = z.infer<typeof DisableSecondFactorInput>;

export interface SecondFactorEnrolmentDto {
  /** Base32 secret, to type in when the QR code cannot be scanned. */
  secret: string;
  otpauthUri: string;
  /** QR code of the otpauth URI, an SVG data URL. */
  qrCode: string;
}

export interface RecoveryCodesDto {
  /** Shown once: only their hashes are kept. */
  recoveryCodes: string[];
}

/** The body of an action without parameters: absent or `{}`. */
export const EmptyInput = z.object({}, { error: 'Corps de requête attendu : un objet vide' }).strict();
