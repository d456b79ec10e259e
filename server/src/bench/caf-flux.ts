import { randomUUID } from 'node:crypto';
import type { Actor } from '@jalon/core';
import type { Db } from '../db/schema.js';
import { drainImportJobs, readImport, requestCommit, stageImport } from '../modules/imports/index.js';
import { cafFluxSlices } from '../modules/rsa-ep/flux/fixtures.js';

export interface CafFluxBench {
  persons: number;
  bytes: number;
  stageMs: number;
  analyseMs: number;
  commitMs: number;
  /** Peak resident memory of the process during the import (sampled every 100 ms; the file is made as it is read). */
  peakRssMb: number;
  committed: number;
  /** Files created (every person of a first flux; the newcomers of a next month's). */
  created: number;
  /** Persons found by n° allocataire (their RSA block updated when the flux changes it). */
  matched: number;
  /** Number of the first person (the next month's flux starts `nextTurnover` persons later). */
  offset: number;
}

/**
 * "CAF flux import" (docs/benchmarks.md, "RSA : flux CAF"): a generated flux bénéficiaires of `persons` invented
 * demandeurs staged, analysed and committed on one site by its manager, through the import pipeline. Target: 100,000
 * persons in ≤ 30 s on PostgreSQL at 1 M usagers, with the peak memory reported.
 *
 * `month: 'first'` is a site's first flux: every person is new to Jalon and gets a file. `'next'` is the following
 * month's flux of the same site, as the CAF sends it every month: the same persons but `NEXT_TURNOVER` of them (they
 * left, as many new ones came), and one in ten with a changed droit (`ETATDOSRSA`).
 */
export async function measureCafFlux(
  db: Db,
  manager: Actor,
  persons: number,
  month: { kind: 'first' } | { kind: 'next'; offset: number } = { kind: 'first' },
): Promise<CafFluxBench> {
  // Persons new to the database at each first run (another run's would be matched, not created); the file made as it
  // is read, slice by slice, as an upload reaches the server.
  const offset = month.kind === 'next' ? month.offset + nextTurnover(persons) : freshOffset();
  const slices =
    month.kind === 'first'
      ? cafFluxSlices(persons, offset)
      : cafFluxSlices(persons, offset, { natflux: 'BENEF', dtcreaflux: '2027-01-01' }, (k, p) =>
          // The newcomers are other people: a name of their own (the generator's names 900 persons apart differ by
          // one letter, with the same birth date and first name: the matcher would rightly send them to review).
          k >= month.offset + persons
            ? { ...p, nom: `Arrivant${k.toString(36)}` }
            : k % 10 === 3
              ? { ...p, etatdosrsa: '3' }
              : p,
        );
  let bytes = 0;
  const chunks = (async function* () {
    for (const slice of slices) {
      bytes += slice.length;
      yield slice;
    }
  })();
  let peak = process.memoryUsage().rss;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100);
  const ctx = () => ({ db, actor: manager, now: new Date(), requestId: randomUUID() });
  try {
    const t0 = performance.now();
    const { importId } = await stageImport(ctx(), {
      siteId: manager.siteId ?? '',
      fields: { source: 'caf' },
      fileName: `flux-bench-${month.kind}.xml`,
      chunks,
    });
    const t1 = performance.now();
    await drainImportJobs(db);
    const t2 = performance.now();
    await requestCommit(ctx(), importId, { confirmMerges: [] });
    await drainImportJobs(db);
    const t3 = performance.now();
    const dto = await readImport(ctx(), importId);
    return {
      persons,
      offset,
      bytes,
      stageMs: t1 - t0,
      analyseMs: t2 - t1,
      commitMs: t3 - t2,
      peakRssMb: peak / 1024 / 1024,
      committed: dto.counts.committed,
      created: dto.counts.create,
      matched: dto.counts.history,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The persons of a first flux who leave before the next month (as many new ones come): 2 %. */
export const nextTurnover = (persons: number) => Math.round(persons * 0.02);

const freshOffset = () => 500_000 + (Date.now() % 100_000) * 10_000;
