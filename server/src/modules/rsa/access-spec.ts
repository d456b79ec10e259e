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
];
