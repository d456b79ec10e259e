import { fileURLToPath } from 'node:url';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { assertKeyOpensData, keyFilePath, loadKeyring, resealAll } from './crypto/index.js';
import { lockDataDir } from './db/dir-lock.js';
import { migrate, openDb } from './db/connect.js';
import { DEMO_PASSWORD, seedDemo } from './demo/seed.js';
import { reportDemoSecondFactor } from './demo/second-factor.js';
import { startJobRunner } from './modules/jobs/index.js';
import { installRegistry } from './modules/registry.js';
import { installedModules } from './platform/installed.js';
import { allSealedColumns } from './platform/sealed-columns.js';

/** config → key → openDb → migrate → (demo data) → seal plaintext notes → buildApp → listen */
async function main(): Promise<void> {
  installRegistry(); // before the demo data and the sealing: docs/adr/007-module-contract.md
  const cfg = loadConfig();
  const keyring = loadKeyring(cfg);
  const unlock = cfg.databaseUrl ? () => {} : lockDataDir(cfg.dataDir);
  const { db, kind, close } = await openDb({
    databaseUrl: cfg.databaseUrl,
    dataDir: cfg.databaseUrl ? undefined : cfg.dataDir,
    poolMax: cfg.dbPoolMax,
  });
  await migrate(db);
  await assertKeyOpensData(db, keyring, keyFilePath(cfg), allSealedColumns());
  const empty = !(await db.selectFrom('app_user').select('id').limit(1).executeTakeFirst());
  if (empty && cfg.demo) {
    const accounts = await seedDemo(db, new Date());
    console.log(
      `Jeu de données de démonstration chargé (synthétique). Mot de passe de tous les comptes : ${DEMO_PASSWORD}`,
    );
    for (const a of accounts)
      console.log(`  ${a.role.padEnd(20)} ${a.email}${a.site ? `  (${a.site}${a.team ? `, ${a.team}` : ''})` : ''}`);
    reportDemoSecondFactor(cfg.dataDir, accounts);
  } else if (empty) {
    console.log('Base vide : ouvrez l’application pour créer le premier compte administrateur.');
  } else if (cfg.demo) {
    const demo = await db
      .selectFrom('app_user')
      .select(['email', 'role'])
      .where('email', 'like', '%@demo.jalon.local')
      .orderBy('email')
      .execute();
    if (demo.length) {
      console.log(`Comptes de démonstration (mot de passe ${DEMO_PASSWORD}) :`);
      for (const a of demo) console.log(`  ${a.role.padEnd(20)} ${a.email}`);
      reportDemoSecondFactor(cfg.dataDir);
    }
  }
  // Notes written before encryption (or by the demo seed) are sealed before the first request.
  const sealed = (await resealAll(db, keyring, { rotate: false, columns: allSealedColumns() })).reduce(
    (n, r) => n + r.sealed,
    0,
  );
  if (sealed) console.log(`${sealed} note(s) en clair chiffrée(s).`);
  const app = await buildApp({
    db,
    dbKind: kind,
    clock: () => new Date(),
    secureCookies: cfg.secureCookies,
    log: cfg.log,
    oidc: cfg.oidc,
    webDist: fileURLToPath(new URL('../../web/dist', import.meta.url)),
  });
  // The job queue runs every module's jobs (docs/architecture.md, "Job queue"): statistics refresh, nightly retention, …
  const jobs = installedModules().flatMap((m) => m.jobs ?? []);
  const stopJobs = startJobRunner(db, jobs, () => new Date());
  const shutdown = async () => {
    stopJobs();
    await app.close();
    await close();
    unlock();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: cfg.port, host: cfg.host });
  console.log(
    `Jalon écoute sur http://${cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host}:${cfg.port} (base : ${kind === 'pglite' ? `PGlite, ${cfg.dataDir}` : 'PostgreSQL'})`,
  );
}

main().catch((err: unknown) => {
  console.error('Démarrage impossible :', err instanceof Error ? err.message : err);
  process.exit(1);
});
