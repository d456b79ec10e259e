import type { JalonModule } from '../platform/module.js';
import { paramsModule } from './params/index.js';
import { workflowsModule } from './workflows/index.js';
import { jobsModule } from './jobs/index.js';
import { documentsModule } from './documents/index.js';

/**
 * Every module of the server, once (docs/architecture.md, "Module contract"). Adding a module = one folder under
 * `modules/` whose `index.ts` exports its descriptor + one line here.
 */
export const MODULES: readonly JalonModule[] = [paramsModule, workflowsModule, jobsModule, documentsModule];
