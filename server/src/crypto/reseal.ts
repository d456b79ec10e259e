import { sql } from 'kysely';
import type { Db } from '../db/schema.js';
import { isSealed, keyIdOf, open, seal } from './envelope.js';
import type { Keyring } from './keyring.js';
import type { SealedColumn } from './sealed-columns.js';

export interface ResealResult {
  table: string;
  column: string;
  scanned: number;
  sealed: number;
}

/**
 * Walks the given sealed columns (`allSealedColumns()`, platform/sealed-columns.ts) in batches (one transaction per batch): seals plaintext values and, with `rotate`,
 * re-encrypts values sealed with an older key. A row changed meanwhile is left alone (the update checks the old value)
 * and is caught by the next run. Idempotent: a second run changes nothing.
 */
export async function resealAll(
  db: Db,
  keyring: Keyring,
  opts: { rotate: boolean; batchSize?: number; columns: readonly SealedColumn[] },
): Promise<ResealResult[]> {
  const out: ResealResult[] = [];
  for (const spec of opts.columns) out.push(await resealColumn(db, keyring, spec, opts.rotate, opts.batchSize ?? 500));
  return out;
}

async function resealColumn(
  db: Db,
  keyring: Keyring,
  spec: SealedColumn,
  rotate: boolean,
  batchSize: number,
): Promise<ResealResult> {
  const res: ResealResult = { table: spec.table, column: spec.column, scanned: 0, sealed: 0 };
  const table = sql.table(spec.table);
  const col = sql.ref(spec.column);
  const cur = sql.ref(spec.cursor);
  const extra = spec.aadColumns.filter((c) => c !== spec.cursor).map((c) => sql.ref(c));
  const needs = rotate
    ? sql`(${col} not like 'jk1.%' or ${col} not like ${`jk1.${keyring.currentId}.%`})`
    : sql`${col} not like 'jk1.%'`;
  const cursorType = await cursorTypeOf(db, spec);
  let after: unknown = null;
  for (;;) {
    const page = await db.transaction().execute(async (trx) => {
      const rows = await sql<Record<string, unknown>>`
        select ${cur} as cursor, ${col} as value ${extra.length ? sql`, ${sql.join(extra)}` : sql``}
        from ${table} where ${col} is not null and ${needs} ${after === null ? sql`` : sql`and ${cur} > ${after}`}
        order by ${cur} limit ${batchSize}`.execute(trx);
      const curs: unknown[] = [];
      const olds: string[] = [];
      const nexts: string[] = [];
      for (const row of rows.rows) {
        const value = String(row.value);
        if (isSealed(value) && keyIdOf(value) === keyring.currentId) continue;
        const aad = spec.aad({ ...row, [spec.cursor]: row.cursor });
        curs.push(row.cursor);
        olds.push(value);
        nexts.push(seal(keyring, isSealed(value) ? open(keyring, value, aad) : value, aad));
      }
      if (curs.length) {
        // One statement per batch; the old value in the join leaves a row changed meanwhile alone.
        const upd = await sql`
          update ${table} as t set ${col} = v.next
          from (select unnest(${curs}::${sql.raw(cursorType)}[]) as cur, unnest(${olds}::text[]) as old, unnest(${nexts}::text[]) as next) v
          where ${sql.ref(`t.${spec.cursor}`)} = v.cur and ${sql.ref(`t.${spec.column}`)} = v.old`.execute(trx);
        res.sealed += Number(upd.numAffectedRows ?? 0);
      }
      return rows.rows;
    });
    res.scanned += page.length;
    if (page.length < batchSize) break;
    after = page[page.length - 1]?.cursor;
  }
  return res;
}

/** SQL type of the batch cursor, from the catalogue (whitelisted: it is spliced into the cast). */
async function cursorTypeOf(db: Db, spec: SealedColumn): Promise<string> {
  const r = await sql<{ t: string }>`
    select data_type as t from information_schema.columns
    where table_schema = 'public' and table_name = ${spec.table} and column_name = ${spec.cursor}`.execute(db);
  const t = r.rows[0]?.t;
  if (t !== 'uuid' && t !== 'bigint' && t !== 'integer' && t !== 'text')
    throw new Error(`Unsupported cursor ${spec.table}.${spec.cursor} (${String(t)})`);
  return t;
}
