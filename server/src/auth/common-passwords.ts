import { readFileSync } from 'node:fs';
import { AppError } from '../errors.js';

/** The 10,000 most common passwords (committed list, see scripts/common-passwords.ts), compared case-insensitively. */
let common: Set<string> | null = null;
const commonPasswords = (): Set<string> =>
  (common ??= new Set(
    readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((p) => p.toLowerCase()),
  ));

export const isCommonPassword = (password: string): boolean => commonPasswords().has(password.toLowerCase());

/** ANSSI-style rule beyond the length (checked by the zod schema): refuses a password of the common list. */
export function assertNotCommonPassword(password: string, field: string): void {
  if (isCommonPassword(password)) {
    throw new AppError(
      422,
      'password_too_common',
      'Ce mot de passe fait partie des plus courants : choisissez-en un autre',
      {
        [field]: 'Mot de passe trop courant',
      },
    );
  }
}
