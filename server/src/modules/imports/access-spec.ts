import type { RouteAccess } from '@jalon/core';

/**
 * Who imports (docs/security.md, "Imports"): the administrator and the responsable of the target site; every other
 * role is refused the upload (403) and does not see an import (404); a responsable of another site: 404.
 */
export const importsAccessSpec: readonly RouteAccess[] = [
  {
    route: 'POST /api/imports',
    allow: { admin: 201, responsable: 201, responsable_other_site: 404, anonymous: 401 },
    otherwise: 403,
  },
  {
    route: 'GET /api/imports',
    allow: { admin: 200, responsable: 200, responsable_other_site: 200, anonymous: 401 },
    otherwise: 200,
  },
  {
    route: 'GET /api/imports/profiles',
    allow: { admin: 200, responsable: 200, responsable_other_site: 200, anonymous: 401 },
    otherwise: 200,
  },
  { route: 'GET /api/imports/:id', allow: { admin: 200, responsable: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'PUT /api/imports/:id/mapping', allow: { admin: 200, responsable: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'POST /api/imports/:id/commit', allow: { admin: 202, responsable: 202, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/imports/:id/report.csv', allow: { admin: 200, responsable: 200, anonymous: 401 }, otherwise: 404 },
];
