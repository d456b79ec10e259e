import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the budget and the aid applications (docs/security.md, "Budget et aides"): the file's need-to-know, every
 * refusal a 404. Those who follow the file read and write; a motivated access (break-glass) reads; the site manager
 * reads the applications and decides them, so a move its role may not make is a 422.
 */
const READ_FULL = { referent: 200, ts_same_team: 200, break_glass: 200, anonymous: 401 };
const FOLLOWERS = (status: number) => ({ referent: status, ts_same_team: status, anonymous: 401 });

export const aidsAccessSpec: readonly RouteAccess[] = [
  { route: 'GET /api/usagers/:id/budget', allow: READ_FULL, otherwise: 404 },
  { route: 'PUT /api/usagers/:id/budget', allow: FOLLOWERS(200), otherwise: 404 },
  { route: 'GET /api/usagers/:id/aid-applications', allow: { ...READ_FULL, responsable: 200 }, otherwise: 404 },
  { route: 'POST /api/usagers/:id/aid-applications', allow: FOLLOWERS(201), otherwise: 404 },
  { route: 'GET /api/aid-applications/:id', allow: { ...READ_FULL, responsable: 200 }, otherwise: 404 },
  { route: 'GET /api/aid-applications/:id/eligibility', allow: { ...READ_FULL, responsable: 200 }, otherwise: 404 },
  // Filing a draft: the workers who follow the file; the site manager may not file (422).
  {
    route: 'POST /api/aid-applications/:id/transitions',
    allow: { ...FOLLOWERS(200), responsable: 422 },
    otherwise: 404,
  },
  { route: 'PUT /api/aid-applications/:id/facts', allow: FOLLOWERS(200), otherwise: 404 },
  { route: 'POST /api/aid-applications/:id/repayments', allow: FOLLOWERS(201), otherwise: 404 },
  // A list scoped to the caller's files (empty for most): workers and site managers; other roles 403.
  {
    route: 'GET /api/aids/late-repayments',
    allow: { secretaire: 403, secretaire_other_site: 403, admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 200,
  },
];
