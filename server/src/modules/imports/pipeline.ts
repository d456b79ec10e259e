import type { Auditor } from '../../audit/audit.js';
import type { Queryable, Trx } from '../../db/schema.js';

/**
 * The staged import pipeline's source adapter (docs/architecture.md, "Import pipeline"; ADR 013). The pipeline owns
 * the upload, the staging table, the job, the batches, the idempotency and the report; an adapter knows one kind of
 * file: how to read it, what a valid row is, whom a row matches and what committing it writes.
 *
 * Order of calls: `parse` once at upload (in the request: a refusal stages nothing); then, in the analysis job,
 * `prepare` once and `validate` + `match` for every staged row in file order; then, in the commit job, `prepare` once
 * and `validate` + `commit` for every row to commit, in file order, by batches of `BATCH_ROWS` in one transaction each.
 */
export interface SourceAdapter<V = unknown, P = unknown, E = unknown> {
  /** The `source` values of the upload this adapter reads (e.g. `coordin`, `4d`, `tipi`, `site_export`). */
  sources: readonly string[];
  /** The column and code mapping of an upload: a saved profile (`profileId`) or the source's own. */
  loadProfile(db: Queryable, input: { source: string; profileId?: string; siteId: string }): Promise<P>;
  /**
   * Reads the uploaded bytes, held whole (an adapter has this or `parseStream`): the format from the content, the encoding, the header against the profile. Throws an
   * `AppError` 4xx with a French reason when the file is unusable (nothing is staged then).
   */
  parse?(input: { bytes: Buffer; fileName: string; profile: P }): Promise<ParsedImport> | ParsedImport;
  /** Lookups a run needs (codes, teams, users of the site) and the run's own memory (ids seen so far). */
  prepare(db: Queryable, run: ImportRun<P>): Promise<E>;
  /** A staged row → the value to store, or a French reason (with the legacy values still to map, if any). */
  validate(data: Record<string, string>, run: ImportRun<P>, env: E): Validated<V>;
  /** The row's fate: create, a merge proposal (the file it matches), skip, or an adapter's own kind (history, …). */
  match(db: Queryable, value: V, run: ImportRun<P>, env: E): Promise<RowMatch>;
  /** Writes one row in the batch's transaction; returns the file it created or changed (null: nothing to write). */
  commit(trx: Trx, value: V, row: CommitRow, run: ImportRun<P>, env: E): Promise<{ fileId: string | null }>;
  /** The row as it will be stored, for the preview and the report (field → printable value). */
  preview(value: V): Record<string, string | null>;
  /**
   * Streamed reading (optional; preferred to `parse` when present): the bytes as they arrive → the rows in batches as
   * they are read, each batch with the format. Throws like `parse`; a refusal after some batches stages nothing (the
   * staging transaction is rolled back).
   */
  parseStream?(input: {
    chunks: AsyncIterable<Buffer>;
    fileName: string;
    profile: P;
  }): AsyncIterable<{ format: string; rows: Record<string, string>[] }>;
  /**
   * `match` for a page of valid rows in file order (optional; the pipeline uses it when present): one decision per
   * value, in the same order, with set-based lookups instead of one query per row. Called in page order, but the
   * next page's call may start while this one's lookups run (two pages in flight, each in its transaction): what the
   * adapter keeps of the run (rows met so far) is read and updated before its first `await`.
   */
  matchMany?(db: Queryable, values: V[], run: ImportRun<P>, env: E): Promise<RowMatch[]>;
  /**
   * `commit` for a batch (optional; used when present): writes every row of the batch in its transaction with
   * set-based statements and returns one result per item (same order) and what it wrote, for the batch's audit row.
   */
  commitMany?(trx: Trx, items: CommitItem<V>[], run: ImportRun<P>, env: E): Promise<BatchCommit>;
  /**
   * What a row of the commit writes or reads beyond its own row and matched file (e.g. the legacy id whose file an
   * earlier row creates, a CAF person): two batches that share a key are committed one after the other, in file order;
   * two that share none, at once on two connections (docs/adr/013-staged-imports.md, "Revision"). An adapter without
   * it has every batch wait for the one before. `commitMany` must then write its audit rows last: the audit chain's
   * lock is held until commit, and the other batch in flight may be waiting for one of this batch's rows.
   */
  commitKeys?(value: V, row: CommitRow): string[];
  /**
   * True when the adapter's writes are idempotent by themselves: a later import finds by matching what an earlier one
   * wrote, and applying the same values again changes nothing (the CAF flux). The pipeline then neither looks up nor
   * records the rows' keys (`import_key`), which only such an adapter may spare: a row key is what keeps a legacy
   * history row from being written twice.
   */
  idempotentWrites?: boolean;
}

export interface CommitItem<V> {
  value: V;
  row: CommitRow;
}

/** What a batch wrote: named in its `import.batch` audit row (ids and counts only: docs/architecture.md). */
export interface BatchWritten {
  /** Files created. */
  created: string[];
  /** Files that received a confirmed merge. */
  merged: string[];
  /** Files that received journal entries, household members or RSA changes. */
  updated: string[];
  entries: number;
  members: number;
  /** Persons whose RSA block changed. */
  rsaChanged: number;
}

export interface BatchCommit {
  results: { fileId: string | null }[];
  written: BatchWritten;
}

export interface ParsedImport {
  /** `csv`, `xlsx`, `ods`, … (what the content is, never the name). */
  format: string;
  rows: Record<string, string>[];
}

/** One run of the analysis or the commit: the import, its site, its profile, who imports. */
export interface ImportRun<P = unknown> {
  importId: string;
  source: string;
  siteId: string;
  profile: P;
  options: ImportOptions;
  who: Auditor & { actor: { id: string; role: string | null } };
}

export interface ImportOptions {
  /** Team of the files whose row names none. */
  teamId?: string | null;
  /** Legacy values still to map after the last analysis (field → values). */
  unmapped?: { field: string; value: string; count: number }[];
  /** Rows per commit transaction (tests and the bench; `BATCH_ROWS` otherwise). */
  batchRows?: number;
}

export type Validated<V> =
  { ok: true; value: V } | { ok: false; reason: string; unmapped?: { field: string; value: string }[] };

export type RowMatch =
  | { decision: 'create' }
  | { decision: 'merge'; fileId: string }
  | { decision: 'skip'; reason: string; fileId?: string | null }
  | { decision: 'reject'; reason: string }
  | { decision: 'history' | 'member'; fileId?: string | null };

export interface CommitRow {
  id: string;
  seq: number;
  decision: RowMatch['decision'];
  matchFileId: string | null;
  mergeConfirmed: boolean;
}

/** Rows committed per transaction (a crash loses the batches in flight, taken up again by the job's next attempt). */
export const BATCH_ROWS = 500;

const adapters = new Map<string, SourceAdapter>();

/** Plugs a source adapter in (called by the module that owns it, at load time). */
export function registerImportAdapter<V, P, E>(adapter: SourceAdapter<V, P, E>): void {
  for (const s of adapter.sources) adapters.set(s, adapter as unknown as SourceAdapter);
}

export const adapterFor = (source: string): SourceAdapter | undefined => adapters.get(source);
