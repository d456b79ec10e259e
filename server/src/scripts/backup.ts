import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { backupPglite, backupPostgres } from '../backup/index.js';
import { keyFilePath } from '../crypto/index.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run backup [-- <file>]`: PGlite folder (server stopped: the folder lock refuses otherwise) → .tar.gz;
 * PostgreSQL (DATABASE_URL) → pg_dump custom format. The encryption key is never in the backup: keep it apart.
 */
const cfg = loadConfig();
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const out = resolve(process.argv[2] ?? `backups/jalon-${stamp}.${cfg.databaseUrl ? 'dump' : 'tar.gz'}`);
try {
  if (cfg.databaseUrl) await backupPostgres(cfg.databaseUrl, out, cfg.pgBin);
  else await backupPglite(cfg.dataDir, out);
  console.log(`Sauvegarde écrite : ${out}`);
  console.log(
    `La clé de chiffrement (${keyFilePath(cfg)}) n’est pas dans la sauvegarde : conservez-en une copie à part.`,
  );
} catch (err) {
  console.error('Sauvegarde impossible :', err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
