import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the genogram (docs/security.md, "Génogramme"): the référents (co-référents answer like them); the team,
 * a break-glass holder, another site, a former référent: 404. The relations open on a saved genogram: 409 on a fresh file.
 */
export const genogramAccessSpec: readonly RouteAccess[] = [
  { route: 'GET /api/usagers/:id/genogram', allow: { referent: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/usagers/:id/genogram.svg', allow: { referent: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'PUT /api/usagers/:id/genogram', allow: { referent: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'POST /api/usagers/:id/genogram/relations/open', allow: { referent: 409, anonymous: 401 }, otherwise: 404 },
];
