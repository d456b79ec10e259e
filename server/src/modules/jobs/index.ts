import type { JalonModule } from '../../platform/module.js';
import { jobRoutes } from './routes.js';

export { enqueue, claimNext, type NewJob, type ClaimedJob } from './queries.js';
export { runOne, scheduleRecurring, startJobRunner, dueSlot, backoffMs } from './runner.js';

/** The persistent job queue (docs/architecture.md, "Job queue"); the jobs themselves are declared by their modules. */
export const jobsModule = { name: 'jobs', routes: (api, deps) => jobRoutes(api, deps) } satisfies JalonModule;
