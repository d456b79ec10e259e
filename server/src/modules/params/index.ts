import type { JalonModule } from '../../platform/module.js';
import { paramRoutes } from './routes.js';

export { loadParams, statThresholds } from './service.js';

/** Parameters with validity dates (docs/architecture.md, "Parameters"). */
export const paramsModule: JalonModule = {
  name: 'params',
  routes: paramRoutes,
  auditActions: { 'parameter.set': { clearFields: ['name', 'value', 'validFrom'] } },
};
