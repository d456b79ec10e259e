import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the RSA équipe pluridisciplinaire (docs/security.md, "RSA : équipe pluridisciplinaire"). A person's
 * passages follow the full part's need-to-know (404 otherwise); those who follow the file inscribe and record the
 * observations; the site manager records the avis and decides (never the instructing worker). The passage cases run
 * on a fresh passage of a session ahead: the avis waits for the session, the decision for the avis, the notification
 * for the decision (422/409), which the workflow tests cover.
 */
const FOLLOWERS = { referent: 200, ts_same_team: 200, anonymous: 401 } as const;
const ACTORS = { referent: 422, ts_same_team: 422, responsable: 422, anonymous: 401 } as const;
const SITE = { referent: 200, ts_same_team: 200, ts_other_team: 200, responsable: 200, anonymous: 401 } as const;
export const rsaEpAccessSpec: readonly RouteAccess[] = [
  {
    route: 'GET /api/usagers/:id/rsa/ep',
    allow: { ...FOLLOWERS, break_glass: 200 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/rsa/ep',
    allow: { referent: 201, ts_same_team: 201, responsable: 201, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/rsa/ep/:passageId/observations',
    allow: { ...FOLLOWERS, responsable: 200 },
    otherwise: 404,
  },
  { route: 'POST /api/usagers/:id/rsa/ep/:passageId/avis', allow: ACTORS, otherwise: 404 },
  { route: 'POST /api/usagers/:id/rsa/ep/:passageId/decision', allow: ACTORS, otherwise: 404 },
  {
    route: 'POST /api/usagers/:id/rsa/ep/:passageId/withdraw',
    allow: { referent: 200, ts_same_team: 200, responsable: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/rsa/ep/:passageId/remobilisation',
    allow: { referent: 409, ts_same_team: 409, responsable: 409, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/rsa/ep/:passageId/notification',
    allow: { referent: 409, ts_same_team: 409, responsable: 409, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/rsa/ep/sessions',
    allow: { ...SITE, ts_other_site: 200, responsable_other_site: 200 },
    otherwise: 403,
  },
  {
    route: 'POST /api/rsa/ep/sessions',
    allow: { responsable: 201, responsable_other_site: 201, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/rsa/ep/sessions/:sessionId', allow: SITE, otherwise: 404 },
  {
    route: 'GET /api/rsa/ep/tasks',
    allow: { ...SITE, ts_other_site: 200, responsable_other_site: 200 },
    otherwise: 403,
  },
  // The CAF flux (docs/api.md, "RSA : flux CAF"): the imports' access (the site's manager, the administrator).
  {
    route: 'POST /api/rsa/flux',
    allow: { admin: 201, responsable: 201, responsable_other_site: 404, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/rsa/flux/:importId', allow: { admin: 200, responsable: 200, anonymous: 401 }, otherwise: 404 },
];
