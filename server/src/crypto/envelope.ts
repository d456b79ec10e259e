import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Keyring } from './keyring.js';

/**
 * Versioned envelope of one encrypted value, stored as text: `jk1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 * AES-256-GCM, 96-bit random IV, 128-bit tag. The AAD binds the value to its place (table, column, row), so a
 * ciphertext copied into another row does not decrypt.
 */
export const ENVELOPE_PREFIX = 'jk1.';
const IV_BYTES = 12;

export class DecryptError extends Error {}

export const isSealed = (value: string): boolean => value.startsWith(ENVELOPE_PREFIX);

/** Key id of a sealed value, or null for a plaintext value. */
export function keyIdOf(value: string): string | null {
  if (!isSealed(value)) return null;
  return value.slice(ENVELOPE_PREFIX.length).split('.')[0] ?? null;
}

/**
 * Fresh IVs cut from a pool of random bytes drawn 4 KB at a time (as `randomUUID` does): one call to the system's
 * random source per 341 values instead of one per value (most of an import row's sealing time, docs/benchmarks.md).
 * A pool is never reused: each IV is bytes no other value got.
 */
const IV_POOL = 4096;
let ivPool = Buffer.alloc(0);
let ivAt = 0;
function freshIv(): Buffer {
  if (ivAt + IV_BYTES > ivPool.length) {
    ivPool = randomBytes(IV_POOL);
    ivAt = 0;
  }
  ivAt += IV_BYTES;
  return ivPool.subarray(ivAt - IV_BYTES, ivAt);
}

export function seal(keyring: Keyring, plaintext: string, aad: string): string {
  const key = keyring.keys.get(keyring.currentId);
  if (!key) throw new Error(`Current key ${keyring.currentId} missing from the keyring`);
  const iv = freshIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return `${ENVELOPE_PREFIX}${keyring.currentId}.${iv.toString('base64url')}.${tag.toString('base64url')}.${ct.toString('base64url')}`;
}

export function open(keyring: Keyring, envelope: string, aad: string): string {
  const parts = envelope.slice(ENVELOPE_PREFIX.length).split('.');
  if (!isSealed(envelope) || parts.length !== 4) throw new DecryptError('Not an encrypted value');
  const [keyId, iv, tag, ct] = parts as [string, string, string, string];
  const key = keyring.keys.get(keyId);
  if (!key) throw new DecryptError(`Unknown encryption key ${keyId}: the key file does not hold it`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new DecryptError('Encrypted value altered, misplaced or sealed with another key');
  }
}
