import type { JobDefinition } from '../../platform/module.js';
import { refreshStatistics } from './refresh.js';

/** The statistics refresh on the job queue: every 10 minutes, one run per slot whatever the number of servers. */
export const statisticsRefreshJob: JobDefinition = {
  kind: 'statistics.refresh',
  schedule: { everyMinutes: 10 },
  maxAttempts: 2,
  handler: async (db) => {
    const r = await refreshStatistics(db, new Date());
    return { full: r.full, months: r.flowMonths.length, durationMs: r.durationMs };
  },
};
