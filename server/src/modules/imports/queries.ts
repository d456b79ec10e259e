import { sql, type Insertable } from 'kysely';
import type { DataImportRowTable, DataImportTable, Queryable } from '../../db/schema.js';

/** All SQL of the import pipeline (docs/architecture.md, "Import pipeline"). */

export const findImportByHash = (db: Queryable, source: string, siteId: string, hash: string) =>
  db
    .selectFrom('data_import')
    .select('id')
    .where('source', '=', source)
    .where('site_id', '=', siteId)
    .where('file_hash', '=', hash)
    .executeTakeFirst();

export const insertImport = (db: Queryable, values: Insertable<DataImportTable>) =>
  db.insertInto('data_import').values(values).returning('id').executeTakeFirstOrThrow();

export async function insertRows(db: Queryable, rows: Insertable<DataImportRowTable>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 1000)
    await db
      .insertInto('data_import_row')
      .values(rows.slice(i, i + 1000))
      .execute();
}

export const findImport = (db: Queryable, id: string) =>
  db.selectFrom('data_import').selectAll().where('id', '=', id).executeTakeFirst();

export const listImports = (db: Queryable, siteId: string | null) =>
  db
    .selectFrom('data_import')
    .select(['id', 'source', 'file_name', 'status', 'created_at', 'site_id'])
    .$if(siteId !== null, (q) => q.where('site_id', '=', siteId!))
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();

export const setImport = (
  db: Queryable,
  id: string,
  set: {
    status?: string;
    error?: string | null;
    options?: string;
    profile?: string;
    job_id?: string | null;
    committed_at?: Date;
    file_hash?: string;
    file_size?: number;
    format?: string;
  },
) => db.updateTable('data_import').set(set).where('id', '=', id).execute();

/** A page of rows in file order, after `afterSeq`, optionally in given states. */
export const rowsPage = (db: Queryable, importId: string, afterSeq: number, limit: number, states?: string[]) =>
  db
    .selectFrom('data_import_row')
    .select(['id', 'seq', 'row_key', 'raw', 'state', 'decision', 'match_file_id', 'merge_confirmed'])
    .where('import_id', '=', importId)
    .where('seq', '>', afterSeq)
    .$if(Boolean(states), (q) => q.where('state', 'in', states!))
    .orderBy('seq')
    .limit(limit)
    .execute();

export interface RowAnalysis {
  id: string;
  state: string;
  decision: string | null;
  reason: string | null;
  preview: string | null;
  matchFileId: string | null;
}

/** The analysis of a page of rows, in one statement. */
export async function saveAnalysis(db: Queryable, rows: RowAnalysis[]): Promise<void> {
  if (!rows.length) return;
  await sql`
    update data_import_row r set state = v.state, decision = v.decision, reason = v.reason,
      values_preview = v.preview, match_file_id = v.match, merge_confirmed = false
    from unnest(${rows.map((r) => r.id)}::uuid[], ${rows.map((r) => r.state)}::text[],
      ${rows.map((r) => r.decision)}::text[], ${rows.map((r) => r.reason)}::text[],
      ${rows.map((r) => r.preview)}::jsonb[], ${rows.map((r) => r.matchFileId)}::uuid[])
      as v(id, state, decision, reason, preview, match)
    where r.id = v.id`.execute(db);
}

export const confirmMerges = (db: Queryable, importId: string, rowIds: string[]) =>
  rowIds.length
    ? db
        .updateTable('data_import_row')
        .set({ merge_confirmed: true })
        .where('import_id', '=', importId)
        .where('decision', '=', 'merge')
        .where('id', 'in', rowIds)
        .executeTakeFirst()
    : Promise.resolve(null);

export async function existingKeys(
  db: Queryable,
  siteId: string,
  source: string,
  keys: string[],
): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectFrom('import_key')
    .select('key')
    .where('site_id', '=', siteId)
    .where('source', '=', source)
    .where('key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.key));
}

export const rowCounts = (db: Queryable, importId: string) =>
  db
    .selectFrom('data_import_row')
    .select(['state', 'decision', (eb) => eb.fn.countAll<string>().as('n')])
    .where('import_id', '=', importId)
    .groupBy(['state', 'decision'])
    .execute();

/** Rows for the preview, the errors, the merges and the report, with the number of the file they match or made. */
export const rowsForReading = (
  db: Queryable,
  importId: string,
  filter: { state?: string; decision?: string; limit?: number; afterSeq?: number },
) =>
  db
    .selectFrom('data_import_row as r')
    .leftJoin('case_file as m', 'm.id', 'r.match_file_id')
    .leftJoin('case_file as f', 'f.id', 'r.result_file_id')
    .select(['r.id', 'r.seq', 'r.state', 'r.decision', 'r.reason', 'r.values_preview', 'r.merge_confirmed'])
    .select(['m.file_number as match_number', 'f.file_number as result_number'])
    .where('r.import_id', '=', importId)
    .$if(filter.state !== undefined, (q) => q.where('r.state', '=', filter.state!))
    .$if(filter.decision !== undefined, (q) => q.where('r.decision', '=', filter.decision!))
    .$if(filter.afterSeq !== undefined, (q) => q.where('r.seq', '>', filter.afterSeq!))
    .orderBy('r.seq')
    .limit(filter.limit ?? 20)
    .execute();

export const findProfile = (db: Queryable, id: string) =>
  db.selectFrom('import_profile').selectAll().where('id', '=', id).executeTakeFirst();

export const listProfiles = (db: Queryable, siteId: string | null) =>
  db
    .selectFrom('import_profile')
    .select(['id', 'source', 'name', 'site_id'])
    .$if(siteId !== null, (q) => q.where((eb) => eb.or([eb('site_id', '=', siteId), eb('site_id', 'is', null)])))
    .orderBy('name')
    .execute();

export const insertProfile = (
  db: Queryable,
  v: { source: string; siteId: string | null; name: string; profile: unknown; createdBy: string; now: Date },
) =>
  db
    .insertInto('import_profile')
    .values({
      source: v.source,
      site_id: v.siteId,
      name: v.name,
      profile: JSON.stringify(v.profile),
      created_by: v.createdBy,
      created_at: v.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();

/** The module's rows of a file, for the retention engine (anonymisation or purge). */
export async function forgetFile(db: Queryable, caseFileId: string): Promise<number> {
  const keys = await db.deleteFrom('import_key').where('case_file_id', '=', caseFileId).executeTakeFirst();
  await db.deleteFrom('imported_entry').where('case_file_id', '=', caseFileId).execute();
  await db
    .updateTable('data_import_row')
    .set({ result_file_id: null, values_preview: null })
    .where('result_file_id', '=', caseFileId)
    .execute();
  await db
    .updateTable('data_import_row')
    .set({ match_file_id: null })
    .where('match_file_id', '=', caseFileId)
    .execute();
  return Number(keys.numDeletedRows);
}

export const jobProgress = (db: Queryable, jobId: string) =>
  db
    .selectFrom('job')
    .select(['state', 'progress_done', 'progress_total', 'last_error'])
    .where('id', '=', jobId)
    .executeTakeFirst();

export const siteExists = (db: Queryable, siteId: string) =>
  db.selectFrom('site').select('id').where('id', '=', siteId).executeTakeFirst();
