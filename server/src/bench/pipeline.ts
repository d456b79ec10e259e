import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Actor } from '@jalon/core';
import { sql } from 'kysely';
import { loadBenchSettings } from '../config.js';
import { generateKeyring, installKeyring, loadOrCreateKeyFile } from '../crypto/index.js';
import { migrate, openDb, type DatabaseKind } from '../db/connect.js';
import type { Db } from '../db/schema.js';
import { measureCafFlux, nextTurnover, type CafFluxBench } from './caf-flux.js';
import { measureImport, type ImportsBench } from './imports.js';

/**
 * The import pipeline's cases alone (`npm run bench -- --only imports` / `--only caf-flux` / `--only pipeline`;
 * docs/benchmarks.md, "Import pipeline"): a legacy export and a CAF flux staged, analysed and committed on the
 * database of DATABASE_URL (else an in-memory PGlite), each with its own section. Target (PostgreSQL, 1 M usagers,
 * 2 cores): 100,000 legacy rows ≤ 60 s with peak memory ≤ 300 MB; a 100,000-person flux ≤ 30 s, peak memory reported.
 */
interface Cpu {
  nodeCpuS: number;
  pgCpuS: number | null;
}

export interface PipelineReport {
  kind: DatabaseKind;
  date: string;
  usagers: number;
  machine: string;
  imports?: ImportsBench & Cpu & { loadBefore: number[]; loadAfter: number[] };
  cafFlux?: CafFluxBench & Cpu & { loadBefore: number[]; loadAfter: number[]; siteFiles: number };
  /** The same site's flux of the following month (the same persons, 2 % turnover, 10 % with a changed droit). */
  cafFluxNext?: CafFluxBench & Cpu & { loadBefore: number[]; loadAfter: number[] };
}

/**
 * CPU seconds spent by this process and by the PostgreSQL backends of its database while `run` runs (read from
 * /proc when the server is local; null otherwise): on a shared, loaded machine the wall-clock time is inflated by
 * the other processes, the CPU time is not.
 */
async function withCpu<T>(db: Db, run: () => Promise<T>): Promise<T & { nodeCpuS: number; pgCpuS: number | null }> {
  const ticks = new Map<number, number>();
  let readable = true;
  const sample = async () => {
    const pids = (
      await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database()`.execute(db)
    ).rows;
    for (const { pid } of pids) {
      try {
        const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        ticks.set(pid, Math.max(ticks.get(pid) ?? 0, Number(f[11]) + Number(f[12])));
      } catch {
        readable = false;
      }
    }
  };
  await sample();
  const base = new Map(ticks);
  const cpu0 = process.cpuUsage();
  let sampling = Promise.resolve();
  const timer = setInterval(() => (sampling = sampling.then(sample, () => {})), 500);
  try {
    const r = await run();
    clearInterval(timer);
    await sampling;
    await sample();
    const c = process.cpuUsage(cpu0);
    let pg = 0;
    for (const [pid, t] of ticks) pg += t - (base.get(pid) ?? 0);
    return { ...r, nodeCpuS: (c.user + c.system) / 1e6, pgCpuS: readable ? pg / 100 : null };
  } finally {
    clearInterval(timer);
  }
}

const usagersOf = async (db: Db) =>
  (await sql<{ n: number }>`select count(*)::int as n from case_file`.execute(db)).rows[0]?.n ?? 0;

/**
 * The site with the most files that received no import yet (not a site an earlier bench run filled), and a manager of
 * it made for the run: the flux is matched against its files.
 */
export async function busiestSiteManager(db: Db): Promise<{ actor: Actor; files: number }> {
  const site = (
    await sql<{ site_id: string; n: number }>`
      select site_id, count(*)::int as n from case_file
      where site_id not in (select site_id from data_import)
      group by site_id order by n desc limit 1`.execute(db)
  ).rows[0];
  const siteId =
    site?.site_id ??
    (
      await db
        .insertInto('site')
        .values({ code: `F${Date.now().toString(36)}`.slice(0, 12), name: 'Site flux', kind: 'EPS' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  if (!site) await db.insertInto('team').values({ site_id: siteId, name: 'Équipe flux' }).execute();
  const user = await db
    .insertInto('app_user')
    .values({
      email: `flux-${Date.now().toString(36)}@bench.jalon.local`,
      display_name: 'Responsable flux',
      role: 'responsable',
      site_id: siteId,
      password_hash: '!',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { actor: { id: user.id, role: 'responsable', siteId, teamIds: [] } as unknown as Actor, files: site?.n ?? 0 };
}

export async function runPipelineBench(opts: {
  databaseUrl?: string;
  which: 'imports' | 'caf-flux' | 'pipeline';
  importPersons: number;
  fluxPersons: number;
  log?: (line: string) => void;
}): Promise<PipelineReport> {
  const log = opts.log ?? (() => {});
  const keyFile = loadBenchSettings().keyFile;
  installKeyring(keyFile ? loadOrCreateKeyFile(keyFile).keyring : generateKeyring());
  const { db, kind, close } = await openDb({ databaseUrl: opts.databaseUrl });
  try {
    await migrate(db);
    const cpu = os.cpus();
    const report: PipelineReport = {
      kind,
      date: new Date().toISOString(),
      usagers: await usagersOf(db),
      machine: `${cpu[0]?.model ?? '?'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM; Node ${process.version}`,
    };
    if (opts.which !== 'caf-flux') {
      const loadBefore = os.loadavg();
      log(`Import d’un export ancien outil (${opts.importPersons} personnes)…`);
      const r = await withCpu(db, () => measureImport(db, opts.importPersons));
      report.imports = { ...r, loadBefore, loadAfter: os.loadavg() };
      log(
        `  ${r.committed}/${r.rows} lignes : dépôt ${(r.stageMs / 1000).toFixed(1)} s, analyse ${(r.analyseMs / 1000).toFixed(1)} s, validation ${(r.commitMs / 1000).toFixed(1)} s, RSS max ${r.peakRssMb.toFixed(0)} Mo, CPU Node ${r.nodeCpuS.toFixed(1)} s, PostgreSQL ${r.pgCpuS?.toFixed(1) ?? '?'} s`,
      );
    }
    if (opts.which !== 'imports') {
      const { actor, files } = await busiestSiteManager(db);
      const loadBefore = os.loadavg();
      log(`Flux CAF de ${opts.fluxPersons} personnes sur un site de ${files} dossiers…`);
      const r = await withCpu(db, () => measureCafFlux(db, actor, opts.fluxPersons));
      report.cafFlux = { ...r, loadBefore, loadAfter: os.loadavg(), siteFiles: files };
      logFlux(log, r);
      log(`Flux CAF du mois suivant sur le même site…`);
      const nextBefore = os.loadavg();
      const n = await withCpu(db, () =>
        measureCafFlux(db, actor, opts.fluxPersons, { kind: 'next', offset: r.offset }),
      );
      report.cafFluxNext = { ...n, loadBefore: nextBefore, loadAfter: os.loadavg() };
      logFlux(log, n);
    }
    return report;
  } finally {
    await close();
  }
}

const logFlux = (log: (l: string) => void, r: CafFluxBench & Cpu) =>
  log(
    `  ${r.committed}/${r.persons} personnes (${r.created} créées, ${r.matched} retrouvées) : dépôt ${(r.stageMs / 1000).toFixed(1)} s, analyse ${(r.analyseMs / 1000).toFixed(1)} s, validation ${(r.commitMs / 1000).toFixed(1)} s, RSS max ${r.peakRssMb.toFixed(0)} Mo, CPU Node ${r.nodeCpuS.toFixed(1)} s, PostgreSQL ${r.pgCpuS?.toFixed(1) ?? '?'} s`,
  );

const s = (ms: number) => (ms / 1000).toFixed(1);
const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' / ');
const applies = (r: PipelineReport) => r.kind === 'postgres' && r.usagers >= 1_000_000;
const cpu = (c: Cpu) =>
  `CPU time: Node ${c.nodeCpuS.toFixed(1)} s, PostgreSQL backends ${c.pgCpuS === null ? 'not measured' : `${c.pgCpuS.toFixed(1)} s`}`;
const verdict = (ok: boolean, full: boolean) => (!full ? 'reference only' : ok ? 'met' : 'missed');

/** The sections of docs/benchmarks.md this run writes (key → text). */
export function renderPipelineSections(r: PipelineReport): [string, string][] {
  const db = `${r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${r.usagers.toLocaleString('en-US')} usagers`;
  const run = `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC; ${r.machine}.`;
  const out: [string, string][] = [];
  if (r.imports) {
    const i = r.imports;
    const total = i.stageMs + i.analyseMs + i.commitMs;
    const key = `imports-${r.kind}`;
    out.push([
      key,
      [
        `<!-- bench:begin ${key} -->`,
        `### Legacy import (${db})`,
        '',
        `${run} \`npm run bench -- --only imports\`; load average before ${la(i.loadBefore)}, after ${la(i.loadAfter)}.`,
        '',
        '| Measure | Result | Target | |',
        '|---|---|---|---|',
        `| COORDIN-like CSV (history rows and household members) into a new site: ${i.rows.toLocaleString('en-US')} rows staged (streamed), analysed (dedupe), committed by batches of 500; ${i.committed.toLocaleString('en-US')} committed | ${s(total)} s in all: stage ${s(i.stageMs)} s, analysis ${s(i.analyseMs)} s, commit ${s(i.commitMs)} s; peak RSS ${i.peakRssMb.toFixed(0)} MB (the whole process, the generated file included); ${cpu(i)} | 100,000 rows ≤ 60 s, ≤ 300 MB | ${verdict(total <= 60_000 && i.peakRssMb <= 300 && i.committed === i.rows, applies(r) && i.rows >= 100_000)} |`,
        `<!-- bench:end ${key} -->`,
      ].join('\n'),
    ]);
  }
  if (r.cafFlux) {
    const f = r.cafFlux;
    const total = f.stageMs + f.analyseMs + f.commitMs;
    const key = `caf-flux-${r.kind}`;
    out.push([
      key,
      [
        `<!-- bench:begin ${key} -->`,
        `### CAF flux import (${db})`,
        '',
        `${run} \`npm run bench -- --only caf-flux\`; load average before ${la(f.loadBefore)}, after ${la(f.loadAfter)}.`,
        '',
        '| Measure | Result | Target | |',
        '|---|---|---|---|',
        `| A site's first flux bénéficiaires: ${f.persons.toLocaleString('en-US')} invented demandeurs (${(f.bytes / 2 ** 20).toFixed(0)} MB of XML) on the busiest site not imported into yet (${f.siteFiles.toLocaleString('en-US')} files): staged (streamed), matched (n° allocataire, then the duplicate matcher), committed (files and RSA blocks with their history); ${f.committed.toLocaleString('en-US')} committed | ${s(total)} s in all: stage ${s(f.stageMs)} s, analysis ${s(f.analyseMs)} s, commit ${s(f.commitMs)} s; peak RSS ${f.peakRssMb.toFixed(0)} MB (the whole process; the file made slice by slice as it is read); ${cpu(f)} | 100,000 persons ≤ 30 s, peak memory reported | ${verdict(total <= 30_000 && f.committed === f.persons, applies(r) && f.persons >= 100_000)} |`,
        ...(r.cafFluxNext ? [nextRow(r.cafFluxNext, applies(r))] : []),
        `<!-- bench:end ${key} -->`,
      ].join('\n'),
    ]);
  }
  return out;
}

/** The next month's flux of the same site, a row of the flux's section. */
function nextRow(f: NonNullable<PipelineReport['cafFluxNext']>, full: boolean): string {
  const total = f.stageMs + f.analyseMs + f.commitMs;
  const n = (x: number) => x.toLocaleString('en-US');
  return `| The same site's flux of the next month: the same ${n(f.persons)} persons but ${n(nextTurnover(f.persons))} (left, as many new), one in ten with a changed droit (${(f.bytes / 2 ** 20).toFixed(0)} MB of XML); ${n(f.matched)} found by n° allocataire, ${n(f.created)} created; ${n(f.committed)} committed | ${s(total)} s in all: stage ${s(f.stageMs)} s, analysis ${s(f.analyseMs)} s, commit ${s(f.commitMs)} s; peak RSS ${f.peakRssMb.toFixed(0)} MB; ${cpu(f)} | 100,000 persons ≤ 30 s, peak memory reported | ${verdict(total <= 30_000 && f.committed === f.persons, full && f.persons >= 100_000)} |`;
}
