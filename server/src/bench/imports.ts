import type { Actor } from '@jalon/core';
import type { Ctx } from '../context.js';
import type { Db } from '../db/schema.js';
import { drainImportJobs, requestCommit, stageImport } from '../modules/imports/index.js';
import { COORDIN_HEADER, coordinRows, toCsv } from '../modules/imports/fixtures.js';

export interface ImportsBench {
  rows: number;
  committed: number;
  stageMs: number;
  analyseMs: number;
  commitMs: number;
  /** Peak resident memory of the process during the import (sampled every 100 ms). */
  peakRssMb: number;
}

/**
 * A legacy import of `persons` synthetic persons (docs/benchmarks.md, "Imports"): a COORDIN-like CSV (with journal
 * history and household members) staged, analysed (validate + dedupe against the site) and committed by batches, into
 * a new site of the dataset. Target: 100,000 rows committed ≤ 60 s on PostgreSQL at 1 M usagers, peak ≤ 300 MB.
 */
export async function measureImport(db: Db, persons: number): Promise<ImportsBench> {
  const now = new Date();
  const tag = `B${now.getTime().toString(36)}`;
  const site = await db
    .insertInto('site')
    .values({ code: tag.slice(0, 12), name: `Site import ${tag}`, kind: 'EPS' })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('team').values({ site_id: site.id, name: 'Équipe import' }).execute();
  const user = await db
    .insertInto('app_user')
    .values({
      email: `import-${tag}@bench.jalon.local`,
      display_name: 'Responsable import',
      role: 'responsable',
      site_id: site.id,
      password_hash: '!',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const actor = {
    id: user.id,
    role: 'responsable',
    siteId: site.id,
    teamIds: [],
    motivatedFileIds: [],
  } as unknown as Actor;
  const ctx: Ctx = { db, actor, now, requestId: `bench-${tag}` };
  // The jobs (analysis, commit) run as the server runs them: through the queue, at once (kickImportJobs).
  // Codes already Jalon's: the bench measures the pipeline, not a mapping step.
  const rows = coordinRows(persons, tag, 1930).map((r) => [...r.slice(0, 5), r[5] ? 'MAR' : '', ...r.slice(6)]);
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  try {
    const t0 = performance.now();
    const bytes = toCsv(COORDIN_HEADER, rows);
    const { importId } = await stageImport(ctx, {
      siteId: site.id,
      fields: { source: 'coordin' },
      fileName: 'bench.csv',
      bytes,
    });
    const t1 = performance.now();
    await drainImportJobs(db);
    const t2 = performance.now();
    await requestCommit(ctx, importId, { confirmMerges: [] });
    await drainImportJobs(db);
    const t3 = performance.now();
    const committed = await db
      .selectFrom('data_import_row')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .where('import_id', '=', importId)
      .where('state', '=', 'committed')
      .executeTakeFirstOrThrow();
    return {
      rows: rows.length,
      committed: Number(committed.n),
      stageMs: t1 - t0,
      analyseMs: t2 - t1,
      commitMs: t3 - t2,
      peakRssMb: peak / 1024 / 1024,
    };
  } finally {
    clearInterval(sampler);
  }
}
