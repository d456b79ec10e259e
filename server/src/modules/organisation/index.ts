import type { JalonModule } from '../../platform/module.js';
import { adminRoutes } from './admin-routes.js';
import { siteRoutes } from './site-routes.js';

/** Organisation: sites, teams, users, partners (administration). docs/architecture.md, "Module contract". */
export const organisationModule = {
  name: 'organisation',
  routes: async (api, deps) => {
    await siteRoutes(api, deps);
    await adminRoutes(api, deps);
  },
} satisfies JalonModule;
