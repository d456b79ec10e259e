import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { migrate } from '../db/connect.js';
import { refreshStatistics } from '../modules/statistics/index.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run stats:refresh [-- --full | --rebuild]`: refreshes the statistics aggregates now (the server's job does it
 * every 10 min). `--full` also computes the months of the window never computed, keeping the closed ones; `--rebuild`
 * recomputes every month from today's rows and so rewrites published months (docs/security.md, Statistics).
 */
const cfg = loadConfig();
const { db, close } = await openForMaintenance(cfg);
await migrate(db);
const r = await refreshStatistics(db, new Date(), {
  full: process.argv.includes('--full'),
  rebuild: process.argv.includes('--rebuild'),
});
console.log(
  `Statistiques rafraîchies${r.full ? ' (calcul complet)' : ''} : ${r.flowMonths.length} mois d’activité, population depuis ${r.populationFrom}, ${r.durationMs} ms.`,
);
await close();
