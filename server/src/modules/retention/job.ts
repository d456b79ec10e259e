import type { Db } from '../../db/schema.js';
import { runRetention } from './engine.js';

const DAY = 86_400_000;

/** The daily retention job, in process: a first run one minute after start, then every 24 h, one at a time. */
export function startRetentionJob(db: Db, clock: () => Date, log: (msg: string) => void = console.log, intervalMs = DAY): () => void {
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const r = await runRetention(db, clock(), { dryRun: false, trigger: 'job' });
      if (r.archived || r.anonymised || r.failed) log(`Conservation : ${r.archived} dossier(s) archivé(s), ${r.anonymised} anonymisé(s), ${r.failed} échec(s).`);
    } catch (err) {
      log(`Conservation : échec de l’exécution (${(err as Error).message}).`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void run(), 60_000);
  first.unref();
  const timer = setInterval(() => void run(), intervalMs);
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
