import type { Db, Queryable, Trx } from '../../db/schema.js';
import type { ImportOptions, ImportRun, RowMatch, SourceAdapter, Validated } from './pipeline.js';
import { batchSettings } from './batch-queries.js';
import { existingKeys, rowsPage, saveAnalysis, setImport, type RowAnalysis } from './queries.js';
import { twoInFlight } from './in-flight.js';
import { openRun, readRaw, type JobPayload, type Progress } from './run-context.js';

const ANALYSE_PAGE = 1000;
/** What the report shows of a rejected row (its raw identity, never its other fields). */
const IDENTITY_KEYS = ['legacyId', 'birthName', 'firstNames', 'birthDate'];

/**
 * Validates and matches every row not yet committed, in file order (idempotent: a retried job starts over). A row
 * whose key the site already imported is skipped. The legacy values without a Jalon code are counted for the mapping.
 * A page's valid rows are matched together when the adapter can (`matchMany`: set-based lookups).
 */
export async function analyseImport(db: Db, payload: JobPayload, progress: Progress) {
  const { run, adapter, total } = await openRun(db, payload);
  await setImport(db, run.importId, { status: 'analysing', error: null });
  try {
    const env = await adapter.prepare(db, run);
    const unmapped: Unmapped = new Map();
    // Two cores (docs/adr/013-staged-imports.md, "Revision"): the next page is read, decrypted and validated by Node,
    // and two pages are matched and saved at once, each in its transaction on its own connection. The analysis writes
    // only its own rows, so the pages are independent, except the adapter's memory of the run (e.g. the legacy ids
    // met so far): `matchMany` is called in page order (`turn`), before the next page may call it.
    const read = async (after: number) =>
      readPage(
        await rowsPage(db, run.importId, after, ANALYSE_PAGE, ['staged', 'valid', 'rejected']),
        run,
        adapter,
        env,
      );
    let turn: Promise<void> = Promise.resolve();
    const done = await twoInFlight({
      read,
      rows: (page) => page.length,
      lastSeq: (page) => page[page.length - 1]!.row.seq,
      run: (page) => {
        const order = { after: turn, called: () => {} };
        turn = new Promise<void>((resolve) => (order.called = resolve));
        return db.transaction().execute((trx) => analysePage(trx, page, run, adapter, env, unmapped, order));
      },
      progress: (n) => progress(n, total),
    });
    const options: ImportOptions = { ...run.options, unmapped: [...unmapped.values()] };
    await setImport(db, run.importId, { status: 'ready', options: JSON.stringify(options) });
    return { rows: done, unmapped: unmapped.size };
  } catch (err) {
    await setImport(db, run.importId, { status: 'failed', error: (err as Error).message });
    throw err;
  }
}

type Unmapped = Map<string, { field: string; value: string; count: number }>;

type ReadRow = {
  row: Awaited<ReturnType<typeof rowsPage>>[number];
  data: Record<string, string>;
  v: Validated<unknown>;
  preview: string | null;
};

/** A page's rows decrypted and validated (outside any transaction: overlapped with the page before). */
const readPage = (page: Awaited<ReturnType<typeof rowsPage>>, run: ImportRun, adapter: SourceAdapter, env: unknown) =>
  page.map((row): ReadRow => {
    const data = readRaw(row);
    const v = adapter.validate(data, run, env);
    return { row, data, v, preview: v.ok ? JSON.stringify(adapter.preview(v.value)) : null };
  });

/** One page in its transaction: matched together (`matchMany` when the adapter has it), saved at once. */
async function analysePage(
  trx: Trx,
  read: ReadRow[],
  run: ImportRun,
  adapter: SourceAdapter,
  env: unknown,
  unmapped: Unmapped,
  order: { after: Promise<void>; called: () => void },
) {
  let matching: Promise<RowMatch[]>;
  let seen: Set<string>;
  try {
    await batchSettings(trx);
    seen = adapter.idempotentWrites
      ? new Set()
      : await existingKeys(
          trx,
          run.siteId,
          run.source,
          read.map((r) => r.row.row_key),
        );
    const toMatch = read.flatMap((r) => (r.v.ok && !seen.has(r.row.row_key) ? [r.v.value] : []));
    await order.after;
    // Row by row (no `matchMany`), the next page waits for the whole page: `match` may keep the run's memory too.
    matching = adapter.matchMany
      ? adapter.matchMany(trx, toMatch, run, env)
      : Promise.resolve(await matchEach(trx, adapter, toMatch, run, env));
  } finally {
    order.called();
  }
  const matches = await matching;
  let m = 0;
  const out: RowAnalysis[] = read.map(({ row, data, v, preview: shown }) => {
    if (!v.ok) {
      for (const u of v.unmapped ?? []) {
        const k = `${u.field}\u0000${u.value}`;
        unmapped.set(k, { ...u, count: (unmapped.get(k)?.count ?? 0) + 1 });
      }
      const who = Object.fromEntries(IDENTITY_KEYS.filter((k) => k in data).map((k) => [k, data[k]]));
      return rejected(row.id, v.reason, JSON.stringify(who));
    }
    const preview = shown ?? '{}';
    const match: RowMatch = seen.has(row.row_key)
      ? { decision: 'skip', reason: 'Ligne déjà importée' }
      : (matches[m++] ?? { decision: 'reject', reason: 'Ligne non analysée' });
    if (match.decision === 'reject') return rejected(row.id, match.reason, preview);
    return {
      id: row.id,
      state: 'valid',
      decision: match.decision,
      reason: match.decision === 'skip' ? match.reason : null,
      preview,
      matchFileId: 'fileId' in match ? (match.fileId ?? null) : null,
    };
  });
  await saveAnalysis(trx, out);
}

const rejected = (id: string, reason: string, preview: string): RowAnalysis => ({
  id,
  state: 'rejected',
  decision: null,
  reason,
  preview,
  matchFileId: null,
});

async function matchEach(db: Queryable, adapter: SourceAdapter, values: unknown[], run: ImportRun, env: unknown) {
  const out: RowMatch[] = [];
  for (const v of values) out.push(await adapter.match(db, v, run, env));
  return out;
}
