import type { JalonModule } from '../../platform/module.js';
import { fileRightsRoutes } from './routes.js';

/** File rights: who may read a file (référents, teams, shares of a file). docs/architecture.md, "Module contract". */
export const fileRightsModule = {
  name: 'file-rights',
  routes: (api, deps) => fileRightsRoutes(api, deps),
  auditActions: {
    'file_restriction.create': {},
    'file_restriction.lift': {},
  },
} satisfies JalonModule;
