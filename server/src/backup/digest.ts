import { sql } from 'kysely';
import type { Db } from '../db/schema.js';

export interface TableDigest {
  rows: number;
  md5: string;
}

/**
 * Row count and a content hash of every table of the public schema (rows as text, sorted), plus every sequence's
 * position: two databases with equal digests hold the same data.
 */
export async function databaseDigest(db: Db): Promise<Record<string, TableDigest | number>> {
  const tables = await sql<{ name: string }>`
    select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') order by 1`.execute(db);
  const out: Record<string, TableDigest | number> = {};
  for (const { name } of tables.rows) {
    const t = sql.table(name);
    const r = await sql<{ rows: number | string; md5: string | null }>`
      select count(*)::int as rows, md5(coalesce(string_agg(x.r, E'\\n' order by x.r), '')) as md5
      from (select t::text as r from ${t} as t) x`.execute(db);
    out[name] = { rows: Number(r.rows[0]?.rows ?? 0), md5: r.rows[0]?.md5 ?? '' };
  }
  const seqs = await sql<{ name: string; last: number | string | null }>`
    select sequencename as name, last_value as last from pg_sequences where schemaname = 'public' order by 1`.execute(
    db,
  );
  for (const s of seqs.rows) out[`sequence:${s.name}`] = Number(s.last ?? 0);
  return out;
}
