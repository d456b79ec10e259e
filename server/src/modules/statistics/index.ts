import type { JalonModule } from '../../platform/module.js';
import { statisticsRoutes } from './routes.js';

/** Statistics: indicators from the `stat_*` tables, refreshed by a job. docs/architecture.md, "Module contract". */
export const statisticsModule = {
  name: 'statistics',
  routes: (api, deps) => statisticsRoutes(api, deps),
} satisfies JalonModule;

export { refreshStatistics } from './refresh.js';
export { startStatisticsJob } from './job.js';
