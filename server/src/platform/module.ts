import type { RouteAccess } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import type { AppDeps, Ctx } from '../context.js';
import type { SealedColumn } from '../crypto/sealed-columns.js';
import type { Db, Trx } from '../db/schema.js';

/**
 * The module contract (docs/architecture.md, "Module contract"): everything the platform needs from a module, declared
 * in one descriptor exported by `modules/<name>/index.ts` and listed once in `modules/registry.ts`. The app, the
 * retention engine, key rotation, the access export and the access-matrix test iterate over the registry; none of them
 * names a module's tables.
 */
export interface JalonModule {
  /** Folder name under `server/src/modules/`. */
  name: string;
  /** Registers the module's HTTP routes under `/api`. */
  routes?: (api: FastifyInstance, deps: AppDeps) => Promise<void>;
  /** Encrypted columns (sealed at start-up when left in plaintext, re-encrypted by `keys:rotate`). */
  sealedColumns?: readonly SealedColumn[];
  /** What the retention engine does with the module's rows of one file, in the file's transaction. */
  retention?: ModuleRetention;
  /** The module's part in a merge of two files (modules/file-merge) and in its undo. */
  merge?: ModuleMerge;
  /** The module's part of the person's access export (RGPD art. 15), produced by the DPO. */
  accessExport?: (trx: Trx, ctx: Ctx, caseFileId: string) => Promise<AccessExportPart | null>;
  /** Background jobs the module runs on the job queue. */
  jobs?: readonly JobDefinition[];
  /** Audit actions the module writes, with what each may print (redaction). */
  auditActions?: Readonly<Record<string, AuditRedaction>>;
  /** Access-spec entries of the module's routes (core/src/policy/access-spec.ts format). */
  accessSpec?: readonly RouteAccess[];
}

export interface ModuleRetention {
  /** Anonymisation in place: remove what identifies, keep what statistics count. Returns counts for the report. */
  anonymise?: (trx: Trx, caseFileId: string, now: Date) => Promise<Record<string, number> | void>;
  /** Deletion of the module's rows of a file (a purge after the retention period, a merge undone, …). */
  purge?: (trx: Trx, caseFileId: string, now: Date) => Promise<Record<string, number> | void>;
}

/**
 * A module's part in the merge of two files of the same person (docs/architecture.md, "Module contract"; modules/
 * file-merge): `move` runs in the merge's transaction after the file's own rows moved, and returns what it moved, with
 * each row's previous owner (kept as JSON with the merge); `moveBack` receives that record when the merge is undone
 * (within 30 days) and puts back exactly those rows, on the rows still where the merge left them.
 */
export interface ModuleMerge {
  move: (trx: Trx, from: string, to: string, now: Date) => Promise<ModuleMergeMoved | null>;
  moveBack: (trx: Trx, moved: ModuleMergeMoved, from: string, to: string, now: Date) => Promise<void>;
}

export interface ModuleMergeMoved {
  /** Counts for the merge's answer and its audit rows (identify nobody). */
  counts: Record<string, number>;
  /** What the undo needs (ids and previous owners), as JSON. */
  rows: unknown;
  /** In French: what stayed on the absorbed file, and why (the kept file has its own). */
  left?: string[];
}

/** A titled part of the access export, already in French, for the PDF and the JSON. */
export interface AccessExportPart {
  key: string;
  title: string;
  /** Rows of label → value, printed as they are. */
  items: { label: string; value: string }[][];
}

/** A job kind the queue can run. `handler` must be idempotent: a job may be retried after a crash. */
export interface JobDefinition {
  kind: string;
  handler: (db: Db, payload: unknown, progress: (done: number, total?: number) => Promise<void>) => Promise<unknown>;
  /** Recurring schedule, if any (`{ everyMinutes }` or a daily UTC hour). */
  schedule?: { everyMinutes: number } | { dailyAtUtcHour: number };
  maxAttempts?: number;
}

/**
 * Redaction of one audit action: the diff fields whose values may be printed (codes that identify nobody); every
 * other field is named with its value masked.
 */
export interface AuditRedaction {
  clearFields?: readonly string[];
}
