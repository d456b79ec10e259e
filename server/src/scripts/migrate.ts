import { loadConfig } from '../config.js';
import { migrate, openDb } from '../db/connect.js';

/** `npm run db:migrate`: runs pending migrations on DATABASE_URL or the PGlite folder, without starting the server. */
const cfg = loadConfig();
const { db, kind, close } = await openDb({
  databaseUrl: cfg.databaseUrl,
  dataDir: cfg.databaseUrl ? undefined : cfg.dataDir,
});
await migrate(db);
await close();
console.log(`Migrations appliquées (${kind === 'pglite' ? `PGlite, ${cfg.dataDir}` : 'PostgreSQL'}).`);
