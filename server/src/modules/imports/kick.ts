import { randomUUID } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { runOne } from '../jobs/index.js';
import { importJobs } from './run.js';

const worker = `imports-${process.pid}-${randomUUID().slice(0, 8)}`;
let running = false;
let again = false;

/**
 * Runs the import jobs just enqueued without waiting for the queue's next poll (docs/architecture.md, "Import
 * pipeline"): through the queue itself (`runOne`: claim under a lease), so another process never runs them twice.
 * Fire and forget: a failure stays on the job, retried by the queue's runner.
 */
export function kickImportJobs(db: Db): void {
  if (running) {
    again = true;
    return;
  }
  running = true;
  void (async () => {
    try {
      do {
        again = false;
        while (await runOne(db, importJobs, () => new Date(), worker));
      } while (again);
    } catch {
      // The job keeps its error; the queue's runner takes it up again.
    } finally {
      running = false;
    }
  })();
}

/** For tests and scripts: runs the due import jobs and resolves once none is left. */
export async function drainImportJobs(db: Db): Promise<void> {
  while (running) await new Promise((r) => setTimeout(r, 20));
  while (await runOne(db, importJobs, () => new Date(), worker));
}
