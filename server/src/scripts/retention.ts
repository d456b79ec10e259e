import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { migrate } from '../db/connect.js';
import { runRetention } from '../modules/retention/index.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run retention [-- --dry-run]`: runs the retention engine now (the server does it daily). With --dry-run, prints
 * what would happen and changes nothing but the report row. On PGlite, the server must be stopped (data folder lock).
 */
const dryRun = process.argv.includes('--dry-run');
const cfg = loadConfig();
const { db, close } = await openForMaintenance(cfg);
try {
  await migrate(db);
  const r = await runRetention(db, new Date(), { dryRun, trigger: 'cli' });
  const verb = dryRun ? 'serai(en)t' : 'a (ont) été';
  console.log(`Conservation${dryRun ? ' (simulation, rien n’est modifié)' : ''} :`);
  for (const a of r.actions)
    console.log(
      `  dossier ${a.caseFileId} : ${a.action === 'archive' ? 'archive intermédiaire' : a.action === 'anonymise' ? 'anonymisation' : 'échec'}`,
    );
  console.log(
    `  ${r.archived} dossier(s) ${verb} archivé(s), ${r.anonymised} ${verb} anonymisé(s), ${r.failed} échec(s) ; ${r.noticed} dossier(s) à échéance dans les 30 jours.`,
  );
  console.log(
    `  Journal de sécurité de plus d’un an : ${Object.entries(r.logPurged)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')} ligne(s) ${dryRun ? 'à purger' : 'purgée(s)'}.`,
  );
  console.log(`  Rapport enregistré : ${r.runId}`);
} finally {
  await close();
}
