import type { Db } from '../../db/schema.js';
import { refreshStatistics } from './refresh.js';

/** The statistics job: a refresh at start, then every `intervalMs` (10 minutes by default), one at a time. */
export function startStatisticsJob(
  db: Db,
  clock: () => Date,
  intervalMs = 10 * 60_000,
  log: (msg: string) => void = console.log,
): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await refreshStatistics(db, clock());
      if (r.full) log(`Statistiques calculées (${r.flowMonths.length} mois) en ${r.durationMs} ms.`);
    } catch (err) {
      log(`Statistiques : échec du rafraîchissement (${(err as Error).message}).`);
    } finally {
      running = false;
    }
  };
  void run();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
