import type { Role } from '../domain/roles.js';

/**
 * The access table of the API (docs/architecture.md, Access spec and tests), declared once: every route × caller → the HTTP status it answers, and for the
 * file itself the part it shows. The API tests are generated from it (server/src/test/access-matrix.test.ts, which
 * only knows how to call each route); a route registered by the server without an entry here fails that suite, and
 * so does an entry no test knows how to call.
 *
 * Callers are a role and a relation to the file under test (a file of team A on site A, whose référent is `referent`).
 * Missing and not visible both answer 404; visible but not allowed answers 403; no session answers 401.
 */
export type AccessRelation =
  'referent' | 'co_referent' | 'same_team' | 'same_site' | 'other_site' | 'break_glass' | 'former_referent' | 'none';

export const ACCESS_CALLERS = {
  referent: { role: 'travailleur_social', relation: 'referent' },
  ts_same_team: { role: 'travailleur_social', relation: 'same_team' },
  ts_other_team: { role: 'travailleur_social', relation: 'same_site' },
  secretaire: { role: 'secretaire', relation: 'same_site' },
  responsable: { role: 'responsable', relation: 'same_site' },
  ts_other_site: { role: 'travailleur_social', relation: 'other_site' },
  secretaire_other_site: { role: 'secretaire', relation: 'other_site' },
  responsable_other_site: { role: 'responsable', relation: 'other_site' },
  admin: { role: 'admin_fonctionnel', relation: 'none' },
  dpo: { role: 'dpo', relation: 'none' },
  anonymous: { role: null, relation: 'none' },
  // The relation dimensions (docs/security.md, "Access: read vs write, relations"). Each answers like the caller it
  // names in `like`, unless a route lists it: the spec states only where the relation changes the answer.
  /** A worker of another team of the site, named co-référent: everything the référent does, but not author. */
  co_referent: { role: 'travailleur_social', relation: 'co_referent', like: 'referent' },
  /** A worker of another site holding an unexpired motivated access (break-glass) to the file: reads, never writes. */
  break_glass: { role: 'travailleur_social', relation: 'break_glass', like: 'ts_other_site' },
  /** Named co-référent while on site A, now on site B with the link still open: nothing more than site B's workers. */
  former_referent: { role: 'travailleur_social', relation: 'former_referent', like: 'ts_other_site' },
} as const satisfies Record<string, { role: Role | null; relation: AccessRelation; like?: string }>;

export type AccessCaller = keyof typeof ACCESS_CALLERS;
export const ACCESS_CALLER_IDS = Object.keys(ACCESS_CALLERS) as AccessCaller[];

export interface RouteAccess {
  /** `METHOD /path/:param`, as the server registers it; `#variant` when one route is checked with several bodies. */
  route: string;
  /** Status per caller; callers not listed answer `otherwise`. */
  allow: Partial<Record<AccessCaller, number>>;
  otherwise: number;
  /** For a read of the file: the part each caller is shown (`full`, or `general` only). */
  parts?: Partial<Record<AccessCaller, 'full' | 'general'>>;
}

/** Routes open to anyone or about the caller only: covered by the authentication tests, not by this table. */
export const PUBLIC_OR_SELF_ROUTES: readonly string[] = [
  'GET /api/health',
  'GET /api/setup',
  'POST /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/auth/me',
  'POST /api/auth/password',
];

export const ACCESS_SPEC: readonly RouteAccess[] = [
  {
    route: 'GET /api/usagers/:id',
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      secretaire: 200,
      responsable: 200,
      anonymous: 401,
    },
    otherwise: 404,
    parts: {
      break_glass: 'full',
      referent: 'full',
      ts_same_team: 'full',
      ts_other_team: 'general',
      secretaire: 'general',
      responsable: 'general',
    },
  },
  {
    route: 'PATCH /api/usagers/:id',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 200,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'PATCH /api/usagers/:id#situation',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  // Fusion de dossiers (modules/file-merge): the référents of both files merge; the référents of the kept file undo
  // (within 30 days) and list. A motivated access reads but never merges.
  {
    route: 'POST /api/usagers/:id/merge',
    allow: {
      referent: 201,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      break_glass: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/file-merges/:id/undo',
    allow: {
      referent: 200,
      break_glass: 403,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/usagers/:id/merges',
    allow: {
      referent: 200,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      break_glass: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  // Documents (modules/documents): the full part to read (a motivated access reads them), the followers to add.
  {
    route: 'POST /api/usagers/:id/documents',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/usagers/:id/documents',
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/documents/:id/content',
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/members',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'PATCH /api/usagers/:id/members/:memberId',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'PUT /api/usagers/:id/referents',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  { route: 'GET /api/usagers/:id/consultations', allow: { referent: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/usagers/search', allow: { admin: 403, dpo: 403, anonymous: 401 }, otherwise: 200 },
  { route: 'GET /api/usagers/mine', allow: { anonymous: 401 }, otherwise: 200 },
  { route: 'GET /api/usagers/team', allow: { anonymous: 401 }, otherwise: 200 },
  {
    route: 'GET /api/usagers/duplicates',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      secretaire: 200,
      ts_other_site: 200,
      secretaire_other_site: 200,
      anonymous: 401,
    },
    otherwise: 403,
  },
  {
    route: 'POST /api/usagers',
    allow: {
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 201,
      secretaire: 201,
      ts_other_site: 201,
      secretaire_other_site: 201,
      anonymous: 401,
    },
    otherwise: 403,
  },
  { route: 'GET /api/site/teams', allow: { admin: 403, dpo: 403, anonymous: 401 }, otherwise: 200 },
  { route: 'GET /api/site/workers', allow: { admin: 403, dpo: 403, anonymous: 401 }, otherwise: 200 },
  { route: 'GET /api/admin/sites', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/sites', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PATCH /api/admin/sites/:id', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/admin/teams', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/teams', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PATCH /api/admin/teams/:id', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/admin/users', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/users', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PATCH /api/admin/users/:id', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/admin/parameters', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/parameters', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/admin/jobs', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  // Letters (modules/letters): templates for the admin; printing for the workers and secretaries who read the entry.
  { route: 'GET /api/admin/letter-templates', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/letter-templates', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  {
    route: 'GET /api/appointments/:entryId/convocation.pdf',
    // A motivated access reads the file, the convocation included; another team does not see the entry (404).
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      secretaire: 200,
      responsable: 403,
      responsable_other_site: 403,
      admin: 403,
      dpo: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/letters',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      responsable_other_site: 403,
      admin: 403,
      dpo: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/site/convocations.pdf',
    allow: { responsable: 403, responsable_other_site: 403, admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 200,
  },
  {
    route: 'GET /api/usagers/:id/journal',
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      secretaire: 200,
      responsable: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/journal',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/journal#accueil',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403,
      secretaire: 201,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'PATCH /api/usagers/:id/journal/:entryId',
    allow: { co_referent: 403, break_glass: 403, referent: 204, ts_same_team: 403, secretaire: 403, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/journal/:entryId/delete',
    allow: { co_referent: 403, break_glass: 403, referent: 204, ts_same_team: 403, secretaire: 403, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'PUT /api/usagers/:id/journal/:entryId/status',
    allow: { break_glass: 403, referent: 204, ts_same_team: 204, secretaire: 204, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/agenda',
    allow: { responsable: 403, responsable_other_site: 403, admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 200,
  },
  { route: 'GET /api/todo', allow: { anonymous: 401 }, otherwise: 200 },
  // The teams' agenda load: the responsable of a site only, counts per day and team (never per worker).
  {
    route: 'GET /api/agenda/load',
    allow: { responsable: 200, responsable_other_site: 200, anonymous: 401 },
    otherwise: 403,
  },
  { route: 'GET /api/motifs', allow: { anonymous: 401 }, otherwise: 200 },
  { route: 'GET /api/partners', allow: { anonymous: 401 }, otherwise: 200 },
  { route: 'POST /api/admin/motifs', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PATCH /api/admin/motifs/:code', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/admin/partners', allow: { admin: 201, anonymous: 401 }, otherwise: 403 },
  { route: 'PATCH /api/admin/partners/:id', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/dpo/audit-events', allow: { dpo: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/dpo/access-events', allow: { dpo: 200, anonymous: 401 }, otherwise: 403 },
  {
    route: 'GET /api/statistics/scope',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      responsable: 200,
      ts_other_site: 200,
      responsable_other_site: 200,
      admin: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/table',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      responsable: 200,
      ts_other_site: 200,
      responsable_other_site: 200,
      admin: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/table.csv',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      responsable: 200,
      ts_other_site: 200,
      responsable_other_site: 200,
      admin: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/waiting-time',
    allow: {
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      responsable: 200,
      ts_other_site: 200,
      responsable_other_site: 200,
      admin: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/teams',
    allow: { responsable: 200, responsable_other_site: 200, admin: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/statistics/my-activity',
    allow: { referent: 200, ts_same_team: 200, ts_other_team: 200, ts_other_site: 200, anonymous: 401 },
    otherwise: 404,
  },
  { route: 'GET /api/statistics/report.pdf', allow: { responsable: 200, admin: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/dpo/accounts', allow: { dpo: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/admin/registre', allow: { admin: 200, dpo: 200, anonymous: 401 }, otherwise: 404 },
  {
    route: 'GET /api/usagers/:id/sections',
    allow: { break_glass: 200, referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/sections/:section/open',
    allow: { referent: 201, ts_same_team: 201, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/usagers/:id/sections/:section',
    allow: { break_glass: 200, referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'PUT /api/usagers/:id/sections/:section',
    allow: { referent: 409, ts_same_team: 409, anonymous: 401 },
    otherwise: 404,
  },
  { route: 'PUT /api/admin/sites/:id/profile', allow: { admin: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'POST /api/auth/totp/enrolment', allow: { admin: 409, dpo: 409, anonymous: 401 }, otherwise: 200 },
  { route: 'POST /api/auth/totp/confirm', allow: { admin: 409, dpo: 409, anonymous: 401 }, otherwise: 422 },
  { route: 'POST /api/auth/totp/disable', allow: { admin: 403, dpo: 403, anonymous: 401 }, otherwise: 422 },
  { route: 'POST /api/admin/users/:id/totp/reset', allow: { admin: 409, anonymous: 401 }, otherwise: 403 },
  {
    route: 'POST /api/usagers/:id/break-glass',
    allow: {
      break_glass: 409,
      referent: 409,
      ts_same_team: 409,
      ts_other_team: 201,
      secretaire: 403,
      responsable: 201,
      ts_other_site: 201,
      responsable_other_site: 201,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'GET /api/break-glass',
    allow: { responsable: 200, responsable_other_site: 200, dpo: 200, anonymous: 401 },
    otherwise: 404,
  },
  { route: 'POST /api/break-glass/:id/review', allow: { responsable: 200, dpo: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/notifications', allow: { anonymous: 401 }, otherwise: 200 },
  {
    route: 'POST /api/notifications/:id/read',
    allow: { co_referent: 404, referent: 204, anonymous: 401 },
    otherwise: 404,
  },
  // The person's right of access (docs/security.md, "Demandes d’accès (Access requests)"): a référent prints what the référent reads;
  // the request is recorded by the référent, the site's responsable or the DPO; the whole file is the DPO's.
  {
    route: 'GET /api/usagers/:id/access-export',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/access-requests',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 201,
      dpo: 201,
      anonymous: 401,
    },
    otherwise: 404,
  },
  { route: 'GET /api/dpo/access-requests', allow: { dpo: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/dpo/access-requests/:id/export', allow: { dpo: 200, anonymous: 401 }, otherwise: 403 },
  { route: 'GET /api/auth/oidc', allow: {}, otherwise: 200 },
  {
    route: 'GET /api/usagers/:id/shares',
    allow: { break_glass: 200, referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/shares',
    allow: { referent: 201, ts_same_team: 201, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/usagers/:id/shares/:shareId/extract.pdf',
    allow: { break_glass: 200, referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/consents',
    allow: { referent: 201, ts_same_team: 201, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/consents/:consentId/withdraw',
    allow: { referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/retention/upcoming',
    allow: { referent: 200, ts_same_team: 200, ts_other_team: 200, ts_other_site: 200, anonymous: 401 },
    otherwise: 404,
  },
  { route: 'POST /api/usagers/:id/retention', allow: { referent: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/retention/runs', allow: { dpo: 200, anonymous: 401 }, otherwise: 404 },
  { route: 'POST /api/retention/archive/:id/read', allow: { anonymous: 401 }, otherwise: 404 },
  { route: 'GET /api/auth/oidc/start', allow: {}, otherwise: 404 },
  { route: 'GET /api/auth/oidc/callback', allow: {}, otherwise: 404 },
  {
    route: 'GET /api/usagers/:id/history',
    allow: { break_glass: 200, referent: 200, ts_same_team: 200, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'GET /api/usagers/:id/restrictions',
    allow: {
      break_glass: 200,
      referent: 200,
      ts_same_team: 200,
      ts_other_team: 200,
      secretaire: 200,
      responsable: 200,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/restrictions',
    allow: {
      break_glass: 403,
      referent: 201,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/usagers/:id/restrictions/:restrictionId/lift',
    allow: {
      break_glass: 403,
      referent: 200,
      ts_same_team: 403,
      ts_other_team: 403,
      secretaire: 403,
      responsable: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  // The reception list of a site (docs/api.md, "Accueil"): its secretaries and social workers only.
  {
    route: 'GET /api/accueil',
    allow: { responsable: 403, responsable_other_site: 403, admin: 403, dpo: 403, anonymous: 401 },
    otherwise: 200,
  },
  {
    route: 'POST /api/usagers/:id/accueil',
    allow: { referent: 201, ts_same_team: 201, ts_other_team: 201, secretaire: 201, responsable: 403, anonymous: 401 },
    otherwise: 404,
  },
  {
    route: 'POST /api/accueil/:visitId/seen',
    allow: {
      referent: 204,
      ts_same_team: 204,
      ts_other_team: 204,
      secretaire: 204,
      responsable: 403,
      responsable_other_site: 403,
      admin: 403,
      dpo: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
  {
    route: 'POST /api/accueil/:visitId/record',
    allow: {
      referent: 201,
      ts_same_team: 201,
      ts_other_team: 403, // the journal's own rule: no entry in a file of another team
      secretaire: 201,
      responsable: 403,
      responsable_other_site: 403,
      admin: 403,
      dpo: 403,
      anonymous: 401,
    },
    otherwise: 404,
  },
];

const likeOf = (caller: AccessCaller): AccessCaller | undefined => {
  const c = ACCESS_CALLERS[caller];
  return 'like' in c ? c.like : undefined;
};

export const statusFor = (r: RouteAccess, caller: AccessCaller): number => {
  const like = likeOf(caller);
  return r.allow[caller] ?? (like ? statusFor(r, like) : r.otherwise);
};

/** The part of the file a caller is shown, following `like` as the statuses do. */
export const partFor = (r: RouteAccess, caller: AccessCaller): 'full' | 'general' | undefined => {
  const like = likeOf(caller);
  return r.parts?.[caller] ?? (like && statusFor(r, caller) === statusFor(r, like) ? partFor(r, like) : undefined);
};
