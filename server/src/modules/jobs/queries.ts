import { sql } from 'kysely';
import type { Db, Queryable } from '../../db/schema.js';

export interface NewJob {
  kind: string;
  payload?: unknown;
  runAt: Date;
  /** Same key, same job: a second enqueue is ignored (a recurring slot, a retried request). */
  idempotencyKey?: string;
  maxAttempts?: number;
}

/** Adds a job; with an idempotency key already used, nothing is added. Returns the new job's id, or null. */
export async function enqueue(db: Queryable, job: NewJob, now: Date): Promise<string | null> {
  const row = await db
    .insertInto('job')
    .values({
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      idempotency_key: job.idempotencyKey ?? null,
      max_attempts: job.maxAttempts ?? 5,
      created_at: now,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

export interface ClaimedJob {
  id: string;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
}

/**
 * Takes the next due job under a lease: pending and due, or running with an expired lease (its worker died). The row
 * lock with SKIP LOCKED makes two workers claiming at once take two different jobs, never the same one.
 */
export async function claimNext(
  db: Db,
  worker: string,
  now: Date,
  leaseMs: number,
  kinds: readonly string[],
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  return db.transaction().execute(async (trx) => {
    const due = await sql<{ id: string }>`
      select id from job
      where kind in (${sql.join(kinds)})
        and ((state = 'pending' and run_at <= ${now}) or (state = 'running' and locked_until < ${now}))
      order by run_at, id
      limit 1
      for update skip locked`.execute(trx);
    const id = due.rows[0]?.id;
    if (!id) return null;
    const row = await trx
      .updateTable('job')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: worker,
        locked_until: new Date(now.getTime() + leaseMs),
        started_at: now,
        progress_done: null,
        progress_total: null,
      }))
      .where('id', '=', id)
      .returning(['id', 'kind', 'payload', 'attempts', 'max_attempts'])
      .executeTakeFirstOrThrow();
    return { id: row.id, kind: row.kind, payload: row.payload, attempts: row.attempts, maxAttempts: row.max_attempts };
  });
}

/** Progress of a long job; extends the lease while the worker is alive. Only the lease holder writes. */
export const reportProgress = (
  db: Queryable,
  id: string,
  worker: string,
  done: number,
  total: number | null,
  until: Date,
) =>
  db
    .updateTable('job')
    .set({ progress_done: done, progress_total: total, locked_until: until })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();

export const markDone = (db: Queryable, id: string, worker: string, now: Date, result: unknown) =>
  db
    .updateTable('job')
    .set({
      state: 'done',
      finished_at: now,
      locked_by: null,
      locked_until: null,
      result: JSON.stringify(result ?? null),
      last_error: null,
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();

/** A failure: retried later (backoff), or dead-lettered once its attempts are spent. */
export const markFailed = (db: Queryable, id: string, worker: string, now: Date, error: string, retryAt: Date | null) =>
  db
    .updateTable('job')
    .set({
      state: retryAt ? 'pending' : 'dead',
      run_at: retryAt ?? now,
      finished_at: retryAt ? null : now,
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 500),
    })
    .where('id', '=', id)
    .where('locked_by', '=', worker)
    .execute();

/** The administrator's page: the latest jobs, newest first. */
export const recentJobs = (db: Queryable, limit = 100) =>
  db
    .selectFrom('job')
    .select([
      'id',
      'kind',
      'state',
      'run_at',
      'attempts',
      'max_attempts',
      'progress_done',
      'progress_total',
      'last_error',
      'created_at',
      'started_at',
      'finished_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

/** Finished jobs older than the cut-off are removed (the page lists recent runs). */
export const purgeFinished = (db: Queryable, before: Date) =>
  db.deleteFrom('job').where('state', 'in', ['done', 'dead']).where('finished_at', '<', before).execute();
