import type { JalonModule } from '../../platform/module.js';
import { accessExportRoutes } from './routes.js';

/** Access export: the person's copy of their file (RGPD art. 15). docs/architecture.md, "Module contract". */
export const accessExportModule = {
  name: 'access-export',
  routes: (api, deps) => accessExportRoutes(api, deps),
  auditActions: {
    'usager.access_export': {},
  },
} satisfies JalonModule;
