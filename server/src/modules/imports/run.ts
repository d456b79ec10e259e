import { audit } from '../../audit/audit.js';
import { openText } from '../../crypto/index.js';
import type { Db, Queryable } from '../../db/schema.js';
import type { JobDefinition } from '../../platform/module.js';
import { BATCH_ROWS, adapterFor, type ImportOptions, type ImportRun, type SourceAdapter } from './pipeline.js';
import {
  claimKey,
  existingKeys,
  findImport,
  findKey,
  finishRow,
  rowCounts,
  rowsPage,
  saveAnalysis,
  setImport,
  type RowAnalysis,
} from './queries.js';

/** The two jobs of an import (docs/architecture.md, "Import pipeline"): analyse (validate + match) and commit. */
export const ANALYSE_JOB = 'imports.analyse';
export const COMMIT_JOB = 'imports.commit';

export const rawAad = (rowId: string) => `data_import_row.raw:${rowId}`;
const ANALYSE_PAGE = 1000;
/** What the report shows of a rejected row (its raw identity, never its other fields). */
const IDENTITY_KEYS = ['legacyId', 'birthName', 'firstNames', 'birthDate'];

interface JobPayload {
  importId: string;
  by: { id: string; role: string };
}
type Progress = (done: number, total?: number) => Promise<void>;

async function openRun(
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

const readRaw = (row: { id: string; raw: string | null }): Record<string, string> =>
  JSON.parse(openText(row.raw ?? '{}', rawAad(row.id))) as Record<string, string>;

/**
 * Validates and matches every row not yet committed, in file order (idempotent: a retried job starts over). A row
 * whose key the site already imported is skipped. The legacy values without a Jalon code are counted for the mapping.
 */
export async function analyseImport(db: Db, payload: JobPayload, progress: Progress) {
  const { run, adapter, total } = await openRun(db, payload);
  await setImport(db, run.importId, { status: 'analysing', error: null });
  try {
    const env = await adapter.prepare(db, run);
    const unmapped = new Map<string, { field: string; value: string; count: number }>();
    let after = 0;
    let done = 0;
    for (;;) {
      const page = await rowsPage(db, run.importId, after, ANALYSE_PAGE, ['staged', 'valid', 'rejected']);
      if (!page.length) break;
      const seen = await existingKeys(
        db,
        run.siteId,
        run.source,
        page.map((r) => r.row_key),
      );
      const out: RowAnalysis[] = [];
      for (const row of page) {
        const data = readRaw(row);
        const v = adapter.validate(data, run, env);
        if (!v.ok) {
          for (const u of v.unmapped ?? []) {
            const k = `${u.field}\u0000${u.value}`;
            unmapped.set(k, { ...u, count: (unmapped.get(k)?.count ?? 0) + 1 });
          }
          const who = Object.fromEntries(IDENTITY_KEYS.filter((k) => k in data).map((k) => [k, data[k]]));
          out.push({
            id: row.id,
            state: 'rejected',
            decision: null,
            reason: v.reason,
            preview: JSON.stringify(who),
            matchFileId: null,
          });
          continue;
        }
        const preview = JSON.stringify(adapter.preview(v.value));
        const m = seen.has(row.row_key)
          ? ({ decision: 'skip', reason: 'Ligne déjà importée' } as const)
          : await adapter.match(db, v.value, run, env);
        if (m.decision === 'reject') {
          out.push({ id: row.id, state: 'rejected', decision: null, reason: m.reason, preview, matchFileId: null });
          continue;
        }
        out.push({
          id: row.id,
          state: 'valid',
          decision: m.decision,
          reason: m.decision === 'skip' ? m.reason : null,
          preview,
          matchFileId: 'fileId' in m ? (m.fileId ?? null) : null,
        });
      }
      await saveAnalysis(db, out);
      done += page.length;
      after = page[page.length - 1]!.seq;
      await progress(done, total);
    }
    const options: ImportOptions = { ...run.options, unmapped: [...unmapped.values()] };
    await setImport(db, run.importId, { status: 'ready', options: JSON.stringify(options) });
    return { rows: done, unmapped: unmapped.size };
  } catch (err) {
    await setImport(db, run.importId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
}

/**
 * Commits the valid rows by batches, each batch one transaction that also marks its rows: a crash loses one batch,
 * taken up again by the job's next attempt, and the row keys (`import_key`) make a row written twice impossible.
 */
export async function commitImport(db: Db, payload: JobPayload, progress: Progress) {
  const { run, adapter, total } = await openRun(db, payload);
  await setImport(db, run.importId, { status: 'committing', error: null });
  try {
    const env = await adapter.prepare(db, run);
    let done = 0;
    for (;;) {
      const page = await rowsPage(db, run.importId, 0, run.options.batchRows ?? BATCH_ROWS, ['valid']);
      if (!page.length) break;
      await db.transaction().execute(async (trx) => {
        for (const row of page) {
          const decision = row.decision as 'create' | 'merge' | 'skip' | 'history' | 'member';
          if (decision === 'skip') await finishRow(trx, row.id, 'skipped', row.match_file_id);
          else if (decision === 'merge' && !row.merge_confirmed)
            await finishRow(trx, row.id, 'skipped', null, 'Fusion proposée non confirmée');
          else if (await findKey(trx, run.siteId, run.source, row.row_key))
            await finishRow(trx, row.id, 'skipped', null, 'Ligne déjà importée');
          else {
            const v = adapter.validate(readRaw(row), run, env);
            if (!v.ok) throw new Error(`Ligne ${row.seq} : ${v.reason}`);
            const cr = {
              id: row.id,
              seq: row.seq,
              decision,
              matchFileId: row.match_file_id,
              mergeConfirmed: row.merge_confirmed,
            };
            const r = await adapter.commit(trx, v.value, cr, run, env);
            if (r.fileId) {
              const k = { siteId: run.siteId, source: run.source, key: row.row_key, importId: run.importId };
              await claimKey(trx, { ...k, caseFileId: r.fileId });
              await finishRow(trx, row.id, 'committed', r.fileId);
            } else await finishRow(trx, row.id, 'skipped', null, 'Dossier de rattachement non importé');
          }
        }
      });
      done += page.length;
      await progress(done, total);
    }
    const counts = Object.fromEntries(
      (await rowCounts(db, run.importId)).map((r) => [`${r.state}:${r.decision ?? '-'}`, Number(r.n)]),
    );
    await db.transaction().execute(async (trx) => {
      await setImport(trx, run.importId, { status: 'committed', committed_at: new Date() });
      await audit(trx, run.who, 'import.commit', {
        targetType: 'data_import',
        targetId: run.importId,
        diff: { counts },
      });
    });
    return { rows: done };
  } catch (err) {
    await setImport(db, run.importId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
}

export const importJobs: readonly JobDefinition[] = [
  { kind: ANALYSE_JOB, maxAttempts: 3, handler: (db, p, progress) => analyseImport(db, p as JobPayload, progress) },
  { kind: COMMIT_JOB, maxAttempts: 5, handler: (db, p, progress) => commitImport(db, p as JobPayload, progress) },
];
