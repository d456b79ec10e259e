/**
 * An encrypted column, so that the start-up step seals plaintext left by older versions and `keys:rotate` re-encrypts
 * everything. `cursor` orders the batches (a unique column); `aad` rebuilds the AAD used when sealing.
 */
export interface SealedColumn {
  table: string;
  column: string;
  cursor: string;
  aadColumns: string[];
  aad: (row: Record<string, unknown>) => string;
}

/**
 * The platform's own encrypted columns. A module's columns are declared in its descriptor (`sealedColumns`,
 * platform/module.ts); `allSealedColumns()` (platform/sealed-columns.ts) joins both. The crypto functions receive the
 * list from their caller, so crypto never imports the modules (no import cycle).
 */
export const PLATFORM_SEALED_COLUMNS: readonly SealedColumn[] = [
  // TOTP secrets (auth/second-factor.ts): the confirmed one and the one being enrolled.
  {
    table: 'user_second_factor',
    column: 'secret',
    cursor: 'user_id',
    aadColumns: ['user_id'],
    aad: (r) => `user_second_factor.secret:${String(r.user_id)}`,
  },
  {
    table: 'user_second_factor',
    column: 'pending_secret',
    cursor: 'user_id',
    aadColumns: ['user_id'],
    aad: (r) => `user_second_factor.pending_secret:${String(r.user_id)}`,
  },
];
