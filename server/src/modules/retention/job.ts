import type { JobDefinition } from '../../platform/module.js';
import { runRetention } from './engine.js';

/** Milliseconds until the next 01:00 UTC (2 or 3 a.m. in Paris): the job runs at night, away from the working day. */
export const untilNextNight = (now: Date): number => {
  const next = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 1));
  if (next <= now) next.setUTCDate(next.getUTCDate() + 1);
  return next.getTime() - now.getTime();
};

/**
 * The nightly retention run on the job queue: daily at 01:00 UTC (2 or 3 a.m. in Paris), one run per night whatever the
 * number of servers. Not at start-up: a server started on old data (a demo, a restored backup) is not anonymised under
 * its users' feet; `npm run retention -- --dry-run` shows what the next night will do.
 */
export const retentionNightlyJob: JobDefinition = {
  kind: 'retention.nightly',
  schedule: { dailyAtUtcHour: 1 },
  maxAttempts: 3,
  handler: async (db, _payload, progress) => {
    const r = await runRetention(db, new Date(), { dryRun: false, trigger: 'job', progress });
    return { runId: r.runId, archived: r.archived, anonymised: r.anonymised, failed: r.failed };
  },
};
