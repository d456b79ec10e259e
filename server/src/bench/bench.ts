import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { sql } from 'kysely';
import { generateKeyring, installKeyring, keyFilePath, loadOrCreateKeyFile } from '../crypto/index.js';
import { migrate, openDb, type DatabaseKind } from '../db/connect.js';
import type { Db } from '../db/schema.js';
import { measureBundle, type BundleResult } from './bundle.js';
import { measureLoad, type LoadOptions, type LoadResult } from './load.js';
import { measureStatistics, type StatisticsBench } from './statistics.js';
import { measureImport, type ImportsBench } from './imports.js';
import { measureCafFlux, type CafFluxBench } from './caf-flux.js';
import { busiestSiteManager } from './pipeline.js';
import { measureLetters, type LettersBench } from './letters.js';
import { measureCommission, type CommissionBench } from './commission.js';
import { measureRsa, type RsaBench } from './rsa.js';
import { measureUseCases, pickActors, type UseCaseOptions, type UseCaseResults } from './measure.js';
import { isEmpty, openLoadTarget, seedScale, type SeedScaleSummary } from './scale-data.js';
import { loadBenchSettings } from '../config.js';

export interface BenchOptions extends UseCaseOptions {
  databaseUrl?: string;
  /** PGlite folder; in memory when absent. */
  dataDir?: string;
  /** Seeds this many usagers when the database is empty. */
  usagers: number;
  /** Mixed load: seconds, autocannon connections, logged-in users. */
  duration: number;
  connections: number;
  loadUsers: number;
  mix?: LoadOptions['mix'];
  /** Social workers whose searches, reads and writes are measured. */
  actors: number;
  /** Repository root (web/dist for the bundle). */
  root: string;
  label?: string;
  /** Runs pending migrations first (default true); false measures the schema as it is. */
  migrate?: boolean;
  /** Recomputes every statistics aggregate (19 min at 1 M) instead of the job's incremental refresh. */
  fullRefresh?: boolean;
  /** Sizes of the fixed-size cases (defaults: 40 statistics pages, 50 letters, 200 commission decisions); the test
   *  of the bench (bench.test.ts) runs them smaller. */
  statisticsPages?: number;
  letters?: number;
  commissionApplications?: number;
  /** Persons of the legacy import case (1.4 rows each: 71,430 ≈ 100,000 rows); 0 or absent: not measured. */
  importPersons?: number;
  /** Persons of the CAF flux case (on the site with the most files); 0 or absent: not measured. */
  fluxPersons?: number;
  log?: (line: string) => void;
}

export interface DatasetInfo {
  sites: number;
  users: number;
  usagers: number;
  persons: number;
  members: number;
  journal: number;
  searchRows: number;
  seeded: SeedScaleSummary | null;
}

export interface MachineInfo {
  cpu: string;
  cores: number;
  ramGb: number;
  loadAvg: number[];
  node: string;
  database: string;
  settings: Record<string, string>;
}

export interface BenchReport {
  key: string;
  date: string;
  kind: DatabaseKind;
  machine: MachineInfo;
  dataset: DatasetInfo;
  useCases: UseCaseResults;
  load: LoadResult;
  bundle: BundleResult;
  statistics: StatisticsBench;
  /** Absent from reports written before the letters existed. */
  letters?: LettersBench;
  /** Absent from reports written before the commissions existed. */
  commission?: CommissionBench;
  /** Absent from reports written before the RSA module existed. */
  rsa?: RsaBench;
  /** Absent from reports written before the imports existed, or when not measured. */
  imports?: ImportsBench;
  /** Absent when not measured. */
  cafFlux?: CafFluxBench;
  seconds: number;
}

async function machineInfo(db: Db, kind: DatabaseKind): Promise<MachineInfo> {
  const version = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]?.v ?? '?';
  const settings: Record<string, string> = {};
  for (const name of [
    'shared_buffers',
    'work_mem',
    'effective_cache_size',
    'max_connections',
    'fsync',
    'synchronous_commit',
    'jit',
    'pg_trgm.similarity_threshold',
  ]) {
    try {
      const r = await sql<Record<string, string>>`select current_setting(${name}) as v`.execute(db);
      settings[name] = String(r.rows[0]?.v ?? '');
    } catch {
      /* a setting this server does not have */
    }
  }
  let database = version.split(',')[0] ?? version;
  if (kind === 'pglite') {
    let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
    while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string };
    database = `PGlite ${pkg.version} (${database})`;
  }
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? '?',
    cores: cpus.length,
    ramGb: os.totalmem() / 2 ** 30,
    loadAvg: os.loadavg(),
    node: process.version,
    database,
    settings,
  };
}

async function datasetInfo(db: Db, seeded: SeedScaleSummary | null): Promise<DatasetInfo> {
  const n = async (table: string) =>
    (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db)).rows[0]?.n ?? 0;
  return {
    sites: await n('site'),
    users: await n('app_user'),
    usagers: await n('case_file'),
    persons: await n('person'),
    members: await n('household_member'),
    journal: await n('journal_entry'),
    searchRows: await n('usager_search'),
    seeded,
  };
}

/** Seeds when empty, then measures everything of docs/benchmarks.md on one dataset. */
export async function runBench(opts: BenchOptions): Promise<BenchReport> {
  const started = performance.now();
  const log = opts.log ?? (() => {});
  let seeded: SeedScaleSummary | null = null;
  let opened: { db: Db; kind: DatabaseKind; close: () => Promise<void> };
  if (opts.databaseUrl) {
    const target = await openLoadTarget({ databaseUrl: opts.databaseUrl });
    try {
      if (opts.migrate !== false || (await isEmpty(target.db).catch(() => true))) await migrate(target.db);
      if (await isEmpty(target.db)) {
        log(`Base vide : chargement de ${opts.usagers} usagers`);
        seeded = await seedScale(target, { usagers: opts.usagers, log });
      }
    } finally {
      await target.close();
    }
    opened = await openDb({ databaseUrl: opts.databaseUrl });
  } else {
    opened = await openDb({ dataDir: opts.dataDir });
    if (opts.migrate !== false || (await isEmpty(opened.db).catch(() => true))) await migrate(opened.db);
    if (await isEmpty(opened.db)) {
      log(`Base vide : chargement de ${opts.usagers} usagers`);
      seeded = await seedScale({ ...opened }, { usagers: opts.usagers, log });
    }
  }
  const { db, kind } = opened;
  // The entries the bench writes are encrypted like the server's: the folder's key, or a key for this run only.
  const keyFile = loadBenchSettings().keyFile ?? (opts.dataDir ? keyFilePath({ dataDir: opts.dataDir }) : undefined);
  installKeyring(keyFile ? loadOrCreateKeyFile(keyFile).keyring : generateKeyring());
  try {
    const machine = await machineInfo(db, kind);
    const dataset = await datasetInfo(db, seeded);
    log(
      `Jeu de données : ${dataset.usagers} usagers, ${dataset.persons} personnes, ${dataset.journal} entrées de journal`,
    );
    const actors = await pickActors(db, Math.max(opts.actors, opts.loadUsers));
    if (!actors.length) throw new Error('Aucun travailleur social référent dans cette base');
    log('Mesures des cas d’usage (recherche, base ILIKE, ouverture, écriture)…');
    const useCases = await measureUseCases(db, actors.slice(0, opts.actors), opts);
    log(
      `  recherche p95 ${useCases.search.p95.toFixed(1)} ms, ILIKE p95 ${useCases.baseline.p95.toFixed(1)} ms, ouverture p95 ${useCases.open.p95.toFixed(1)} ms, écriture p95 ${useCases.write.p95.toFixed(1)} ms`,
    );
    log(`Charge HTTP mixte : ${opts.duration} s, ${opts.connections} connexions, ${opts.loadUsers} utilisateurs…`);
    const load = await measureLoad(db, kind, actors.slice(0, opts.loadUsers), {
      duration: opts.duration,
      connections: opts.connections,
      mix: opts.mix,
      databaseUrl: opts.databaseUrl,
    });
    log(
      `  ${load.requestsPerSecond.toFixed(0)} req/s (${load.cpuMsPerRequest.toFixed(2)} ms CPU/req), p99 ${load.latency.p99} ms, erreurs ${load.errors}, non-2xx ${load.non2xx}, RSS max ${load.rss.maxMb.toFixed(0)} Mo`,
    );
    log('Page des statistiques…');
    const pages = opts.statisticsPages ?? 40;
    const statistics = await measureStatistics(db, { pages, fullRefresh: opts.fullRefresh, log });
    log(`  page p95 ${statistics.page.p95.toFixed(0)} ms`);
    const letterCount = opts.letters ?? 50;
    log(`Convocations du jour (${letterCount} courriers, un PDF)…`);
    const letters = await measureLetters(db, letterCount);
    log(`  ${letters.letters} courriers en ${letters.ms.toFixed(0)} ms`);
    const decisions = opts.commissionApplications ?? 200;
    log(`Commission : ${decisions} demandes décidées en bloc, ${decisions} courriers…`);
    const commission = await measureCommission(db, decisions);
    log(`  ${commission.applications} décisions et ${commission.letters} courriers en ${commission.ms.toFixed(0)} ms`);
    log('Ouverture de l’onglet RSA…');
    const rsa = await measureRsa(db, actors, opts.opens);
    log(`  ouverture RSA p95 ${rsa.open.p95.toFixed(1)} ms (${rsa.files} dossiers)`);
    let imports: ImportsBench | undefined;
    if (opts.importPersons) {
      log(`Import d’un export ancien outil (${opts.importPersons} personnes)…`);
      imports = await measureImport(db, opts.importPersons);
      log(
        `  ${imports.committed} lignes en ${((imports.stageMs + imports.analyseMs + imports.commitMs) / 1000).toFixed(1)} s, RSS max ${imports.peakRssMb.toFixed(0)} Mo`,
      );
    }
    let cafFlux: CafFluxBench | undefined;
    if (opts.fluxPersons) {
      log(`Import d’un flux CAF (${opts.fluxPersons} personnes)…`);
      cafFlux = await measureCafFlux(db, (await busiestSiteManager(db)).actor, opts.fluxPersons);
      log(
        `  ${cafFlux.committed} personnes en ${((cafFlux.stageMs + cafFlux.analyseMs + cafFlux.commitMs) / 1000).toFixed(1)} s, RSS max ${cafFlux.peakRssMb.toFixed(0)} Mo`,
      );
    }
    const bundle = measureBundle(opts.root);
    const key = `${kind}-${dataset.usagers}${opts.label ? `-${opts.label}` : ''}`;
    return {
      key,
      date: new Date().toISOString(),
      kind,
      machine,
      dataset,
      useCases,
      load,
      bundle,
      statistics,
      letters,
      commission,
      rsa,
      imports,
      cafFlux,
      seconds: (performance.now() - started) / 1000,
    };
  } finally {
    await opened.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------
// docs/benchmarks.md: one section per dataset (key), replaced at each run; the text around the sections is kept.

const ms = (x: number) => (Number.isFinite(x) ? (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0)) : '—');
const pct = (x: number) => Math.round(100 * x);
const int = (x: number) => Math.round(x).toLocaleString('en-US');
const check = (ok: boolean, applies: boolean) => (!applies ? 'reference only' : ok ? 'met' : 'missed');

export function renderSection(r: BenchReport): string {
  const u = r.useCases;
  const l = r.load;
  const d = r.dataset;
  const m = r.machine;
  const applies = r.kind === 'postgres' && d.usagers >= 1_000_000;
  const ratio50 = u.baseline.p50 / u.search.p50;
  const ratio95 = u.baseline.p95 / u.search.p95;
  const kinds = (['read', 'search', 'write'] as const)
    .map(
      (k) =>
        `${k} ${int(l.byKind[k].sent)} sent / ${int(l.byKind[k].non2xx)} non-2xx (${Object.entries(l.byKind[k].statuses)
          .map(([s, n]) => `${s}: ${int(n)}`)
          .join(', ')})`,
    )
    .join('; ');
  const lines = [
    `<!-- bench:begin ${r.key} -->`,
    `### ${r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${int(d.usagers)} usagers${r.key.split('-').length > 2 ? ` (${r.key.split('-').slice(2).join('-')})` : ''}`,
    '',
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC, ${r.seconds.toFixed(0)} s in all (\`npm run bench\`).`,
    '',
    `- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.ramGb.toFixed(0)} GB RAM, load average at start ${m.loadAvg.map((x) => x.toFixed(2)).join(' / ')}; Node ${m.node}.`,
    `- **Database**: ${m.database}; ${Object.entries(m.settings)
      .map(([k, v]) => `${k}=${v}`)
      .join(', ')}.`,
    `- **Dataset**: ${int(d.sites)} sites, ${int(d.users)} users, ${int(d.usagers)} usagers (case files), ${int(d.persons)} persons, ${int(d.members)} household members, ${int(d.journal)} journal entries, ${int(d.searchRows)} search rows${d.seeded ? `; seeded in this run in ${d.seeded.seconds.toFixed(0)} s` : ''}.`,
    '',
    '| Measure | Result | Target (PostgreSQL, 1 M usagers, 2 cores) | |',
    '|---|---|---|---|',
    `| Name search with a typo, scoped to the caller's site (\`searchUsagers\`), ${int(u.search.n)} queries: p50 / p95 / p99 | ${ms(u.search.p50)} / ${ms(u.search.p95)} / ${ms(u.search.p99)} ms (mean ${ms(u.search.mean)}, max ${ms(u.search.max)}); the typed file on the first page for ${(100 * u.search.recall).toFixed(0)} % | p95 ≤ 20 ms | ${check(u.search.p95 <= 20, applies)} |`,
    `| Same queries as unindexed \`ILIKE '%…%'\` on person, ${int(u.baseline.n)} queries: p50 / p95 / p99 | ${ms(u.baseline.p50)} / ${ms(u.baseline.p95)} / ${ms(u.baseline.p99)} ms; typed file found for ${(100 * u.baseline.recall).toFixed(0)} % | reported, with the ratio | ratio ${ratio50.toFixed(1)}× at p50, ${ratio95.toFixed(1)}× at p95 |`,
    `| Open a file incl. access-log row (\`getUsager\`), ${int(u.open.n)} opens: p95 | ${ms(u.open.p95)} ms (p50 ${ms(u.open.p50)}, p99 ${ms(u.open.p99)}) | ≤ 15 ms | ${check(u.open.p95 <= 15, applies)} |`,
    `| Add a journal entry incl. audit row (\`createEntry\`), ${int(u.write.n)} entries: p95 | ${ms(u.write.p95)} ms (p50 ${ms(u.write.p50)}, p99 ${ms(u.write.p99)}) | ≤ 20 ms | ${check(u.write.p95 <= 20, applies)} |`,
    `| Statistics page of a responsable, one site, last 12 months, cold cache (scope, table, map, waiting time, teams, one after the other), ${int(r.statistics.page.n)} pages: p95 | ${ms(r.statistics.page.p95)} ms (p50 ${ms(r.statistics.page.p50)}, max ${ms(r.statistics.page.max)}); ${r.statistics.refreshFull === false ? 'incremental' : 'full'} refresh of the aggregates before the pages ${(r.statistics.refreshMs / 1000).toFixed(1)} s | ≤ 1 s | ${check(r.statistics.page.p95 <= 1000, applies)} |`,
    ...(r.letters
      ? [
          `| Convocations of a day as one PDF (template, facts, French text, pdfkit), ${r.letters.letters} letters in one batch | ${ms(r.letters.ms)} ms, ${(r.letters.bytes / 1024).toFixed(0)} KB | 50 letters ≤ 3 s | ${check(r.letters.ms <= 3000, applies)} |`,
        ]
      : []),
    ...(r.commission
      ? [
          `| A commission decided in bulk (\`recordDecisions\`: each decision through the aids workflow, its notification PDF stored encrypted as a document, one transaction), ${r.commission.applications} applications | ${ms(r.commission.ms)} ms, ${r.commission.letters} letters | 200 applications ≤ 10 s | ${check(r.commission.ms <= 10_000, applies)} |`,
        ]
      : []),
    ...(r.rsa
      ? [
          `| Open the RSA tab of a file incl. access-log row (\`readRsa\`: blocks, history, orientation, référents, contracts), ${int(r.rsa.open.n)} opens over ${int(r.rsa.files)} files: p95 | ${ms(r.rsa.open.p95)} ms (p50 ${ms(r.rsa.open.p50)}, p99 ${ms(r.rsa.open.p99)}) | ≤ 15 ms | ${check(r.rsa.open.p95 <= 15, applies)} |`,
        ]
      : []),
    ...(r.imports
      ? [
          `| Legacy import (COORDIN-like CSV with history and members): ${int(r.imports.rows)} rows staged, analysed (dedupe), committed by batches | stage ${ms(r.imports.stageMs)} ms, analysis ${(r.imports.analyseMs / 1000).toFixed(1)} s, commit ${(r.imports.commitMs / 1000).toFixed(1)} s; peak RSS ${r.imports.peakRssMb.toFixed(0)} MB${r.kind === 'pglite' ? ' (includes PGlite)' : ''} | 100,000 rows ≤ 60 s, ≤ 300 MB | ${check(r.imports.stageMs + r.imports.analyseMs + r.imports.commitMs <= 60_000 && r.imports.peakRssMb <= 300, applies && r.imports.rows >= 100_000)} |`,
        ]
      : []),
    ...(r.cafFlux
      ? [
          `| CAF flux of ${int(r.cafFlux.persons)} invented demandeurs on the busiest site: staged, matched (n° allocataire, duplicate matcher), committed (files, RSA blocks and history) | stage ${ms(r.cafFlux.stageMs)} ms, analysis ${(r.cafFlux.analyseMs / 1000).toFixed(1)} s, commit ${(r.cafFlux.commitMs / 1000).toFixed(1)} s; peak RSS ${r.cafFlux.peakRssMb.toFixed(0)} MB${r.kind === 'pglite' ? ' (includes PGlite)' : ''} | 100,000 persons ≤ 30 s, peak memory reported | ${check(r.cafFlux.stageMs + r.cafFlux.analyseMs + r.cafFlux.commitMs <= 30_000, applies && r.cafFlux.persons >= 100_000)} |`,
        ]
      : []),
    `| Mixed HTTP load (autocannon, ${l.durationSeconds} s, ${l.connections} connections, ${l.users} logged-in users; ${pct(l.mix.read)} % reads, ${pct(l.mix.search)} % search, ${pct(l.mix.write)} % writes) | ${int(l.requestsPerSecond)} req/s (${int(l.total)} requests); latency p50 ${l.latency.p50} ms, p99 ${l.latency.p99} ms, max ${l.latency.max} ms; ${int(l.errors)} errors, ${int(l.timeouts)} timeouts, ${int(l.non2xx)} non-2xx; ${ms(l.cpuMsPerRequest)} ms of machine CPU per request (all processes) | ≥ 3,000 req/s, p99 ≤ 100 ms, 0 errors | ${check(l.requestsPerSecond >= 3000 && l.latency.p99 <= 100 && l.errors === 0 && l.non2xx === 0, applies && l.mix.search === 0.2)} |`,
    `| Server RSS under that load (sampled every 250 ms) | max ${l.rss.maxMb.toFixed(0)} MB, mean ${l.rss.meanMb.toFixed(0)} MB (before the load ${l.rss.beforeMb.toFixed(0)} MB)${l.rss.separateProcess ? ', the server alone in its process' : r.kind === 'pglite' ? ' — includes the in-process PGlite database and the bench' : ''} | ≤ 300 MB | ${check(l.rss.maxMb <= 300, applies)} |`,
    `| Web bundle, gzip (every .js and .css of web/dist/assets) | ${r.bundle.totalGzipKb.toFixed(0)} KB in ${r.bundle.files} files; first page ${r.bundle.initialGzipKb.toFixed(0)} KB | ≤ 300 KB | ${r.bundle.totalGzipKb <= 300 ? 'met' : 'missed'} |`,
    '',
    `Mixed load by kind: ${kinds}.`,
    '',
    `Sample queries: ${u.search.queries.map((q) => `\`${q}\``).join(', ')}.`,
    `<!-- bench:end ${r.key} -->`,
  ];
  return lines.join('\n');
}

const HEADER = `# Benchmarks

Written by \`npm run bench\` (server/src/bench): one section per database and dataset size, replaced at each run.
`;

/** Replaces the section of this run's key in the file (or appends it); the rest of the file is kept. */
export const writeReport = (file: string, r: BenchReport): void => writeSection(file, r.key, renderSection(r));

/** Replaces the section `key` (between its bench:begin and bench:end markers) or appends it. */
export function writeSection(file: string, key: string, section: string): void {
  const current = existsSync(file) ? readFileSync(file, 'utf8') : HEADER;
  const begin = `<!-- bench:begin ${key} -->`;
  const end = `<!-- bench:end ${key} -->`;
  const i = current.indexOf(begin);
  const j = current.indexOf(end);
  const next =
    i >= 0 && j > i
      ? `${current.slice(0, i)}${section}${current.slice(j + end.length)}`
      : `${current.trimEnd()}\n\n${section}\n`;
  writeFileSync(file, next);
}
