import type { RouteAccess } from '@jalon/core';

/**
 * Who reaches the absences (docs/api.md, "Absences"). The declaration is for the référent (a social worker of site A):
 * the worker themself, the site's secretary and responsable; a colleague 403; another site 404 (the worker does not
 * exist for it). The list: every site role, their own site's. The withdrawal: an absence of the référent.
 */
export const absencesAccessSpec: readonly RouteAccess[] = [
  {
    route: 'GET /api/absences',
    allow: { admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 200,
  },
  {
    route: 'POST /api/absences',
    allow: {
      referent: 201,
      secretaire: 201,
      responsable: 201,
      ts_same_team: 403,
      ts_other_team: 403,
      co_referent: 403,
      admin: 403,
      dpo: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/absences/:absenceId/delete',
    allow: { referent: 204, secretaire: 204, responsable: 204, co_referent: 404, admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 404,
  },
];
