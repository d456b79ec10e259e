import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the commissions (docs/security.md, "Commissions d’aides"): the responsable of the site and the
 * administration; a responsable of another site gets 404 for a session of site A (missing and not theirs look alike);
 * other roles 403. Only the site's responsable records the decisions of a site's session (the administration: 403);
 * the city-level FSL session (`#ville`) is the administration's: it opens it and records its decisions
 * (`canRecordCityCommissionDecisions`), and no responsable sees it (404). The fixtures (access-matrix test): an open
 * session of site A, a closed one with one decision, an open city-level session; the agenda and decision bodies name
 * an application that is not in commission, so the callers allowed get the business refusal (422).
 */
const SESSION = (status: number, admin = status) =>
  ({ responsable: status, admin, anonymous: 401, responsable_other_site: 404 }) as const;

export const commissionAccessSpec: readonly RouteAccess[] = [
  {
    route: 'GET /api/commissions',
    allow: { responsable: 200, responsable_other_site: 200, admin: 200, anonymous: 401 },
    otherwise: 403,
  },
  // The body names site A: a responsable of site B may not create there.
  {
    route: 'POST /api/commissions',
    allow: { responsable: 201, responsable_other_site: 403, admin: 201, anonymous: 401 },
    otherwise: 403,
  },
  {
    route: 'POST /api/commissions#ville',
    allow: { responsable: 403, responsable_other_site: 403, admin: 201, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/commissions/:id', allow: SESSION(200), otherwise: 403 },
  { route: 'POST /api/commissions/:id/agenda', allow: SESSION(422), otherwise: 403 },
  { route: 'POST /api/commissions/:id/decisions', allow: SESSION(422, 403), otherwise: 403 },
  {
    route: 'POST /api/commissions/:id/decisions#ville',
    allow: { responsable: 404, responsable_other_site: 404, admin: 422, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/commissions/:id/pv.pdf', allow: SESSION(200), otherwise: 403 },
  { route: 'GET /api/commissions/:id/letters.pdf', allow: SESSION(200), otherwise: 403 },
  { route: 'GET /api/commissions/:id/payments.csv', allow: SESSION(200), otherwise: 403 },
  // The pièces follow the application's need-to-know (the site manager reads it to decide); the check, the followers.
  {
    route: 'GET /api/aid-applications/:id/pieces',
    allow: { referent: 200, ts_same_team: 200, break_glass: 200, responsable: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/aid-applications/:id/pieces/check',
    allow: { referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  // Moved to the statistics module's aid indicators: a permanent redirect for those it served.
  {
    route: 'GET /api/statistics/aids',
    allow: { responsable: 308, responsable_other_site: 308, admin: 308, anonymous: 401 },
    otherwise: 404,
  },
];
