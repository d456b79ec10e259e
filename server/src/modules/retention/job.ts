import type { Db } from '../../db/schema.js';
import { runRetention } from './engine.js';

const DAY = 86_400_000;

/** Milliseconds until the next 01:00 UTC (2 or 3 a.m. in Paris): the job runs at night, away from the working day. */
export const untilNextNight = (now: Date): number => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
};

/**
 * The daily retention job, in process: every night at 01:00 UTC, one run at a time. Not at start-up: a server started
 * on old data (a demo, a restored backup) is not anonymised under its users' feet; `npm run retention -- --dry-run` shows
 * what the next night will do.
 */
export function startRetentionJob(
  db: Db,
  clock: () => Date,
  log: (msg: string) => void = console.log,
  intervalMs = DAY,
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runRetention(db, clock(), { dryRun: false, trigger: 'job' });
      if (r.archived || r.anonymised || r.failed)
        log(`Conservation : ${r.archived} dossier(s) archivé(s), ${r.anonymised} anonymisé(s), ${r.failed} échec(s).`);
    } catch (err) {
      log(`Conservation : échec de l’exécution (${(err as Error).message}).`);
    } finally {
      running = false;
    }
  };
  let timer: NodeJS.Timeout | undefined;
  const first = setTimeout(() => {
    void run();
    timer = setInterval(() => void run(), intervalMs);
    timer.unref();
  }, untilNextNight(clock()));
  first.unref();
  return () => {
    clearTimeout(first);
    if (timer) clearInterval(timer);
  };
}
