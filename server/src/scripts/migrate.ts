import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { migrate } from '../db/connect.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/** `npm run db:migrate`: runs pending migrations on DATABASE_URL or the PGlite folder, without starting the server. */
const cfg = loadConfig();
const { db, kind, close } = await openForMaintenance(cfg);
await migrate(db);
await close();
console.log(`Migrations appliquées (${kind === 'pglite' ? `PGlite, ${cfg.dataDir}` : 'PostgreSQL'}).`);
