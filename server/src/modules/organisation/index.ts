import type { JalonModule } from '../../platform/module.js';
import { adminRoutes } from './admin-routes.js';
import { siteRoutes } from './site-routes.js';

/** Organisation codes and settings that identify nobody: their values may be printed in the audit trail. */
const CLEAR_ORGANISATION_FIELDS = [
  'name',
  'code',
  'kind',
  'active',
  'status',
  'role',
  'site_id',
  'team_id',
  'arrondissements',
] as const;

/** Organisation: sites, teams, users, partners (administration). docs/architecture.md, "Module contract". */
export const organisationModule = {
  name: 'organisation',
  routes: async (api, deps) => {
    await siteRoutes(api, deps);
    await adminRoutes(api, deps);
  },
  auditActions: {
    'site.create': { clearFields: CLEAR_ORGANISATION_FIELDS },
    'site.update': { clearFields: CLEAR_ORGANISATION_FIELDS },
    'team.create': { clearFields: CLEAR_ORGANISATION_FIELDS },
    'team.update': { clearFields: CLEAR_ORGANISATION_FIELDS },
    'user.create': { clearFields: CLEAR_ORGANISATION_FIELDS },
    'user.update': { clearFields: CLEAR_ORGANISATION_FIELDS },
    // A move ends the user's référent links outside their new site or team (docs/security.md, Access: read vs write).
    'usager.referent_ended': { clearFields: ['referents', 'reason'] },
  },
} satisfies JalonModule;
