import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { audit, systemAuditor } from './audit.js';
import type { Db } from '../db/schema.js';

/**
 * Verification and purge of the hash-chained security log (ADR 004). The database trigger writes the chain; this
 * file recomputes every hash in Node from the stored columns, so a row edited, deleted or moved is found.
 */

export const CHAINS = ['audit_event', 'access_log'] as const;
export type Chain = (typeof CHAINS)[number];
export const GENESIS = '0'.repeat(64);
/** Logs are kept one year (CNIL recommendation of 2021, domain.md §1.3). */
export const LOG_RETENTION_DAYS = 365;

const COLUMNS: Record<Chain, string> = {
  audit_event: `actor_id::text as c1, actor_role as c2, action as c3, case_file_id::text as c4, target_type as c5,
    target_id as c6, diff::text as c7, request_id as c8`,
  access_log: `actor_id::text as c1, actor_role as c2, actor_site_id::text as c3, case_file_id::text as c4, part as c5`,
};
const FIELD_COUNT: Record<Chain, number> = { audit_event: 8, access_log: 5 };

interface StoredRow {
  id: string;
  seq: string;
  prev_hash: string;
  hash: string;
  at_text: string;
  [column: string]: string | null;
}

const field = (v: string | null): string => (v === null ? '~' : `${Buffer.byteLength(v, 'utf8')}:${v}`);

/** The canonical serialisation: chain name, seq, previous hash, then each column as `<utf-8 length>:<value>`. */
export function canonical(chain: Chain, row: StoredRow): string {
  const cols = Array.from({ length: FIELD_COUNT[chain] }, (_, i) => field(row[`c${i + 1}`] ?? null));
  return [chain, row.seq, row.prev_hash, field(row.at_text), ...cols].join('|');
}

export const sha256 = (s: string): string => createHash('sha256').update(s, 'utf8').digest('hex');

export interface Broken {
  id: string;
  seq: string;
  reason: string;
}
export interface ChainReport {
  chain: Chain;
  rows: number;
  ok: boolean;
  firstBroken: Broken | null;
  /** The checkpoint the verification started from (after a purge), if any. */
  fromCheckpoint: { seq: string; hash: string } | null;
  lastSeq: string | null;
  lastHash: string | null;
}

/** Walks one chain in `seq` order by pages and stops at the first broken row. */
export async function verifyChain(db: Db, chain: Chain, pageSize = 5000): Promise<ChainReport> {
  const cp = await db
    .selectFrom('security_log_checkpoint')
    .select(['seq', 'hash'])
    .where('chain', '=', chain)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const report: ChainReport = {
    chain,
    rows: 0,
    ok: true,
    firstBroken: null,
    fromCheckpoint: cp ? { seq: String(cp.seq), hash: cp.hash } : null,
    lastSeq: null,
    lastHash: null,
  };
  let expectedSeq = cp ? BigInt(cp.seq) + 1n : 1n;
  let expectedPrev = cp ? cp.hash : GENESIS;
  let after = -1n;
  for (;;) {
    const page = await sql<StoredRow>`
      select id::text as id, seq::text as seq, prev_hash, hash,
        to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US') as at_text, ${sql.raw(COLUMNS[chain])}
      from ${sql.table(chain)} as t where t.seq > ${String(after)} order by t.seq limit ${pageSize}`.execute(db);
    for (const row of page.rows) {
      const fail = (reason: string): ChainReport => ({
        ...report,
        ok: false,
        firstBroken: { id: row.id, seq: row.seq, reason },
      });
      if (BigInt(row.seq) !== expectedSeq) {
        return fail(
          report.rows === 0 && !cp
            ? `le journal commence au n° ${row.seq} sans point de purge : lignes supprimées au début`
            : `n° ${row.seq} au lieu de ${expectedSeq} : ligne supprimée ou déplacée avant celle-ci`,
        );
      }
      if (row.prev_hash !== expectedPrev)
        return fail('l’empreinte précédente ne correspond pas : ligne supprimée, insérée ou réordonnée');
      if (sha256(canonical(chain, row)) !== row.hash) return fail('contenu modifié : l’empreinte recalculée diffère');
      report.rows += 1;
      expectedSeq += 1n;
      expectedPrev = row.hash;
      report.lastSeq = row.seq;
      report.lastHash = row.hash;
      after = BigInt(row.seq);
    }
    if (page.rows.length < pageSize) return report;
  }
}

export const verifyAll = async (db: Db): Promise<ChainReport[]> => {
  const out: ChainReport[] = [];
  for (const c of CHAINS) out.push(await verifyChain(db, c));
  return out;
};

export interface PurgeReport {
  chain: Chain;
  purgedRows: number;
  checkpointSeq: string | null;
}

/**
 * Deletes log rows older than a year, for the retention job. The rows removed are a prefix of the chain (up to the
 * first row still within the year), and a checkpoint keeps the hash of the last one, so the rest stays verifiable.
 */
export async function purgeSecurityLog(db: Db, now: Date, retentionDays = LOG_RETENTION_DAYS): Promise<PurgeReport[]> {
  const cutoff = new Date(now.getTime() - retentionDays * 86_400_000);
  return db.transaction().execute(async (trx) => {
    await sql`select set_config('jalon.security_log_purge', 'on', true)`.execute(trx);
    const reports: PurgeReport[] = [];
    for (const chain of CHAINS) {
      await sql`select pg_advisory_xact_lock(hashtext('jalon_security_log'), hashtext(${chain}))`.execute(trx);
      const bound = await sql<{ first_young: string | null; last: string | null }>`
        select (select min(seq)::text from ${sql.table(chain)} where at >= ${cutoff}) as first_young,
               (select max(seq)::text from ${sql.table(chain)}) as last`.execute(trx);
      const b = bound.rows[0];
      const upTo = b?.first_young != null ? BigInt(b.first_young) - 1n : b?.last != null ? BigInt(b.last) : null;
      const last =
        upTo === null
          ? undefined
          : await sql<{ seq: string; hash: string }>`
        select seq::text as seq, hash from ${sql.table(chain)} where seq = ${String(upTo)}`
              .execute(trx)
              .then((r) => r.rows[0]);
      if (!last) {
        reports.push({ chain, purgedRows: 0, checkpointSeq: null });
        continue;
      }
      const deleted = await sql`delete from ${sql.table(chain)} where seq <= ${last.seq}`.execute(trx);
      const purged = Number(deleted.numAffectedRows ?? 0n);
      await trx
        .insertInto('security_log_checkpoint')
        .values({ chain, seq: last.seq, hash: last.hash, purged_rows: String(purged), purged_before: cutoff, at: now })
        .execute();
      reports.push({ chain, purgedRows: purged, checkpointSeq: last.seq });
    }
    await audit(trx, systemAuditor(now), 'security_log.purge', {
      targetType: 'security_log',
      diff: { before: cutoff.toISOString(), ...Object.fromEntries(reports.map((r) => [r.chain, r.purgedRows])) },
    });
    return reports;
  });
}
