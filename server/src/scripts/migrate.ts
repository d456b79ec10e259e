import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { migrate } from '../db/connect.js';

/** `npm run db:migrate`: runs pending migrations on DATABASE_URL or the PGlite folder, without starting the server. */
const cfg = loadConfig();
const { db, kind, close } = await openForMaintenance(cfg);
await migrate(db);
await close();
console.log(`Migrations appliquées (${kind === 'pglite' ? `PGlite, ${cfg.dataDir}` : 'PostgreSQL'}).`);
