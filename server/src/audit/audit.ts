import type { Ctx } from '../context.js';
import type { Insertable } from 'kysely';
import type { AccessLogTable, Db, Queryable } from '../db/schema.js';
import type { Diff } from './diff.js';

export interface AuditInput {
  caseFileId?: string | null;
  targetType?: string;
  targetId?: string | null;
  diff?: Diff | Record<string, unknown>;
}

/** Writes the audit row of a mutation; call it with the mutation's transaction (style rule 8). */
export async function audit(trx: Queryable, ctx: Ctx, action: string, input: AuditInput = {}): Promise<void> {
  await trx
    .insertInto('audit_event')
    .values({
      at: ctx.now,
      actor_id: ctx.actor.id,
      actor_role: ctx.actor.role,
      action,
      case_file_id: input.caseFileId ?? null,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      diff: input.diff ? JSON.stringify(input.diff) : null,
      request_id: ctx.requestId,
    })
    .execute();
}

/** Audit rows for events without an acting session (login failures, first set-up). */
export async function auditAnonymous(
  db: Queryable,
  at: Date,
  action: string,
  input: {
    actorId?: string | null;
    targetType?: string;
    targetId?: string | null;
    diff?: Record<string, unknown>;
    requestId?: string;
  },
): Promise<void> {
  await db
    .insertInto('audit_event')
    .values({
      at,
      actor_id: input.actorId ?? null,
      actor_role: null,
      action,
      case_file_id: null,
      target_type: input.targetType ?? null,
      target_id: input.targetId ?? null,
      diff: input.diff ? JSON.stringify(input.diff) : null,
      request_id: input.requestId ?? null,
    })
    .execute();
}

/** `sections`: which sensitive sections are open; `section_<id>`: the content of one (issue 5). */
export type AccessPart =
  | 'general'
  | 'full'
  | 'consultations'
  | 'journal'
  | 'journal_notes'
  | 'sections'
  | `section_${string}`
  | 'documents'
  | `document_${string}`
  | 'access_export'
  | 'history';

type AccessLogRow = Insertable<AccessLogTable>;

/**
 * Group commit of access-log rows (issue 7). Each row goes through the chain trigger, which holds the chain's lock
 * until commit (ADR 004): one commit per file read made every read wait for the previous read's fsync. Rows logged
 * outside a transaction join a queue; one writer inserts everything queued in one statement and one commit, then
 * answers each caller. A read is answered only once its row is committed, as before; under load one commit carries
 * every read that arrived during the previous one. A batch that fails is retried row by row, so one bad row fails
 * only its own read.
 */
class AccessLogWriter {
  private queue: { row: AccessLogRow; done: (e?: unknown) => void }[] = [];
  private running = false;
  constructor(private readonly db: Db) {}

  write(row: AccessLogRow): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queue.push({ row, done: (e) => (e === undefined ? resolve() : reject(e)) });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length) {
        const batch = this.queue.splice(0, 500);
        try {
          await this.db
            .insertInto('access_log')
            .values(batch.map((b) => b.row))
            .execute();
          for (const b of batch) b.done();
        } catch (batchError) {
          if (batch.length === 1) batch[0]?.done(batchError);
          else
            for (const b of batch)
              await this.db
                .insertInto('access_log')
                .values(b.row)
                .execute()
                .then(
                  () => b.done(),
                  (e: unknown) => b.done(e),
                );
        }
      }
    } finally {
      this.running = false;
    }
  }
}

const writers = new WeakMap<Db, AccessLogWriter>();

/**
 * Every read of a file leaves a row: who, when, which part (need-to-know, domain.md §1.7). Inside a transaction the
 * row is part of it; otherwise it goes through the group commit above, and the promise resolves once it is committed.
 */
export async function logAccess(db: Queryable, ctx: Ctx, caseFileId: string, part: AccessPart): Promise<void> {
  const row: AccessLogRow = {
    at: ctx.now,
    actor_id: ctx.actor.id,
    actor_role: ctx.actor.role,
    actor_site_id: ctx.actor.siteId,
    case_file_id: caseFileId,
    part,
  };
  if (db.isTransaction) {
    await db.insertInto('access_log').values(row).execute();
    return;
  }
  const root = db as Db;
  let writer = writers.get(root);
  if (!writer) {
    writer = new AccessLogWriter(root);
    writers.set(root, writer);
  }
  await writer.write(row);
}
