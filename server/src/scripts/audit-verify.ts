import { verifyAll } from '../audit/chain.js';
import { loadConfig } from '../config.js';
import { openForMaintenance } from './maintenance.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run audit:verify`: recomputes the hash chain of the security log (audit_event, access_log) on DATABASE_URL
 * or the PGlite folder, prints the first broken row of each chain and exits with 1 if any (ADR 004).
 */
const cfg = loadConfig();
const { db, close } = await openForMaintenance(cfg);
let broken = false;
try {
  for (const r of await verifyAll(db)) {
    const from = r.fromCheckpoint ? ` depuis le point de purge n° ${r.fromCheckpoint.seq}` : '';
    if (r.ok) {
      console.log(
        `${r.chain} : chaîne intègre, ${r.rows} lignes${from}; dernière n° ${r.lastSeq ?? '-'} empreinte ${r.lastHash ?? '-'}`,
      );
    } else {
      broken = true;
      console.log(
        `${r.chain} : CHAÎNE ROMPUE après ${r.rows} lignes valides${from}; première ligne en cause : id ${r.firstBroken?.id}, n° ${r.firstBroken?.seq} — ${r.firstBroken?.reason}`,
      );
    }
  }
} finally {
  await close();
}
process.exit(broken ? 1 : 0);
