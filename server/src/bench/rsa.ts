import { randomUUID } from 'node:crypto';
import type { Actor } from '@jalon/core';
import type { Db } from '../db/schema.js';
import { applyRsaChange, readRsa } from '../modules/rsa/index.js';
import { stats, timed, type Stats } from './measure.js';

export interface RsaBench {
  files: number;
  open: Stats;
}

const BLOCK = {
  etatdosrsa: '2',
  natpf: 'RSD',
  toppersdrodevorsa: true,
  rolepers: 'DEM',
  dateOuverture: '2026-01-05',
  numAllocataire: '1234567',
  sitpersdemrsa: '0107',
  ddSince: '2026-01-05',
} as const;

/**
 * "RSA block opens" (docs/benchmarks.md, "RSA"): the RSA tab of a file (`readRsa`: every person's block, history,
 * orientation, référents, contracts, plus its access-log row) opened by its référent. The files get a block first
 * when they have none (a typed change, through the module's own writer, so the bench reads what the app wrote).
 * Target: p95 ≤ 15 ms on PostgreSQL at 1 M usagers.
 */
export async function measureRsa(
  db: Db,
  actors: readonly { actor: Actor; ownFiles: string[] }[],
  opens = 200,
  maxMs = 30_000,
): Promise<RsaBench> {
  const pairs = actors.flatMap((a) => a.ownFiles.slice(0, 20).map((fileId) => ({ actor: a.actor, fileId })));
  for (const p of pairs) {
    const row = await db
      .selectFrom('case_file')
      .select('principal_person_id')
      .where('id', '=', p.fileId)
      .executeTakeFirstOrThrow();
    const who = { now: new Date(), actor: { id: p.actor.id, role: p.actor.role }, requestId: null };
    await db.transaction().execute((trx) =>
      applyRsaChange(trx, who, {
        personId: row.principal_person_id,
        caseFileId: p.fileId,
        values: BLOCK,
        origin: 'typed',
        actorId: p.actor.id,
      }),
    );
  }
  const samples = await timed(opens, maxMs, async (i) => {
    const p = pairs[Math.abs(i) % pairs.length];
    if (!p) return;
    await readRsa({ db, actor: p.actor, now: new Date(), requestId: randomUUID() }, p.fileId);
  });
  return { files: pairs.length, open: stats(samples) };
}
