import { loadConfig } from '../config.js';
import { migrate, openDb } from '../db/connect.js';
import { refreshStatistics } from '../modules/statistics/index.js';

/** `npm run stats:refresh [-- --full]`: refreshes the statistics aggregates now (the server's job does it every 10 min). */
const cfg = loadConfig();
const { db, close } = await openDb({
  databaseUrl: cfg.databaseUrl,
  dataDir: cfg.databaseUrl ? undefined : cfg.dataDir,
});
await migrate(db);
const r = await refreshStatistics(db, new Date(), { full: process.argv.includes('--full') });
console.log(
  `Statistiques rafraîchies${r.full ? ' (calcul complet)' : ''} : ${r.flowMonths.length} mois d’activité, population depuis ${r.populationFrom}, ${r.durationMs} ms.`,
);
await close();
