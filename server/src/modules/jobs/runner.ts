import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import type { JobDefinition } from '../../platform/module.js';
import { claimNext, enqueue, markDone, markFailed, purgeFinished, reportProgress } from './queries.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
export const LEASE_MS = 5 * MINUTE;
/** Finished jobs stay listed a month on the administrator's page. */
const KEEP_FINISHED_MS = 30 * DAY;

/** Retry delay after the n-th failed attempt: 30 s, 1 min, 2 min… capped at one hour. */
export const backoffMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 60 * MINUTE);

/**
 * The slot of a recurring job to enqueue now, as its idempotency key and time: every N minutes, the current slot (due
 * at once, so a refresh runs at start-up); daily at an hour UTC, the next one ahead (a server started at 9:00 does not
 * run last night's job). One slot is one job whatever the number of processes.
 */
export function dueSlot(def: JobDefinition, now: Date): { key: string; runAt: Date } | null {
  const s = def.schedule;
  if (!s) return null;
  if ('everyMinutes' in s) {
    const period = s.everyMinutes * MINUTE;
    const start = Math.floor(now.getTime() / period) * period;
    return { key: `${def.kind}@${new Date(start).toISOString()}`, runAt: new Date(start) };
  }
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), s.dailyAtUtcHour));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return { key: `${def.kind}@${next.toISOString().slice(0, 10)}`, runAt: next };
}

/** Enqueues the slot of every recurring job (a no-op when another process already did). */
export async function scheduleRecurring(db: Db, defs: readonly JobDefinition[], now: Date): Promise<void> {
  for (const def of defs) {
    const slot = dueSlot(def, now);
    if (slot)
      await enqueue(
        db,
        { kind: def.kind, runAt: slot.runAt, idempotencyKey: slot.key, maxAttempts: def.maxAttempts },
        now,
      );
  }
}

/** Claims and runs one due job. Returns whether one ran (so the loop drains the queue before sleeping). */
export async function runOne(
  db: Db,
  defs: readonly JobDefinition[],
  clock: () => Date,
  worker: string,
): Promise<boolean> {
  const job = await claimNext(
    db,
    worker,
    clock(),
    LEASE_MS,
    defs.map((d) => d.kind),
  );
  if (!job) return false;
  const def = defs.find((d) => d.kind === job.kind)!;
  const progress = async (done: number, total?: number) => {
    await reportProgress(db, job.id, worker, done, total ?? null, new Date(clock().getTime() + LEASE_MS));
  };
  try {
    const result = await def.handler(db, job.payload, progress);
    await markDone(db, job.id, worker, clock(), result);
  } catch (err) {
    const retry = job.attempts < job.maxAttempts ? new Date(clock().getTime() + backoffMs(job.attempts)) : null;
    await markFailed(db, job.id, worker, clock(), err instanceof Error ? err.message : String(err), retry);
  }
  return true;
}

/**
 * The in-process worker of one server (main.ts): every `pollMs`, enqueue the due recurring slots, then run due jobs
 * until none is left. Several processes may run it on one PostgreSQL database. Returns a stop function.
 */
export function startJobRunner(
  db: Db,
  defs: readonly JobDefinition[],
  clock: () => Date,
  opts: { pollMs?: number; log?: (msg: string) => void } = {},
): () => void {
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const log = opts.log ?? console.log;
  let running = false;
  let stopped = false;
  const tick = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await scheduleRecurring(db, defs, clock());
      while (!stopped && (await runOne(db, defs, clock, worker)));
      await purgeFinished(db, new Date(clock().getTime() - KEEP_FINISHED_MS));
    } catch (err) {
      log(`File des tâches : erreur (${(err as Error).message}).`);
    } finally {
      running = false;
    }
  };
  void tick();
  const timer = setInterval(() => void tick(), opts.pollMs ?? 30_000);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
