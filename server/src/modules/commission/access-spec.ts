import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the commissions (docs/security.md, "Commissions"): the responsable of the site and the administration;
 * a responsable of another site gets 404 for a session of site A (missing and not theirs look alike); workers,
 * secretaries and the DPO 403. The pièces of an application follow the file's need-to-know (404 otherwise). The aid
 * statistics: the administration and the responsables, aggregates only (404 for the others, like every statistics
 * route).
 */
const MANAGERS = { responsable: 200, admin: 200, anonymous: 401, responsable_other_site: 404 } as const;
const STAFF_403 = {
  referent: 403,
  co_referent: 403,
  ts_same_team: 403,
  ts_other_team: 403,
  secretaire: 403,
  ts_other_site: 403,
  secretaire_other_site: 403,
  dpo: 403,
  break_glass: 403,
  former_referent: 403,
} as const;

export const commissionAccessSpec: readonly RouteAccess[] = [
  { route: 'GET /api/commissions', allow: { ...STAFF_403, ...MANAGERS, responsable_other_site: 200 }, otherwise: 403 },
  {
    route: 'POST /api/commissions',
    allow: { ...STAFF_403, ...MANAGERS, responsable_other_site: 201, responsable: 201, admin: 201 },
    otherwise: 403,
  },
  { route: 'GET /api/commissions/:id', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  { route: 'POST /api/commissions/:id/agenda', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  { route: 'POST /api/commissions/:id/decisions', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  { route: 'GET /api/commissions/:id/pv.pdf', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  { route: 'GET /api/commissions/:id/letters.pdf', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  { route: 'GET /api/commissions/:id/payments.csv', allow: { ...STAFF_403, ...MANAGERS }, otherwise: 403 },
  {
    route: 'GET /api/aid-applications/:id/pieces',
    allow: { referent: 200, ts_same_team: 200, break_glass: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/aid-applications/:id/pieces/check',
    allow: { referent: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/aids',
    allow: { responsable: 200, responsable_other_site: 200, admin: 200, anonymous: 401 },
    otherwise: 404,
  },
];
