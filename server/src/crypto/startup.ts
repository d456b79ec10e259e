import { join, resolve } from 'node:path';
import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { open } from './envelope.js';
import type { SealedColumn } from './sealed-columns.js';
import { installKeyring } from './fields.js';
import { loadOrCreateKeyFile, readKeyFile, type Keyring } from './keyring.js';

/** `JALON_KEY_FILE`, or `jalon.key` in the data folder (the embedded default). */
export const keyFilePath = (cfg: { keyFile?: string; dataDir: string }): string =>
  resolve(cfg.keyFile ?? join(cfg.dataDir, 'jalon.key'));

/** Loads the key file (creating it, mode 0600, on first start), installs it for the process and says where it is. */
export function loadKeyring(
  cfg: { keyFile?: string; dataDir: string },
  log: (line: string) => void = console.log,
): Keyring {
  const path = keyFilePath(cfg);
  const { keyring, created } = loadOrCreateKeyFile(path);
  installKeyring(keyring, () => readKeyFile(path));
  if (created) {
    log(
      `Clé de chiffrement des notes créée : ${path} (mode 0600). Sauvegardez-la à part : sans elle, les notes sont illisibles.`,
    );
  } else {
    log(`Clé de chiffrement : ${path} (clé courante ${keyring.currentId}, ${keyring.keys.size} clé(s)).`);
  }
  return keyring;
}

/**
 * At start: one stored value per encrypted column must open with the loaded keys; otherwise the key file is not the
 * one of this database (restored without its key, wrong JALON_KEY_FILE) and the server refuses to start.
 */
export async function assertKeyOpensData(
  db: Db,
  keyring: Keyring,
  path: string,
  columns: readonly SealedColumn[],
): Promise<void> {
  for (const spec of columns) {
    const extra = spec.aadColumns.filter((c) => c !== spec.cursor).map((c) => sql.ref(c));
    const r = await sql<Record<string, unknown>>`
      select ${sql.ref(spec.cursor)} as cursor, ${sql.ref(spec.column)} as value ${extra.length ? sql`, ${sql.join(extra)}` : sql``}
      from ${sql.table(spec.table)} where ${sql.ref(spec.column)} like 'jk1.%' limit 1`.execute(db);
    const row = r.rows[0];
    if (!row) continue;
    try {
      open(keyring, String(row.value), spec.aad({ ...row, [spec.cursor]: row.cursor }));
    } catch {
      throw new Error(
        `La clé de chiffrement ${path} n’ouvre pas les données de cette base (${spec.table}.${spec.column}) : remettez le bon fichier de clés ou indiquez-le par JALON_KEY_FILE.`,
      );
    }
  }
}
