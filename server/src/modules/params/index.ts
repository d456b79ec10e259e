import type { JalonModule } from '../../platform/module.js';
import { paramRoutes } from './routes.js';

export { loadParams, statThresholds } from './service.js';

/** Parameters with validity dates (docs/architecture.md, "Parameters"). */
export const paramsModule = {
  name: 'params',
  routes: (api, deps) => paramRoutes(api, deps),
  auditActions: { 'parameter.set': { clearFields: ['name', 'value', 'validFrom'] } },
} satisfies JalonModule;
