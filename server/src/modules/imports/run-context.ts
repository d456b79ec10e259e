import { openText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { adapterFor, type ImportOptions, type ImportRun, type SourceAdapter } from './pipeline.js';
import { findImport, rowCounts } from './queries.js';

/** The two jobs of an import (docs/architecture.md, "Import pipeline"): analyse (validate + match) and commit. */
export const ANALYSE_JOB = 'imports.analyse';
export const COMMIT_JOB = 'imports.commit';

export const rawAad = (rowId: string) => `data_import_row.raw:${rowId}`;

export interface JobPayload {
  importId: string;
  by: { id: string; role: string };
}
export type Progress = (done: number, total?: number) => Promise<void>;

export async function openRun(
  db: Queryable,
  payload: JobPayload,
): Promise<{ run: ImportRun; adapter: SourceAdapter; total: number }> {
  const imp = await findImport(db, payload.importId);
  if (!imp) throw new Error('Import introuvable');
  const adapter = adapterFor(imp.source);
  if (!adapter) throw new Error(`Aucun adaptateur pour la source ${imp.source}`);
  const run: ImportRun = {
    importId: imp.id,
    source: imp.source,
    siteId: imp.site_id,
    profile: imp.profile,
    options: (imp.options ?? {}) as ImportOptions,
    who: { now: new Date(), actor: payload.by, requestId: null },
  };
  const total = (await rowCounts(db, imp.id)).reduce((s, r) => s + Number(r.n), 0);
  return { run, adapter, total };
}

export const readRaw = (row: { id: string; raw: string | null }): Record<string, string> =>
  JSON.parse(openText(row.raw ?? '{}', rawAad(row.id))) as Record<string, string>;
