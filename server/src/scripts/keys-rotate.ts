import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { keyFilePath, rotateKeys } from '../crypto/index.js';
import { migrate } from '../db/connect.js';
import { allSealedColumns } from '../platform/sealed-columns.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/** `npm run keys:rotate`: new current key, old keys kept for reading, every encrypted value re-encrypted. Server stopped. */
const cfg = loadConfig();
const keyFile = keyFilePath(cfg);
const { db, kind, close } = await openForMaintenance(cfg);
try {
  await migrate(db);
  const r = await rotateKeys(db, keyFile, new Date(), allSealedColumns());
  console.log(
    `Rotation des clés (${kind === 'pglite' ? `PGlite, ${cfg.dataDir}` : 'PostgreSQL'}) : clé courante ${r.from} → ${r.to} (${keyFile}).`,
  );
  for (const c of r.columns) console.log(`  ${c.table}.${c.column} : ${c.sealed} valeur(s) rechiffrée(s)`);
} catch (err) {
  console.error('Rotation impossible :', err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await close();
}
