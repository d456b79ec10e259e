import { createHash, randomInt } from 'node:crypto';
import { authenticator } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 TOTP (otplib v12): SHA-1, 6 digits, 30-second steps, ±1 step of clock drift. */
const STEP_SECONDS = 30;
const ISSUER = 'Jalon';

const at = (now: Date) => authenticator.clone({ epoch: now.getTime(), window: 1 });
const stepOf = (now: Date) => Math.floor(now.getTime() / 1000 / STEP_SECONDS);

export const newTotpSecret = (): string => authenticator.generateSecret(20);

/** The current code of a secret (demo command and tests). */
export const totpCode = (secret: string, now: Date): string => at(now).generate(secret);

/**
 * The time step a code belongs to when it is valid and newer than `lastStep` (a code is accepted once: replay of an
 * observed code is refused), else null.
 */
export function acceptTotp(secret: string, code: string, now: Date, lastStep: number): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = at(now).checkDelta(code, secret);
  if (delta === null) return null;
  const step = stepOf(now) + delta;
  return step > lastStep ? step : null;
}

export const otpauthUri = (account: string, secret: string): string => authenticator.keyuri(account, ISSUER, secret);

export async function qrCodeDataUrl(uri: string): Promise<string> {
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** Recovery codes: 12 characters of an unambiguous alphabet (≈ 60 bits), shown as xxxx-xxxx-xxxx. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 12; i++) s += ALPHABET[randomInt(ALPHABET.length)];
  return `${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}

/** sha-256 of the normalised code: the codes are random and long, a slow hash adds nothing. */
export const hashRecoveryCode = (code: string): string =>
  createHash('sha256').update(code.toLowerCase().replace(/[\s-]/g, '')).digest('base64url');
