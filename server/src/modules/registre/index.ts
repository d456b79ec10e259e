import type { JalonModule } from '../../platform/module.js';
import { registreRoutes } from './routes.js';

/** Registre: the record of processing activities (RGPD art. 30). docs/architecture.md, "Module contract". */
export const registreModule = {
  name: 'registre',
  routes: (api, deps) => registreRoutes(api, deps),
} satisfies JalonModule;
