import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { isSealed, keyIdOf, open, seal } from './envelope.js';
import type { Keyring } from './keyring.js';
import { SEALED_COLUMNS, type SealedColumn } from './sealed-columns.js';

export interface ResealResult {
  table: string;
  column: string;
  scanned: number;
  sealed: number;
}

/**
 * Walks every sealed column in batches (one transaction per batch): seals plaintext values and, with `rotate`,
 * re-encrypts values sealed with an older key. A row changed meanwhile is left alone (the update checks the old value)
 * and is caught by the next run. Idempotent: a second run changes nothing.
 */
export async function resealAll(db: Db, keyring: Keyring, opts: { rotate: boolean; batchSize?: number; columns?: SealedColumn[] }): Promise<ResealResult[]> {
  const out: ResealResult[] = [];
  for (const spec of opts.columns ?? SEALED_COLUMNS) out.push(await resealColumn(db, keyring, spec, opts.rotate, opts.batchSize ?? 500));
  return out;
}

async function resealColumn(db: Db, keyring: Keyring, spec: SealedColumn, rotate: boolean, batchSize: number): Promise<ResealResult> {
  const res: ResealResult = { table: spec.table, column: spec.column, scanned: 0, sealed: 0 };
  const table = sql.table(spec.table);
  const col = sql.ref(spec.column);
  const cur = sql.ref(spec.cursor);
  const extra = spec.aadColumns.filter((c) => c !== spec.cursor).map((c) => sql.ref(c));
  const needs = rotate ? sql`(${col} not like 'jk1.%' or ${col} not like ${`jk1.${keyring.currentId}.%`})` : sql`${col} not like 'jk1.%'`;
  let after: unknown = null;
  for (;;) {
    const page = await db.transaction().execute(async (trx) => {
      const rows = await sql<Record<string, unknown>>`
        select ${cur} as cursor, ${col} as value ${extra.length ? sql`, ${sql.join(extra)}` : sql``}
        from ${table} where ${col} is not null and ${needs} ${after === null ? sql`` : sql`and ${cur} > ${after}`}
        order by ${cur} limit ${batchSize}`.execute(trx);
      for (const row of rows.rows) {
        const value = String(row.value);
        const aadRow = { ...row, [spec.cursor]: row.cursor };
        const plain = isSealed(value) ? open(keyring, value, spec.aad(aadRow)) : value;
        if (isSealed(value) && keyIdOf(value) === keyring.currentId) continue;
        const next = seal(keyring, plain, spec.aad(aadRow));
        const upd = await sql`update ${table} set ${col} = ${next} where ${cur} = ${row.cursor} and ${col} = ${value}`.execute(trx);
        if (Number(upd.numAffectedRows ?? 0) > 0) res.sealed++;
      }
      return rows.rows;
    });
    res.scanned += page.length;
    if (page.length < batchSize) break;
    after = page[page.length - 1]?.cursor;
  }
  return res;
}
