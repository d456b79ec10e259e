import { audit } from '../../audit/audit.js';
import type { Db, Trx } from '../../db/schema.js';
import {
  BATCH_ROWS,
  type BatchWritten,
  type CommitItem,
  type CommitRow,
  type ImportRun,
  type SourceAdapter,
  type Validated,
} from './pipeline.js';
import { batchSettings, claimKeys, finishRows } from './batch-queries.js';
import { existingKeys, rowCounts, rowsPage, setImport } from './queries.js';
import { twoInFlight } from './in-flight.js';
import { openRun, readRaw, type JobPayload, type Progress } from './run-context.js';

type Page = Awaited<ReturnType<typeof rowsPage>>;
type Finished = Parameters<typeof finishRows>[1][number];

/**
 * Commits the valid rows by batches, each batch one transaction that also marks its rows, two batches in flight when
 * they share no key: a crash loses the batches in flight, taken up again by the job's next attempt, and the row states
 * and keys (`import_key`) make a row written twice impossible (docs/architecture.md, "Import pipeline"; ADR 013).
 */
export async function commitImport(db: Db, payload: JobPayload, progress: Progress) {
  const { run, adapter, total } = await openRun(db, payload);
  await setImport(db, run.importId, { status: 'committing', error: null });
  try {
    const env = await adapter.prepare(db, run);
    const size = run.options.batchRows ?? BATCH_ROWS;
    // Two cores: the next batch is read, decrypted and validated by Node while PostgreSQL writes the current one
    // (docs/adr/013-staged-imports.md, "Revision"). A batch marks every row of its page, so the next page starts
    // after its last row.
    const read = async (after: number) =>
      readBatch(await rowsPage(db, run.importId, after, size, ['valid']), run, adapter, env);
    // Two batches in flight when they touch nothing in common; else a batch waits for the one before.
    const done = await twoInFlight({
      read,
      rows: (batch) => batch.page.length,
      lastSeq: (batch) => batch.page[batch.page.length - 1]!.seq,
      independent: (before, batch) => independent(before.keys, batch.keys),
      run: (batch) =>
        commitRetried(() => db.transaction().execute((trx) => commitBatch(trx, batch, run, adapter, env))),
      progress: (n) => progress(n, total),
    });
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

/**
 * Two batches in flight may wait for each other's rows (e.g. the statistics' month markers their entries add, in
 * another order): PostgreSQL then stops one of them (deadlock, 40P01), which is rolled back whole and run again, the
 * other batch having gone on. Likewise a serialisation failure (40001).
 */
async function commitRetried(run: () => Promise<void>, attempts = 3): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      const code = (err as { code?: string }).code;
      if (attempt >= attempts || (code !== '40P01' && code !== '40001')) throw err;
    }
  }
}

/**
 * A page with each row to write validated again (outside any transaction: overlapped with the batch before), and the
 * keys it touches (null: unknown, the batch waits for the one before).
 */
interface ReadBatch {
  page: Page;
  validated: (Validated<unknown> | null)[];
  keys: Set<string> | null;
}

function readBatch(page: Page, run: ImportRun, adapter: SourceAdapter, env: unknown): ReadBatch {
  const keys: Set<string> | null = adapter.commitKeys ? new Set() : null;
  const validated = page.map((row) => {
    if (row.decision === 'skip' || (row.decision === 'merge' && !row.merge_confirmed)) return null;
    keys?.add(row.row_key);
    if (row.match_file_id) keys?.add(`file:${row.match_file_id}`);
    // A row that cannot be read now fails, as before, only if the batch comes to write it (not already imported).
    try {
      const v = adapter.validate(readRaw(row), run, env);
      if (v.ok && keys) for (const k of adapter.commitKeys!(v.value, commitRow(row))) keys.add(k);
      return v;
    } catch {
      return null;
    }
  });
  return { page, validated, keys };
}

const independent = (a: Set<string> | null, b: Set<string> | null) => {
  if (!a || !b) return false;
  for (const k of b) if (a.has(k)) return false;
  return true;
};

const commitRow = (row: Page[number]): CommitRow => ({
  id: row.id,
  seq: row.seq,
  decision: row.decision as CommitRow['decision'],
  matchFileId: row.match_file_id,
  mergeConfirmed: row.merge_confirmed,
});

/** The rows of a batch to skip (marked) and to write (validated: a row invalid now stops the batch). */
function sortRows(batch: ReadBatch, known: Set<string>, run: ImportRun, adapter: SourceAdapter, env: unknown) {
  const finished: Finished[] = [];
  const items: CommitItem<unknown>[] = [];
  const itemRows: Page = [];
  batch.page.forEach((row, n) => {
    const decision = row.decision as 'create' | 'merge' | 'skip' | 'history' | 'member';
    const skip = (fileId: string | null, reason: string | null) =>
      finished.push({ id: row.id, state: 'skipped', fileId, reason });
    if (decision === 'skip') skip(row.match_file_id, null);
    else if (decision === 'merge' && !row.merge_confirmed) skip(null, 'Fusion proposée non confirmée');
    else if (known.has(row.row_key)) skip(null, 'Ligne déjà importée');
    else {
      known.add(row.row_key);
      const v = batch.validated[n] ?? adapter.validate(readRaw(row), run, env);
      if (!v.ok) throw new Error(`Ligne ${row.seq} : ${v.reason}`);
      items.push({ value: v.value, row: commitRow(row) });
      itemRows.push(row);
    }
  });
  return { finished, items, itemRows };
}

/**
 * One batch in its transaction: the rows to skip are marked, the others validated again and written by the adapter
 * (`commitMany` when it has it: set-based; else `commit` row by row), then their keys claimed and their states set
 * in one statement each, and the batch audited (`import.batch`: the files and counts it wrote, never a value).
 */
async function commitBatch(trx: Trx, batch: ReadBatch, run: ImportRun, adapter: SourceAdapter, env: unknown) {
  const { page } = batch;
  await batchSettings(trx);
  const known = adapter.idempotentWrites
    ? new Set<string>()
    : await existingKeys(
        trx,
        run.siteId,
        run.source,
        page.map((r) => r.row_key),
      );
  const { finished, items, itemRows } = sortRows(batch, known, run, adapter, env);
  let results: { fileId: string | null }[] = [];
  let written: BatchWritten | null = null;
  if (!items.length) results = [];
  else if (adapter.commitMany) ({ results, written } = await adapter.commitMany(trx, items, run, env));
  else for (const it of items) results.push(await adapter.commit(trx, it.value, it.row, run, env));
  const keys: { key: string; caseFileId: string | null }[] = [];
  itemRows.forEach((row, i) => {
    const fileId = results[i]?.fileId ?? null;
    if (fileId) {
      keys.push({ key: row.row_key, caseFileId: fileId });
      finished.push({ id: row.id, state: 'committed', fileId, reason: null });
    } else finished.push({ id: row.id, state: 'skipped', fileId: null, reason: 'Dossier de rattachement non importé' });
  });
  if (!adapter.idempotentWrites) await claimKeys(trx, run.siteId, run.source, run.importId, keys);
  await finishRows(trx, finished);
  written ??= {
    created: [],
    merged: [],
    updated: [...new Set(keys.flatMap((k) => (k.caseFileId ? [k.caseFileId] : [])))],
    entries: 0,
    members: 0,
    rsaChanged: 0,
  };
  await audit(trx, run.who, 'import.batch', {
    targetType: 'data_import',
    targetId: run.importId,
    diff: { rows: page.length, committed: keys.length, ...written },
  });
}
