import { isSealed, keyIdOf, open, seal } from './envelope.js';
import type { Keyring } from './keyring.js';

/**
 * The process's keyring, installed once at start (main.ts, scripts, test app). Use-cases seal and open sensitive
 * text through `sealText` / `openText` so no module handles keys. Sensitive sections and TOTP secrets use the same
 * two calls with their own AAD (see `aadOf`) and a line in the module's `sealedColumns` (its index.ts) or PLATFORM_SEALED_COLUMNS.
 */
let active: Keyring | null = null;
let reload: (() => Keyring) | null = null;

/** `reloadFrom` (the key file) lets a running server open values re-encrypted by `keys:rotate` with a newer key. */
export function installKeyring(k: Keyring, reloadFrom?: () => Keyring): void {
  active = k;
  reload = reloadFrom ?? null;
}

export function activeKeyring(): Keyring {
  if (!active) throw new Error('No encryption key loaded (installKeyring was not called)');
  return active;
}

/** The AAD of a value: where it lives. Moving a ciphertext to another row or column makes it undecryptable. */
export const aadOf = (table: string, column: string, ...rowKey: (string | number)[]): string =>
  `${table}.${column}:${rowKey.join(':')}`;

export function sealText(value: string, aad: string): string;
export function sealText(value: string | null, aad: string): string | null;
export function sealText(value: string | null, aad: string): string | null {
  return value === null ? null : seal(activeKeyring(), value, aad);
}

/** Decrypts a stored value; a plaintext value written before encryption (not yet migrated) is returned as is. */
export function openText(stored: string, aad: string): string;
export function openText(stored: string | null, aad: string): string | null;
export function openText(stored: string | null, aad: string): string | null {
  if (stored === null) return null;
  if (!isSealed(stored)) return stored;
  const keyId = keyIdOf(stored);
  if (keyId && reload && !activeKeyring().keys.has(keyId)) {
    const fresh = reload();
    if (fresh.keys.has(keyId)) active = fresh; // from now on new values are sealed with the rotated key too
  }
  return open(activeKeyring(), stored, aad);
}
