import type { JalonModule } from '../../platform/module.js';
import { statisticsRefreshJob } from './job.js';
import { statisticsRoutes } from './routes.js';

/** Statistics: indicators from the `stat_*` tables, refreshed by a job. docs/architecture.md, "Module contract". */
export const statisticsModule = {
  name: 'statistics',
  routes: (api, deps) => statisticsRoutes(api, deps),
  // A getter: read when the job runner starts, never while the modules are loading (modules/registry.ts).
  get jobs() {
    return [statisticsRefreshJob];
  },
} satisfies JalonModule;

export { refreshStatistics } from './refresh.js';
export { statisticsRefreshJob } from './job.js';
