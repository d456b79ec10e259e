import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches a file's RSA follow-up (docs/security.md, "RSA"): the full part's need-to-know. Those who follow the
 * file read and write; a motivated access reads only (403 on a write); anyone else, on the site or not: 404.
 */
const read = { referent: 200, ts_same_team: 200, break_glass: 200, anonymous: 401 };
const write = (ok: number) => ({ referent: ok, ts_same_team: ok, break_glass: 403, anonymous: 401 });

export const rsaAccessSpec: readonly RouteAccess[] = [
  { route: 'GET /api/usagers/:id/rsa', allow: read, otherwise: 404 },
  { route: 'PUT /api/usagers/:id/rsa/members/:memberId', allow: write(200), otherwise: 404 },
  // The orientation is requested for a person soumis aux droits et devoirs only: a fresh member is not (422).
  { route: 'POST /api/usagers/:id/rsa/members/:memberId/orientation', allow: write(422), otherwise: 404 },
  { route: 'POST /api/usagers/:id/rsa/members/:memberId/referents', allow: write(201), otherwise: 404 },
  { route: 'POST /api/usagers/:id/rsa/members/:memberId/contracts', allow: write(201), otherwise: 404 },
  { route: 'POST /api/usagers/:id/rsa/contracts/:contractId/sign', allow: write(200), otherwise: 404 },
  { route: 'PUT /api/usagers/:id/rsa/contracts/:contractId/plan', allow: write(200), otherwise: 404 },
  // The printed contract is a read of the RSA part: a motivated access prints it too.
  { route: 'GET /api/usagers/:id/rsa/contracts/:contractId/contract.pdf', allow: read, otherwise: 404 },
  // The referential of actions: the social workers read it, the administrator edits it.
  {
    route: 'GET /api/rsa/actions',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      ts_other_site: 200,
      co_referent: 200,
      break_glass: 200,
      former_referent: 200,
      anonymous: 401,
    },
    otherwise: 403,
  },
  // The task lists: a social worker's own files or their teams' (the list is built from the scopes, never a file's id).
  {
    route: 'GET /api/rsa/tasks',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      ts_other_site: 200,
      co_referent: 200,
      break_glass: 200,
      former_referent: 200,
      anonymous: 401,
    },
    otherwise: 403,
  },
  // OARSA: a responsable gets their own site's (whichever site), the administrator every site's.
  {
    route: 'GET /api/statistics/oarsa.csv',
    allow: { responsable: 200, responsable_other_site: 200, admin: 200, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/admin/rsa/actions', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/rsa/actions', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PUT /api/admin/rsa/actions/:actionId', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
];
