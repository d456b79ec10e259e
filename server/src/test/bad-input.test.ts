import { randomUUID } from 'node:crypto';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSession } from '../auth/sessions.js';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session, type TestUser } from './factories.js';

/**
 * Every API route against malformed input, as a user allowed to use it: the answer is always a 4xx with
 * `{error:{code,message}}` (stable code, French message, no stack trace), and a refused request writes nothing.
 */

type Who = 'ts' | 'admin' | 'dpo' | 'anon';
type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Real ids: `:id` is the file, site, team or user depending on the route; other parameters by their name. */
interface Ids { breakGlass: string; notification: string; file: string; memberId: string; site: string; team: string; user: string; entryId: string; code: string; partner: string; section: string; shareId: string; consentId: string; restrictionId: string }
interface Spec {
  who: Who;
  /** A body the route accepts, or refuses for a business reason only (see `baseline`). */
  body?: (ids: Ids) => Record<string, unknown>;
  /** Status of that body: 2xx unless the route must refuse it (wrong password, set-up done…). */
  baseline?: number;
  /** Leaves whose malformed values are still well-formed and so reach the business check. */
  businessLeaves?: Record<string, number>;
  /** The query a GET needs to be valid. */
  query?: string;
}

const SPECS: Record<string, Spec> = {
  'GET /api/health': { who: 'anon' },
  'GET /api/setup': { who: 'anon' },
  'POST /api/setup': {
    who: 'anon', baseline: 409,
    body: () => ({ email: 'deuxieme.admin@test.jalon.local', displayName: 'Admin', password: 'un-mot-de-passe-long' }),
  },
  'POST /api/auth/login': {
    who: 'anon', baseline: 401, businessLeaves: { password: 401 },
    body: () => ({ email: 'personne@test.jalon.local', password: 'mauvais-mot-de-passe' }),
  },
  'POST /api/auth/logout': { who: 'ts' },
  'GET /api/auth/me': { who: 'ts' },
  'POST /api/auth/password': {
    who: 'ts', baseline: 422, businessLeaves: { currentPassword: 422 },
    body: () => ({ currentPassword: 'pas-le-mot-de-passe-actuel', newPassword: 'un-nouveau-mot-de-passe' }),
  },
  'GET /api/usagers/search': { who: 'ts' },
  'GET /api/usagers/mine': { who: 'ts' },
  'GET /api/usagers/team': { who: 'ts' },
  'POST /api/usagers': {
    who: 'ts',
    body: (i) => ({
      ...minimalUsager(), usedName: 'Martin', sex: 'F', birthPlace: 'Lyon', phone: '01 23 45 67 89', email: 'camille@example.fr',
      addressLine: '3 rue de la Paix', postalCode: '75018', city: 'Paris', domiciliation: false, cafNumber: '1234567',
      nationality: 'F', employmentStatus: '12', housingStatus: 'NR', teamId: i.team,
    }),
  },
  'GET /api/usagers/:id': { who: 'ts' },
  'PATCH /api/usagers/:id': {
    who: 'ts',
    body: () => ({
      identity: { birthName: 'Dupont', firstNames: 'Camille', birthDate: '1985-04-12', sex: 'M' },
      contact: { phone: '0102030405', domiciliation: true, city: 'Paris' },
      identifiers: { franceTravailId: 'AB12345' },
      situation: { maritalStatus: 'NR' },
      household: { familyType: 'NR' },
    }),
  },
  'POST /api/usagers/:id/members': {
    who: 'ts',
    body: () => ({ person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02', sex: 'F' }, relationship: '3', startDate: '2020-02-02', reason: 'naissance' }),
  },
  'PATCH /api/usagers/:id/members/:memberId': { who: 'ts', body: () => ({ endDate: '2026-01-01', reason: 'depart' }) },
  'PUT /api/usagers/:id/referents': { who: 'ts', body: () => ({ referentId: users.ts.id, coReferentIds: [users.ts2.id] }) },
  'GET /api/usagers/:id/consultations': { who: 'ts' },
  'GET /api/site/teams': { who: 'ts' },
  'GET /api/site/workers': { who: 'ts' },
  'GET /api/admin/sites': { who: 'admin' },
  'POST /api/admin/sites': { who: 'admin', body: () => ({ code: `s-${randomUUID().slice(0, 8)}`, name: 'EPS Nouveau', kind: 'EPS', arrondissements: [11, 12] }) },
  'PATCH /api/admin/sites/:id': { who: 'admin', body: () => ({ name: 'EPS renommé', kind: 'PSA', arrondissements: [18] }) },
  'GET /api/admin/teams': { who: 'admin' },
  'POST /api/admin/teams': { who: 'admin', body: (i) => ({ siteId: i.site, name: `Équipe ${randomUUID().slice(0, 8)}` }) },
  'PATCH /api/admin/teams/:id': { who: 'admin', body: () => ({ name: `Équipe ${randomUUID().slice(0, 8)}` }) },
  'GET /api/admin/users': { who: 'admin' },
  'POST /api/admin/users': {
    who: 'admin',
    body: (i) => ({ email: `n-${randomUUID().slice(0, 8)}@test.jalon.local`, displayName: 'Nouvel agent', role: 'secretaire', siteId: i.site, teamIds: [i.team], password: 'un-mot-de-passe-long' }),
  },
  'PATCH /api/admin/users/:id': { who: 'admin', body: (i) => ({ displayName: 'Agent renommé', teamIds: [i.team], active: true }) },
  'GET /api/statistics/scope': { who: 'ts' },
  'GET /api/statistics/table': { who: 'ts', query: '?indicator=sexe' },
  'GET /api/statistics/table.csv': { who: 'ts', query: '?indicator=entreesParType' },
  'GET /api/statistics/waiting-time': { who: 'ts' },
  'GET /api/statistics/teams': { who: 'admin' },
  'GET /api/statistics/my-activity': { who: 'ts' },
  'GET /api/statistics/report.pdf': { who: 'admin', query: '?siteId=:site&year=2026' },
  'GET /api/dpo/audit-events': { who: 'dpo' },
  'GET /api/dpo/access-events': { who: 'dpo' },
  'GET /api/dpo/accounts': { who: 'dpo' },
  'GET /api/admin/registre': { who: 'admin', query: '?format=pdf' },
  // Sensitive sections: the baseline opens santé, then fills it at version 0 (routes run in registration order).
  'GET /api/usagers/:id/sections': { who: 'ts' },
  'POST /api/usagers/:id/sections/:section/open': { who: 'ts', body: () => ({ reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' }) },
  'GET /api/usagers/:id/sections/:section': { who: 'ts' },
  'PUT /api/usagers/:id/sections/:section': {
    who: 'ts', baseline: 200,
    body: () => ({ version: 0, data: { healthCoverage: 'puma_css', gp: { declared: true, name: 'Dr Martin' }, disability: { recognised: true, startDate: '2024-01-01', endDate: '2029-01-01' } } }),
  },
  'PUT /api/admin/sites/:id/profile': { who: 'admin', body: () => ({ profile: 'etendu' }) },
  'GET /api/usagers/:id/journal': { who: 'ts' },
  'POST /api/usagers/:id/journal': {
    who: 'ts',
    body: () => ({
      type: 'entretien_bureau', occurredAt: '2026-11-20T10:00:00+01:00', durationMinutes: 45, place: 'bureau', motifs: ['logement'],
      note: 'Point sur les démarches de logement.', visibility: 'referents',
    }),
  },
  'PATCH /api/usagers/:id/journal/:entryId': { who: 'ts', baseline: 204, body: () => ({ version: 0, durationMinutes: 30, note: 'Rendez-vous confirmé.' }) },
  'POST /api/usagers/:id/journal/:entryId/delete': { who: 'ts', baseline: 204, body: () => ({ reason: 'Saisie en double' }) },
  'PUT /api/usagers/:id/journal/:entryId/status': { who: 'ts', baseline: 204, body: () => ({ status: 'honore' }) },
  'GET /api/agenda': { who: 'ts', query: '?from=2026-11-23&to=2026-11-30' },
  'GET /api/todo': { who: 'ts' },
  'GET /api/motifs': { who: 'ts' },
  'POST /api/admin/motifs': { who: 'admin', body: () => ({ code: `m_${randomUUID().slice(0, 8)}`, label: 'Motif de test', active: true }) },
  'PATCH /api/admin/motifs/:code': { who: 'admin', body: () => ({ label: 'Logement, hébergement', active: true }) },
  'GET /api/partners': { who: 'ts' },
  'POST /api/admin/partners': { who: 'admin', body: () => ({ name: 'CCAS du 18e', kind: 'CCAS', address: '1 place Jules Joffrin', phone: '01 53 41 18 18', active: true }) },
  'PATCH /api/admin/partners/:id': { who: 'admin', body: () => ({ name: 'CCAS du 18e arrondissement', active: true }) },
  // Second factor: `ts` has not started an enrolment (409 on confirm); `:id` of the reset is a user without a factor.
  'POST /api/auth/totp/enrolment': { who: 'ts' },
  'POST /api/auth/totp/confirm': { who: 'ts', baseline: 409, body: () => ({ code: '123456' }) },
  'POST /api/auth/totp/disable': { who: 'ts', baseline: 422, businessLeaves: { password: 422 }, body: () => ({ password: 'pas-le-mot-de-passe' }) },
  'POST /api/admin/users/:id/totp/reset': { who: 'admin' },
  // OpenID Connect is not configured here: the flow answers 404 (configured, its bad input is in auth/oidc.test.ts).
  'GET /api/auth/oidc': { who: 'anon' },
  'GET /api/auth/oidc/start': { who: 'anon' },
  'GET /api/auth/oidc/callback': { who: 'anon' },
  // Partage and consents (issue 5).
  'GET /api/usagers/:id/shares': { who: 'ts' },
  'POST /api/usagers/:id/shares': {
    who: 'ts', baseline: 201,
    body: () => ({
      recipientName: 'Mme Durand', recipientOrganisation: 'CMP Paris 18e', legalGround: 'casf_l121_6_2', sections: ['identity', 'situation'],
      sharedDate: '2026-11-20', personInformed: false, notInformedReason: 'Contraire à l’intérêt de l’enfant',
    }),
  },
  'GET /api/usagers/:id/shares/:shareId/extract.pdf': { who: 'ts' },
  'POST /api/usagers/:id/consents': { who: 'ts', baseline: 201, body: () => ({ purpose: 'Demande de logement', recipient: 'Bailleur social', givenDate: '2026-10-01' }) },
  'POST /api/usagers/:id/consents/:consentId/withdraw': { who: 'ts', baseline: 200, body: () => ({ withdrawnDate: '2026-11-01' }) },
  // Retention (issue 5). The archive read answers 404 on an active file: its bad input is still refused first.
  'GET /api/retention/upcoming': { who: 'ts' },
  'POST /api/usagers/:id/retention': { who: 'ts', baseline: 200, body: () => ({ kind: 'prolongation', untilDate: '2027-06-30', reason: 'procedure_en_cours', note: 'Recours en cours' }) },
  'GET /api/retention/runs': { who: 'dpo' },
  'POST /api/retention/archive/:id/read': { who: 'dpo', baseline: 404, body: () => ({ reason: 'preuve', note: 'Demande du tribunal' }) },
  // Motivated access (issue 5): `ts` is the file's référent, so asking again is refused (409) after validation.
  'POST /api/usagers/:id/break-glass': {
    who: 'ts', baseline: 409, body: () => ({ reason: 'remplacement', justification: 'Remplacement de la collègue absente' }),
  },
  'GET /api/break-glass': { who: 'dpo', query: '?status=pending' },
  // Reviewed once in beforeAll: a well-formed review is refused (409) after validation, so every run writes nothing.
  'POST /api/break-glass/:id/review': { who: 'dpo', baseline: 409, body: () => ({ comment: 'Motif vérifié' }) },
  'GET /api/notifications': { who: 'ts' },
  'POST /api/notifications/:id/read': { who: 'ts', baseline: 204 },
  'GET /api/usagers/:id/access-export': { who: 'ts', query: '?format=json' },
  // The usager's rights (issue 5): the file carries an active opposition and a lifted limitation (beforeAll), so both
  // well-formed writes are refused (409) after validation and every run writes nothing.
  'GET /api/usagers/:id/history': { who: 'ts' },
  'GET /api/usagers/:id/restrictions': { who: 'ts' },
  'POST /api/usagers/:id/restrictions': { who: 'ts', baseline: 409, body: () => ({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' }) },
  'POST /api/usagers/:id/restrictions/:restrictionId/lift': { who: 'ts', baseline: 409, body: () => ({ endDate: '2026-11-20' }) },
};

const TABLES = ['break_glass_access', 'notification', 'audit_event', 'case_file', 'person', 'household_member', 'app_user', 'site', 'team', 'journal_entry', 'motif', 'partner', 'case_file_section', 'file_share', 'consent', 'file_restriction'] as const;
const KNOWN_CODES = [
  'invalid_json', 'validation_error', 'body_too_large', 'unsupported_media_type', 'invalid_content_length', 'bad_url',
  'url_too_long', 'bad_request', 'unauthenticated', 'invalid_credentials', 'account_locked', 'csrf_invalid', 'forbidden', 'not_found',
  'setup_done', 'version_conflict', 'already_exists', 'wrong_password', 'same_password', 'already_left', 'already_member',
  'end_before_start', 'invalid_referent', 'invalid_site', 'invalid_team', 'member_required', 'no_site_for_role', 'principal_person', 'site_required',
  'invalid_motif', 'invalid_partner', 'invalid_person', 'invalid_range', 'invalid_worker', 'not_appointment', 'note_flagged', 'note_not_allowed',
  'partner_required', 'worker_required',
  'invalid_consent', 'invalid_hold_date',
  'already_authorized', 'already_reviewed',
  'password_too_common', 'too_many_attempts', 'totp_required', 'invalid_totp_code', 'totp_enrolment_required', 'totp_already_enabled',
  'totp_no_enrolment', 'totp_not_enabled', 'oidc_disabled',
  'invalid_period', 'invalid_filter', 'filter_too_fine', 'grouping_refused', 'table_too_large',
  'section_not_in_profile', 'section_already_open', 'section_closed', 'field_not_in_profile',
  'restriction_active', 'restriction_lifted', 'invalid_end_date', 'file_limited',
];
const ENGLISH = /\b(the|is|are|invalid|expected|received|must|should|required|error|bad request|not found|unexpected|too (big|small|long|large)|unsupported|failed|body)\b/i;
const FRENCH = /[àâçéèêëîïôûùüœ’°]| : |\b(le|la|les|des|du|de|une?|au|aux|est|et|ou|en|sur|pour|par|oui|non|pas|invalide|introuvable|obligatoire|trop|adresse|valeur|saisissez|attendu|motif|mot)\b/i;
const STACK = /\n\s+at |\bat [\w$.<>]+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|\bError:|FST_ERR|SQLSTATE|"stack"|statusCode/;

const nest = (depth: number): unknown => {
  let v: unknown = 'fond';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
const DEEP = nest(1000);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const STRING_VARIANTS: unknown[] = [12345, true, {}, [], DEEP, 'x'.repeat(100_000), 'ab\u0000cd', 'ab\u001bcd', 'ab\u007fcd', 'ab\u0085cd'];
const NUMBER_VARIANTS: unknown[] = ['12', -1, 1.5, 1e300, true, DEEP];
const BOOLEAN_VARIANTS: unknown[] = ['true', 1, null, DEEP];
const DATE_VARIANTS = ['2024-02-30', '2023-02-29', '31/12/2020', '2020-13-01', '2020-1-1', '0000-01-01', '1899-12-31', '9999-12-31', '2024-02-30T00:00:00Z', ''];
const PAST_DATE_VARIANTS = [...DATE_VARIANTS, tomorrow];
const DATETIME_VARIANTS = ['2024-02-30T10:00:00+01:00', '2026-11-20T25:00:00Z', '2026-11-20 10:00', '2026-11-20T10:00:00', '0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z', ''];

/** Time limit of the long tests (2 to 8 s each on an idle machine), with room for a loaded CI. */
const HEAVY = 90_000;

type Path = (string | number)[];
const leaves = (v: unknown, path: Path = []): { path: Path; value: unknown }[] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
};
const setAt = (body: Record<string, unknown>, path: Path, value: unknown) => {
  const copy = structuredClone(body);
  let o = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1] as string | number] = value;
  return copy;
};
const variantsOf = (path: Path, value: unknown): unknown[] => {
  const key = String(path.filter((p) => typeof p === 'string').at(-1));
  if (typeof value === 'number') return NUMBER_VARIANTS;
  if (typeof value === 'boolean') return BOOLEAN_VARIANTS;
  if (key === 'birthDate') return [...STRING_VARIANTS, ...PAST_DATE_VARIANTS];
  if (key.endsWith('Date')) return [...STRING_VARIANTS, ...DATE_VARIANTS];
  if (key.endsWith('At')) return [...STRING_VARIANTS, ...DATETIME_VARIANTS];
  return STRING_VARIANTS;
};
const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
};

let t: TestApp;
let users: Record<'ts' | 'ts2' | 'admin' | 'dpo' | 'victim', TestUser>;
let sessions: Record<Exclude<Who, 'anon'>, Session>;
let ids: Ids;

const fill = (url: string, over: Partial<Ids> = {}) => {
  const i: Record<string, string> = { ...ids, ...over };
  const byPrefix: [string, string | undefined][] = [['/api/admin/sites', i.site], ['/api/admin/teams', i.team], ['/api/admin/users', i.user], ['/api/admin/partners', i.partner], ['/api/break-glass', i.breakGlass], ['/api/notifications', i.notification]];
  const id = byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? i.file;
  return url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : i[name]) ?? `:${name}`);
};

const headersOf = (who: Who, method: string): Record<string, string> => {
  if (who === 'anon') return {};
  const s = sessions[who];
  return method === 'GET' ? { ...s.get } : { ...s.send };
};

const counts = async () => {
  const r = await sql<Record<string, number>>`select ${sql.join(
    TABLES.map((tb) => sql`(select count(*)::int from ${sql.table(tb)}) as ${sql.ref(tb)}`),
  )}`.execute(t.db);
  return r.rows[0] as Record<(typeof TABLES)[number], number>;
};

const expectFrench = (text: unknown, label: string) => {
  expect(typeof text, label).toBe('string');
  expect((text as string).trim().length, label).toBeGreaterThan(3);
  expect(text, label).toMatch(FRENCH);
  // What the caller typed and the message quotes back ("is", « userId ») is theirs, not our wording.
  expect((text as string).replace(/"[^"]*"|« [^»]* »|«[^»]*»/g, '""'), label).not.toMatch(ENGLISH);
};

/** A 4xx with the documented error body: stable code, French message and field messages, no internals. */
const expectCleanError = (res: LightMyRequestResponse, label: string) => {
  expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBeGreaterThanOrEqual(400);
  expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
  expect(res.headers['content-type'], label).toMatch(/^application\/json/);
  expect(res.body, label).not.toMatch(STACK);
  const body = res.json() as { error: { code: string; message: string; fields?: Record<string, string> } };
  expect(Object.keys(body), label).toEqual(['error']);
  const { code, message, fields, ...rest } = body.error;
  expect(rest, label).toEqual({});
  expect(code, label).toMatch(/^[a-z]+(_[a-z]+)*$/);
  expect(KNOWN_CODES, `${label}: unknown code ${code}`).toContain(code);
  expectFrench(message, `${label} (message)`);
  if (fields !== undefined) for (const [k, m] of Object.entries(fields)) expectFrench(m, `${label} (field ${k})`);
  return body.error;
};

let failedLogins = 0;
/** Sends a request that must be refused with the error body; what it wrote is checked by `writesNothing`. */
const expectRefused = async (label: string, opts: InjectOptions, expected?: number | number[]) => {
  const res = await t.app.inject(opts);
  const err = expectCleanError(res, label);
  if (expected !== undefined) expect([expected].flat(), `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  if (opts.url === '/api/auth/login' && res.statusCode === 401) failedLogins++;
  return { res, err };
};

/** Runs a batch of requests that must all be refused: together they write nothing (a failed login logs one row). */
const writesNothing = async (label: string, batch: () => Promise<void>) => {
  const before = await counts();
  failedLogins = 0;
  await batch();
  expect(await counts(), `${label}: a refused request wrote something`).toEqual({ ...before, audit_event: before.audit_event + failedLogins });
};

/** The routes that have a spec (a route without one fails the first test, not every loop). */
const routes = () => t.app.apiRoutes.filter((r) => SPECS[`${r.method} ${r.url}`]);
const mutating = () => routes().filter((r) => r.method !== 'GET');
const specOf = (r: { method: string; url: string }) => SPECS[`${r.method} ${r.url}`] as Spec;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  users = {
    ts: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    ts2: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    admin: await buildUser(t.db, 'admin_fonctionnel', null),
    dpo: await buildUser(t.db, 'dpo', null),
    victim: await buildUser(t.db, 'secretaire', site.id),
  };
  sessions = { ts: await loginAs(t.app, users.ts), admin: await loginAs(t.app, users.admin), dpo: await loginAs(t.app, users.dpo) };
  const file = await createUsagerAs(t.app, sessions.ts);
  const added = await t.app.inject({
    method: 'POST', url: `/api/usagers/${file.id}/members`, headers: sessions.ts.send,
    payload: { person: { birthName: 'Membre', firstNames: 'Alex', birthDate: '2001-01-01' }, relationship: '7', startDate: '2024-01-01' },
  });
  const member = added.json().data.full.household.members.find((m: { relationship: { code: string } }) => m.relationship.code === '7');
  // An appointment of the file (its status can be set) and a partner, for the journal and catalogue routes.
  const entry = await t.app.inject({
    method: 'POST', url: `/api/usagers/${file.id}/journal`, headers: sessions.ts.send,
    payload: { type: 'rendez_vous', occurredAt: '2026-11-24T10:00:00Z', durationMinutes: 30, place: 'bureau' },
  });
  const partner = await t.app.inject({ method: 'POST', url: '/api/admin/partners', headers: sessions.admin.send, payload: { name: 'Partenaire', kind: 'CCAS' } });
  ids = {
    breakGlass: '', notification: '', file: file.id, memberId: member.memberId, site: site.id, team: site.teamB, user: users.victim.id,
    entryId: entry.json().id, code: 'logement', partner: partner.json().id, section: 'sante', shareId: '', consentId: '', restrictionId: '',
  };
  const shared = await t.app.inject({
    method: 'POST', url: `/api/usagers/${file.id}/shares`, headers: sessions.ts.send,
    payload: { recipientOrganisation: 'CMP Paris 18e', legalGround: 'casf_l121_6_2', sections: ['identity'], sharedDate: '2026-11-20', personInformed: true },
  });
  const consent = await t.app.inject({
    method: 'POST', url: `/api/usagers/${file.id}/consents`, headers: sessions.ts.send, payload: { purpose: 'Aide', recipient: 'CCAS', givenDate: '2026-10-01' },
  });
  ids.shareId = shared.json().id;
  ids.consentId = consent.json().id;
  // An active opposition (recording another is refused, 409) and a lifted limitation (lifting again is refused, 409).
  const rs = (payload: object) => t.app.inject({ method: 'POST', url: `/api/usagers/${file.id}/restrictions`, headers: sessions.ts.send, payload });
  await rs({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' });
  ids.restrictionId = (await rs({ kind: 'limitation', startDate: '2026-11-01', reason: 'Contestation' })).json().id;
  await t.app.inject({ method: 'POST', url: `/api/usagers/${file.id}/restrictions/${ids.restrictionId}/lift`, headers: sessions.ts.send, payload: { endDate: '2026-11-02' } });
});
// A motivated access to the file by a worker of another site: a grant to review and a notification of `ts` to read.
beforeAll(async () => {
  const other = await buildSite(t.db);
  const outsider = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]));
  const grant = await t.app.inject({
    method: 'POST', url: `/api/usagers/${ids.file}/break-glass`, headers: outsider.send,
    payload: { reason: 'accueil_sans_rdv', justification: 'Accueil sans rendez-vous au site' },
  });
  ids.breakGlass = grant.json().id;
  await t.app.inject({ method: 'POST', url: `/api/break-glass/${ids.breakGlass}/review`, headers: sessions.dpo.send, payload: { comment: 'Première revue' } });
  ids.notification = (await t.db.selectFrom('notification').select('id').where('user_id', '=', users.ts.id).executeTakeFirstOrThrow()).id;
});
afterAll(() => t.close());

describe('bad input on every route', () => {
  it('every API route has a spec here', () => {
    expect(t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((k) => !SPECS[k])).toEqual([]);
  });

  it('malformed bodies: invalid JSON, empty, array, null, scalars, prototype keys, depth 1000, unknown fields, > 1 MB, wrong content type', async () => {
    const RAW: { name: string; payload: string | Buffer; type?: string; status: number; code?: string }[] = [
      { name: 'truncated JSON', payload: '{"birthName": "Dupont",', status: 400, code: 'invalid_json' },
      { name: 'single quotes', payload: "{'birthName': 'Dupont'}", status: 400, code: 'invalid_json' },
      { name: 'trailing comma', payload: '{"a": 1,}', status: 400, code: 'invalid_json' },
      { name: 'NaN', payload: 'NaN', status: 400, code: 'invalid_json' },
      { name: 'empty body', payload: '', status: 400, code: 'invalid_json' },
      { name: 'blank body', payload: '  \n ', status: 400, code: 'invalid_json' },
      { name: 'prototype pollution', payload: '{"__proto__": {"role": "admin_fonctionnel"}}', status: 400, code: 'invalid_json' },
      { name: 'constructor pollution', payload: '{"constructor": {"prototype": {"role": "admin_fonctionnel"}}}', status: 400 },
      { name: 'array', payload: '[]', status: 400, code: 'validation_error' },
      { name: 'array of objects', payload: '[{"birthName": "Dupont"}]', status: 400, code: 'validation_error' },
      { name: 'null', payload: 'null', status: 400, code: 'validation_error' },
      { name: 'number', payload: '42', status: 400, code: 'validation_error' },
      { name: 'string', payload: '"Dupont"', status: 400, code: 'validation_error' },
      { name: 'boolean', payload: 'true', status: 400, code: 'validation_error' },
      { name: 'object nested 1000 deep', payload: JSON.stringify(DEEP), status: 400, code: 'validation_error' },
      { name: 'array nested 1000 deep', payload: `${'['.repeat(1000)}${']'.repeat(1000)}`, status: 400, code: 'validation_error' },
      { name: 'unknown fields only', payload: JSON.stringify({ champInconnu: 'x', $where: '1', role: 'admin_fonctionnel' }), status: 400, code: 'validation_error' },
      { name: 'invalid UTF-8 bytes', payload: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 400 },
      { name: 'over 1 MB', payload: JSON.stringify({ birthName: 'a'.repeat(1_100_000) }), status: 413, code: 'body_too_large' },
      { name: 'text/plain', payload: '{"birthName": "Dupont"}', type: 'text/plain', status: 415, code: 'unsupported_media_type' },
      { name: 'form', payload: 'birthName=Dupont', type: 'application/x-www-form-urlencoded', status: 415, code: 'unsupported_media_type' },
      { name: 'xml', payload: '<usager/>', type: 'application/xml', status: 415, code: 'unsupported_media_type' },
      { name: 'multipart', payload: '--x\r\n\r\n--x--', type: 'multipart/form-data; boundary=x', status: 415, code: 'unsupported_media_type' },
    ];
    for (const r of mutating()) {
      if (r.url === '/api/auth/logout') continue; // has no body: see its own test
      const spec = specOf(r);
      await writesNothing(`${r.method} ${r.url}`, async () => {
        for (const raw of RAW) {
          const label = `${r.method} ${r.url} ${raw.name}`;
          const { err } = await expectRefused(
            label,
            { method: r.method as Method, url: fill(r.url), headers: { ...headersOf(spec.who, r.method), 'content-type': raw.type ?? 'application/json' }, payload: raw.payload },
            raw.status,
          );
          if (raw.code) expect(err.code, label).toBe(raw.code);
        }
      });
    }
  }, HEAVY);

  it('each field of each body: wrong types, 100,000 characters, control characters, depth 1000, impossible and future dates', async () => {
    for (const r of mutating()) {
      const spec = specOf(r);
      if (!spec.body) continue;
      const body = spec.body(ids);
      for (const { path, value } of leaves(body)) {
        const key = String(path.filter((p) => typeof p === 'string').at(-1));
        await writesNothing(`${r.method} ${r.url} ${path.join('.')}`, async () => {
          for (const bad of variantsOf(path, value)) {
            const label = `${r.method} ${r.url} ${path.join('.')}=${short(bad)}`;
            const business = spec.businessLeaves?.[key];
            const { err } = await expectRefused(
              label,
              { method: r.method as Method, url: fill(r.url), headers: headersOf(spec.who, r.method), payload: setAt(body, path, bad) },
              business && typeof bad === 'string' && bad.length < 200 ? [400, business] : 400,
            );
            if (err.code === 'validation_error' && path.length === 1) expect(Object.keys((err as { fields?: object }).fields ?? {}), label).toContain(key);
          }
        });
      }
    }
  }, HEAVY);

  it('strict bodies refuse a valid body with an unknown field added', () =>
    writesNothing('strict bodies', async () => {
      // These creation and auth schemas drop unknown fields instead (zod's default): a misspelt field is lost silently.
      const lenient: string[] = [];
      for (const r of mutating().filter((x) => specOf(x).body && !lenient.includes(`${x.method} ${x.url}`))) {
        const spec = specOf(r);
        await expectRefused(`${r.method} ${r.url}`, { method: r.method as Method, url: fill(r.url), headers: headersOf(spec.who, r.method), payload: { ...spec.body?.(ids), champInconnu: true } }, 400);
      }
      const file = `/api/usagers/${ids.file}`;
      await expectRefused('PATCH identity with an unknown field', { method: 'PATCH', url: file, headers: sessions.ts.send, payload: { identity: { nir: '1850475118012' } } }, 400);
    }));

  it('path ids: random uuids are 404, malformed ids 400, over-long ids 414, in the same French error body', async () => {
    const routesWithIds = routes().filter((r) => r.url.includes(':'));
    expect(routesWithIds.length).toBeGreaterThanOrEqual(8);
    const uuidParam: { id: string; status: number; code: string }[] = [
      { id: randomUUID(), status: 404, code: 'not_found' },
      { id: '00000000-0000-0000-0000-000000000000', status: 404, code: 'not_found' },
      { id: 'pas-un-uuid', status: 400, code: 'validation_error' },
      { id: '12345', status: 400, code: 'validation_error' },
      { id: encodeURIComponent("1' or '1'='1"), status: 400, code: 'validation_error' },
      { id: '%00', status: 400, code: 'validation_error' },
      { id: '..%2F..%2Fadmin', status: 400, code: 'validation_error' },
      { id: `${randomUUID()}%00`, status: 400, code: 'validation_error' },
      { id: '%E0%A4%A', status: 400, code: 'bad_url' },
      { id: 'a'.repeat(300), status: 414, code: 'url_too_long' },
    ];
    // A motif is named by a code (a-z, 0-9, _), not a uuid.
    const codeParam = [
      { id: 'motif_inconnu', status: 404, code: 'not_found' },
      { id: 'Logement', status: 400, code: 'validation_error' },
      { id: 'logement%00', status: 400, code: 'validation_error' },
      { id: 'x'.repeat(41), status: 400, code: 'validation_error' },
      { id: '%E0%A4%A', status: 400, code: 'bad_url' },
      { id: 'a'.repeat(300), status: 414, code: 'url_too_long' },
    ];
    for (const r of routesWithIds) {
      const spec = specOf(r);
      const params = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
      await writesNothing(`${r.method} ${r.url}`, async () => {
        for (const which of params) {
          for (const bad of which === 'code' || which === 'section' ? codeParam : uuidParam) {
            const over = which === 'id' ? { file: bad.id, site: bad.id, team: bad.id, user: bad.id, partner: bad.id, breakGlass: bad.id, notification: bad.id } : { [which]: bad.id };
            const label = `${r.method} ${r.url} ${which}=${bad.id.slice(0, 40)}`;
            const { err } = await expectRefused(
              label,
              { method: r.method as Method, url: fill(r.url, over), headers: headersOf(spec.who, r.method), payload: spec.body?.(ids) },
              bad.status,
            );
            expect(err.code, label).toBe(bad.code);
          }
        }
      });
    }
  });

  it('query strings: empty or malformed search, out-of-range pages and limits, NUL, over-long values', () =>
    writesNothing('query strings', async () => {
      const search = [
        '', '?q=', '?q=a', '?q=%20%20%20', `?q=${'a'.repeat(100_000)}`, '?q=ab%00cd', '?q=dupont%07', '?q=%1B%5B31m', '?q=ab%C2%85',
        '?q=dupont&page=-1', '?q=dupont&page=0', '?q=dupont&page=abc', '?q=dupont&page=1.5', '?q=dupont&page=1e400', '?q=dupont&page=99999',
        '?q=dupont&limit=10000', '?q=dupont&limit=0', '?q=dupont&limit=-5', '?q=dupont&limit=', '?q=ab&q=cd', '?q[]=dupont',
      ];
      for (const q of search) {
        const { err } = await expectRefused(`search ${q.slice(0, 60)}`, { method: 'GET', url: `/api/usagers/search${q}`, headers: sessions.ts.get }, 400);
        expect(err.code).toBe('validation_error');
      }
      const purpose = 'purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9';
      const dpo = [
        '', '?purpose=', '?purpose=court', `?purpose=${'x'.repeat(100_000)}`, '?purpose=Contr%C3%B4le%00%20de%20s%C3%A9curit%C3%A9',
        `?${purpose}&action=${'a'.repeat(100_000)}`, `?${purpose}&action=auth.login%00`, `?${purpose}&before=-1`, `?${purpose}&before=abc`,
        `?${purpose}&before=1e30`, `?${purpose}&before=99999999999999999999`, `?${purpose}&before=1.5`, `?${purpose}&purpose=deux%20fois%20le%20motif`,
        `?${purpose}&userId=abc`, `?${purpose}&caseFileId=${'a'.repeat(100_000)}`, `?${purpose}&from=2024-02-30`, `?${purpose}&from=2026-02-01&to=2026-01-01`,
        `?${purpose}&to=31/12/2026`, `?${purpose}&userId=${randomUUID()}&userId=${randomUUID()}`,
      ];
      for (const q of dpo) {
        for (const path of q.includes('action=') ? ['audit-events'] : ['audit-events', 'access-events']) {
          const { err } = await expectRefused(`dpo ${path} ${q.slice(0, 60)}`, { method: 'GET', url: `/api/dpo/${path}${q}`, headers: sessions.dpo.get }, 400);
          expect(err.code).toBe('validation_error');
        }
      }
      for (const q of [`?${purpose}&part=tout`, `?${purpose}&part=`]) {
        const { err } = await expectRefused(`dpo access ${q.slice(0, 60)}`, { method: 'GET', url: `/api/dpo/access-events${q}`, headers: sessions.dpo.get }, 400);
        expect(err.code).toBe('validation_error');
      }
      const timeline = [
        '?type=inconnu', '?motif=%00', `?motif=${'a'.repeat(100_000)}`, '?before=abc', `?before=2026-11-20T10:00:00Z|${'z'.repeat(36)}`,
        `?before=0000-01-01T00:00:00Z|${randomUUID()}`, `?before=9999-99-99T99:99:99Z|${randomUUID()}`, '?limit=0', '?limit=10000', '?limit=abc',
      ];
      for (const q of timeline) {
        await expectRefused(`timeline ${q.slice(0, 60)}`, { method: 'GET', url: `/api/usagers/${ids.file}/journal${q}`, headers: sessions.ts.get }, [400, 422]);
      }
      const agenda = [
        '', '?from=2026-11-23', '?from=2024-02-30&to=2024-03-01', '?from=31/12/2020&to=2021-01-01', '?from=0000-01-01&to=0000-01-02',
        '?from=2026-11-30&to=2026-11-23', '?from=2020-01-01&to=2026-01-01', '?from=2026-11-23&to=2026-11-30&workerId=abc',
        '?from=2026-11-23&to=2026-11-30&site=2', `?from=2026-11-23&to=2026-11-30&workerId=${'a'.repeat(100_000)}`,
      ];
      for (const q of agenda) {
        await expectRefused(`agenda ${q.slice(0, 60)}`, { method: 'GET', url: `/api/agenda${q}`, headers: sessions.ts.get }, [400, 422]);
      }
      // A malformed %-sequence is searched as typed, never a 5xx.
      for (const q of ['?q=%E0%A4%A', '?q=%', '?q=%%20dupont', '?q=dupont&page=1&page=2']) {
        const res = await t.app.inject({ method: 'GET', url: `/api/usagers/search${q}`, headers: sessions.ts.get });
        if (res.statusCode >= 400) expectCleanError(res, `search ${q}`);
        else expect(res.json(), q).toMatchObject({ results: expect.any(Array) });
      }
    }));

  it('junk query strings on the other GET routes are ignored (statistics: refused, no unknown filter passes)', async () => {
    const junk = '?q=%E0%A4%A&inconnu=-1&%00=%00&a[b]=c&__proto__=x&constructor=y';
    // The access export is a GET that writes its audit row by design (RGPD art. 15): its own tests check it.
    const ownTests = ['/api/usagers/search', '/api/dpo/audit-events', '/api/dpo/access-events', '/api/auth/oidc/start', '/api/auth/oidc/callback', '/api/usagers/:id/access-export'];
    for (const r of routes().filter((x) => x.method === 'GET' && !ownTests.includes(x.url))) {
      const spec = specOf(r);
      const before = await counts();
      const url = `${fill(r.url)}${spec.query ? `${fill(spec.query)}&${junk.slice(1)}` : junk}`;
      const res = await t.app.inject({ method: 'GET', url, headers: headersOf(spec.who, 'GET') });
      if (r.url.startsWith('/api/statistics/') && r.url !== '/api/statistics/scope') {
        expectCleanError(res, r.url);
        expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBeGreaterThanOrEqual(400);
        expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBeLessThan(500);
      } else expect(res.statusCode, `${r.url} ${res.body.slice(0, 200)}`).toBe(200);
      expect(await counts(), r.url).toEqual(before);
    }
  });

  it('statistics: malformed periods, places, indicators and groupings are refused in French', () =>
    writesNothing('statistics queries', async () => {
      const bad = [
        'indicator=', 'indicator=inconnu', 'indicator=sexe&from=2026-13', 'indicator=sexe&from=31/12/2025', 'indicator=sexe&from=2026-11&to=2026-01',
        'indicator=sexe&arrondissements=21', 'indicator=sexe&arrondissements=x', 'indicator=sexe&siteIds=pas-un-site', 'indicator=sexe&groupBy=userId',
        'indicator=sexe&groupBy=jour', 'indicator=sexe&category=%00', 'indicator=sexe&compare=2', `indicator=sexe&from=${'9'.repeat(5000)}`,
        'indicator=sexe&teamId=abc', 'indicator=sexe&indicator=sexe', 'indicator=sexe&groupBy=mois',
      ];
      for (const q of bad) await expectRefused(`statistics ${q.slice(0, 60)}`, { method: 'GET', url: `/api/statistics/table?${q}`, headers: sessions.ts.get }, [400, 404, 414, 422]);
      for (const q of ['', '?siteId=abc&year=2026', `?siteId=${randomUUID()}&year=abc`, `?siteId=${randomUUID()}&year=1999`])
        await expectRefused(`report ${q}`, { method: 'GET', url: `/api/statistics/report.pdf${q}`, headers: headersOf('admin', 'GET') }, [400, 404]);
    }));

  it('unknown routes and methods answer a French 404', () =>
    writesNothing('unknown routes', async () => {
      for (const [method, url] of [['GET', '/api/inexistant'], ['DELETE', `/api/usagers/${randomUUID()}`], ['POST', '/api/usagers/search'], ['PUT', '/api/admin/sites']] as const) {
        const { err } = await expectRefused(`${method} ${url}`, { method, url, headers: headersOf('admin', method), payload: method === 'GET' ? undefined : {} }, 404);
        expect(err.code).toBe('not_found');
      }
    }));

  it('logout ignores its body, but a malformed one is refused without ending the session', async () => {
    const s = await loginAs(t.app, users.ts2);
    await writesNothing('logout', async () => {
      for (const [payload, type, status] of [['{', 'application/json', 400], ['x'.repeat(1_100_000), 'application/json', 413], ['bye', 'text/plain', 415]] as const) {
        await expectRefused(`logout ${type} ${status}`, { method: 'POST', url: '/api/auth/logout', headers: { ...s.send, 'content-type': type }, payload }, status);
        expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: s.get })).statusCode).toBe(200);
      }
    });
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.send, payload: [1, { a: null }] });
    expect(out.statusCode).toBe(204);
  });

  it('the baseline bodies are accepted (so the refusals above come from the bad values)', async () => {
    const deletesLast = mutating().sort((a, b) => Number(a.url.endsWith('/delete')) - Number(b.url.endsWith('/delete')));
    for (const r of deletesLast) {
      const spec = specOf(r);
      if (!spec.body) continue;
      const res = await t.app.inject({ method: r.method as Method, url: fill(r.url), headers: headersOf(spec.who, r.method), payload: spec.body(ids) });
      if (spec.baseline && spec.baseline >= 400) expectCleanError(res, `${r.method} ${r.url}`);
      expect(res.statusCode, `${r.method} ${r.url} ${res.body.slice(0, 300)}`).toBe(spec.baseline ?? (r.method === 'POST' ? 201 : 200));
    }
  });
});

describe('random JSON values (fast-check)', () => {
  it('never a 5xx, always the error body, and nothing written when refused', async () => {
    for (const r of mutating()) {
      const spec = specOf(r);
      const keys = [...new Set(spec.body ? leaves(spec.body(ids)).flatMap((l) => l.path.filter((p): p is string => typeof p === 'string')) : [])];
      const value = fc.jsonValue({ maxDepth: 4, stringUnit: 'binary' });
      const shaped = keys.length
        ? fc.dictionary(fc.constantFrom(...keys, 'champInconnu'), fc.oneof(value, fc.dictionary(fc.constantFrom(...keys), value, { maxKeys: 4 })), { maxKeys: 6 })
        : value;
      // The counts after a run are the counts before the next one (an accepted request may write).
      let last = await counts();
      await fc.assert(
        fc.asyncProperty(fc.oneof(value, shaped), async (v) => {
          // Logout ends the session it is sent with: a fresh one each run (made directly, to skip argon2).
          const s = r.url === '/api/auth/logout' ? await createSession(t.db, users.ts2.id, t.clock.now()) : null;
          const res = await t.app.inject({
            method: r.method as Method, url: fill(r.url), payload: JSON.stringify(v),
            headers: { ...(s ? { cookie: `jalon_sid=${s.cookie}`, 'x-csrf-token': s.csrfToken } : headersOf(spec.who, r.method)), 'content-type': 'application/json' },
          });
          const before = last;
          last = await counts();
          const label = `${r.method} ${r.url} ${short(v)}`;
          expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode < 300) return;
          expectCleanError(res, label);
          const loginLogged = r.url === '/api/auth/login' && res.statusCode === 401 ? 1 : 0;
          expect(last, label).toEqual({ ...before, audit_event: before.audit_event + loginLogged });
        }),
        { numRuns: 25 },
      );
    }
  }, HEAVY);
});

describe('unicode names', () => {
  const NAMES = [
    { birthName: 'Éloïse', firstNames: 'Zoé 🌻', birthDate: '1991-01-01', search: ['eloise', 'ELOISE', 'Éloïse', 'éloise'] },
    { birthName: 'E\u0301loi\u0308se', firstNames: 'N\u0303u\u0301n\u0303ez', birthDate: '1991-01-02', search: ['eloise', 'Éloïse'] },
    { birthName: 'Nguyễn', firstNames: 'Thị Minh', birthDate: '1991-01-03', search: ['nguyen', 'Nguyen'] },
    { birthName: 'O’Brien-Ødegård', firstNames: '👩🏽‍⚕️', birthDate: '1991-01-04', search: ['obrien odegard', 'odegard'] },
    { birthName: 'Ben Saïd', firstNames: 'محمد\u200F', birthDate: '1991-01-05', search: ['ben said', 'BEN SAID'] },
    { birthName: 'כהן', firstNames: 'אבי', birthDate: '1991-01-06', search: [] },
  ];

  it('are stored and returned exactly, and found by an accent- and case-insensitive search', async () => {
    const s = sessions.ts;
    const created = new Map<string, (typeof NAMES)[number]>();
    for (const n of NAMES) {
      const { id } = await createUsagerAs(t.app, s, { birthName: n.birthName, firstNames: n.firstNames, birthDate: n.birthDate, usedName: n.firstNames });
      created.set(id, n);
      const got = (await t.app.inject({ method: 'GET', url: `/api/usagers/${id}`, headers: s.get })).json().data.person;
      expect([...got.birthName], n.birthName).toEqual([...n.birthName]);
      expect(got.firstNames).toBe(n.firstNames);
      expect(got.usedName).toBe(n.firstNames);
      const stored = await t.db.selectFrom('person as p').innerJoin('case_file as cf', 'cf.principal_person_id', 'p.id').select(['p.birth_name', 'p.first_names']).where('cf.id', '=', id).executeTakeFirstOrThrow();
      expect(stored).toEqual({ birth_name: n.birthName, first_names: n.firstNames });
    }
    for (const [id, n] of created) {
      for (const q of n.search) {
        const res = await t.app.inject({ method: 'GET', url: `/api/usagers/search?q=${encodeURIComponent(q)}`, headers: s.get });
        expect(res.statusCode, q).toBe(200);
        expect(res.json().results.map((x: { id: string }) => x.id), `${n.birthName} by "${q}"`).toContain(id);
      }
    }
    // Both spellings of Éloïse (precomposed and combining) are found by one search.
    const eloise = (await t.app.inject({ method: 'GET', url: '/api/usagers/search?q=eloise', headers: s.get })).json().results;
    expect(eloise.map((x: { birthDate: string }) => x.birthDate).sort()).toEqual(['1991-01-01', '1991-01-02']);
  });

  // Known bug (reported, not fixed here: modules/usagers/queries.ts and the jalon_normalize migration belong to
  // another change). jalon_normalize keeps [a-z0-9] only, so a name written only in Hebrew, Arabic, Cyrillic…
  // normalises to '' and refreshSearch stores no search row at all: the file cannot be found, even by its birth
  // date or file number. Remove `.fails` once fixed.
  it('a name in a non-Latin script only is found by its birth date and by its name', async () => {
    const { id, fileNumber } = await createUsagerAs(t.app, sessions.ts, { birthName: 'שפירא', firstNames: 'Ольга', birthDate: '1991-02-07' });
    for (const q of ['07/02/1991', fileNumber, 'שפירא', 'ольга']) {
      const res = await t.app.inject({ method: 'GET', url: `/api/usagers/search?q=${encodeURIComponent(q)}`, headers: sessions.ts.get });
      expect(res.json().results.map((x: { id: string }) => x.id), q).toContain(id);
    }
  });

  it('survive an update, a new household member and the admin pages unchanged', async () => {
    const { id } = await createUsagerAs(t.app, sessions.ts);
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/usagers/${id}`, headers: sessions.ts.send, payload: { identity: { birthName: 'Ñúñez 🌍', firstNames: 'إيمان' } } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().data.person).toMatchObject({ birthName: 'Ñúñez 🌍', firstNames: 'إيمان' });
    const found = (await t.app.inject({ method: 'GET', url: '/api/usagers/search?q=nunez', headers: sessions.ts.get })).json();
    expect(found.results.map((x: { id: string }) => x.id)).toContain(id);
    const member = await t.app.inject({
      method: 'POST', url: `/api/usagers/${id}/members`, headers: sessions.ts.send,
      payload: { person: { birthName: 'Ñúñez 🌍', firstNames: 'Ге́рман', birthDate: '2015-05-05' }, relationship: '3', startDate: '2015-05-05' },
    });
    expect(member.statusCode, member.body).toBe(201);
    expect(member.json().data.full.household.members.map((m: { firstNames: string }) => m.firstNames)).toContain('Ге́рман');
    const team = await t.app.inject({ method: 'POST', url: '/api/admin/teams', headers: sessions.admin.send, payload: { siteId: ids.site, name: 'Équipe 🌳 שלום' } });
    expect(team.statusCode, team.body).toBe(201);
    expect(team.json().name).toBe('Équipe 🌳 שלום');
  });

  it('names with NUL or other control characters are refused with 400 and a field message', async () => {
    const file = `/api/usagers/${ids.file}`;
    const cases: [string, Method, string, Session, Record<string, unknown>, string][] = [
      ['create', 'POST', '/api/usagers', sessions.ts, minimalUsager({ birthName: 'Élo\u0000ïse' }), 'birthName'],
      ['create first names', 'POST', '/api/usagers', sessions.ts, minimalUsager({ firstNames: 'Zoé\u0000' }), 'firstNames'],
      ['create used name C1', 'POST', '/api/usagers', sessions.ts, minimalUsager({ usedName: 'Martin\u0085' }), 'usedName'],
      ['update', 'PATCH', file, sessions.ts, { identity: { birthName: '\u0000Dupont' } }, 'identity.birthName'],
      ['member', 'POST', `${file}/members`, sessions.ts, { person: { birthName: 'Ab\u0000', firstNames: 'Lou', birthDate: '2020-02-02' }, relationship: '3', startDate: '2020-02-02' }, 'person.birthName'],
      ['site', 'POST', '/api/admin/sites', sessions.admin, { code: 'site-nul', name: 'EPS\u0000', kind: 'EPS' }, 'name'],
      ['team', 'POST', '/api/admin/teams', sessions.admin, { siteId: ids.site, name: 'Équipe\u0000' }, 'name'],
      ['user', 'PATCH', `/api/admin/users/${ids.user}`, sessions.admin, { displayName: 'Agent\u001b[31m' }, 'displayName'],
    ];
    await writesNothing('control characters in names', async () => {
      for (const [what, method, url, s, payload, field] of cases) {
        const { err } = await expectRefused(what, { method, url, headers: s.send, payload }, 400);
        expect(err.code, what).toBe('validation_error');
        expect((err as { fields?: Record<string, string> }).fields?.[field], what).toMatch(/caractères de contrôle/);
      }
    });
  });
});
