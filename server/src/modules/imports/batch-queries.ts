import { sql } from 'kysely';
import type { Queryable } from '../../db/schema.js';

/** The set-based SQL of the pipeline's batches (docs/architecture.md, "Import pipeline"; ADR 013). */

/** Records keys of a site's source (a batch); the keys already there are left as they are. */
export async function claimKeys(
  db: Queryable,
  siteId: string,
  source: string,
  importId: string,
  keys: { key: string; caseFileId: string | null }[],
): Promise<void> {
  if (!keys.length) return;
  await db
    .insertInto('import_key')
    .values(keys.map((k) => ({ site_id: siteId, source, key: k.key, case_file_id: k.caseFileId, import_id: importId })))
    .onConflict((oc) => oc.columns(['site_id', 'source', 'key']).doNothing())
    .execute();
}

/** The files of keys a site's source already holds (key → file). */
export async function filesOfKeys(
  db: Queryable,
  siteId: string,
  source: string,
  keys: string[],
): Promise<Map<string, string | null>> {
  if (!keys.length) return new Map();
  const rows = await db
    .selectFrom('import_key')
    .select(['key', 'case_file_id'])
    .where('site_id', '=', siteId)
    .where('source', '=', source)
    .where('key', 'in', [...new Set(keys)])
    .execute();
  return new Map(rows.map((r) => [r.key, r.case_file_id]));
}

/** `finishRow` for a batch, in one statement. */
export async function finishRows(
  db: Queryable,
  rows: { id: string; state: 'committed' | 'skipped'; fileId: string | null; reason: string | null }[],
): Promise<void> {
  if (!rows.length) return;
  await sql`
    update data_import_row r set state = v.state, result_file_id = v.file, raw = null,
      reason = coalesce(v.reason, r.reason)
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.state)}::text[],
      ${rows.map((r) => r.fileId)}::uuid[], ${rows.map((r) => r.reason)}::text[]) as v(id, state, file, reason)
    where r.id = v.id`.execute(db);
}

export async function recordImportedEntries(
  db: Queryable,
  importId: string,
  entries: { entryId: string; caseFileId: string }[],
): Promise<void> {
  if (!entries.length) return;
  await db
    .insertInto('imported_entry')
    .values(entries.map((e) => ({ entry_id: e.entryId, case_file_id: e.caseFileId, import_id: importId })))
    .execute();
}

/**
 * A batch's statements are planned as costly (hundreds of rows each) and PostgreSQL would compile them with its JIT,
 * which costs more than it saves here (a second per page of the duplicate matcher at 1 M usagers: docs/benchmarks.md,
 * "Import pipeline"): off for the batch's transaction only.
 */
export async function batchSettings(trx: Queryable): Promise<void> {
  await sql`set local jit = off`.execute(trx);
}
