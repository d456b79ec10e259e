import { auditAnonymous } from '../audit/audit.js';
import type { Db } from '../db/schema.js';
import { installKeyring } from './fields.js';
import { addKey, readKeyFile, writeKeyFile, type Keyring } from './keyring.js';
import { resealAll, type ResealResult } from './reseal.js';
import type { SealedColumn } from './sealed-columns.js';

export interface RotationResult {
  from: string;
  to: string;
  keyring: Keyring;
  columns: ResealResult[];
}

/**
 * Key rotation: a new key becomes current in the key file (old keys stay, for reading), then every encrypted value
 * of `columns` (`allSealedColumns()`) is re-encrypted with it in batches, and the act is audited. Run it with the server stopped. Interrupted, it is
 * simply run again: values already under the newest key are skipped.
 */
export async function rotateKeys(
  db: Db,
  keyFile: string,
  now: Date,
  columns: readonly SealedColumn[],
  batchSize = 500,
): Promise<RotationResult> {
  const before = readKeyFile(keyFile);
  const keyring = addKey(before);
  writeKeyFile(keyFile, keyring);
  installKeyring(keyring);
  const resealed = await resealAll(db, keyring, { rotate: true, batchSize, columns });
  await auditAnonymous(db, now, 'keys.rotate', {
    targetType: 'encryption_key',
    targetId: null,
    diff: {
      from: before.currentId,
      to: keyring.currentId,
      reencrypted: Object.fromEntries(resealed.map((c) => [`${c.table}.${c.column}`, c.sealed])),
    },
  });
  return { from: before.currentId, to: keyring.currentId, keyring, columns: resealed };
}
