import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { restorePglite, restorePostgres } from '../backup/index.js';
import { keyFilePath } from '../crypto/index.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/** `npm run restore -- <file>`: into an empty PGlite folder (JALON_DATA_DIR) or an empty PostgreSQL database (DATABASE_URL). */
const cfg = loadConfig();
const file = process.argv[2];
try {
  if (!file || !existsSync(file)) throw new Error('indiquez le fichier de sauvegarde : npm run restore -- <fichier>');
  if (cfg.databaseUrl) await restorePostgres(resolve(file), cfg.databaseUrl, cfg.pgBin);
  else await restorePglite(resolve(file), resolve(cfg.dataDir));
  console.log(`Restauration terminée (${cfg.databaseUrl ? 'PostgreSQL' : `PGlite, ${cfg.dataDir}`}).`);
  if (!existsSync(keyFilePath(cfg)))
    console.log(
      `Placez la clé de chiffrement en ${keyFilePath(cfg)} (ou JALON_KEY_FILE) avant de démarrer le serveur.`,
    );
} catch (err) {
  console.error('Restauration impossible :', err instanceof Error ? err.message : err);
  process.exitCode = 1;
}
