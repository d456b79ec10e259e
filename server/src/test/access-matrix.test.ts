import { ACCESS_CALLER_IDS, ACCESS_SPEC, PUBLIC_OR_SELF_ROUTES, statusFor, type AccessCaller, type Role } from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, minimalUsager, type Session, type TestUser } from './factories.js';

/**
 * The access table, through the real HTTP API: the tests are generated from the declarative spec in core
 * (core/src/policy/access-spec.ts: every route × caller → status, and the part of the file shown). This file only
 * knows how to call each route (CASES); a registered route without a spec entry, or a spec entry without a way to
 * call it, fails the suite.
 */

type Who = AccessCaller;

const WHO: Who[] = ACCESS_CALLER_IDS;

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT';
  route: string;
  url: (ctx: { fileId: string; memberId: string; entryId: string; partnerId: string; referentId: string; siteId: string; userId: string; teamId: string; share: Partage }) => string;
  body?: (ctx: { referentId: string; siteId: string; teamId: string }) => unknown;
}

const BREAK_GLASS = { reason: 'remplacement', justification: 'Remplacement de la collègue absente cette semaine' };
const SHARE = { recipientOrganisation: 'CMP Paris 18e', legalGround: 'casf_l121_6_2', sections: ['identity'], sharedDate: '2026-11-20', personInformed: true };
const CONSENT = { purpose: 'Demande de logement', recipient: 'Bailleur social', givenDate: '2026-10-01' };

/** How to call each route of the spec (its access expectations live in core/src/policy/access-spec.ts). */
const CASES: Case[] = [
  { method: 'GET', route: '/api/usagers/:id', url: (c) => `/api/usagers/${c.fileId}` },
  {
    method: 'PATCH', route: '/api/usagers/:id', url: (c) => `/api/usagers/${c.fileId}`,
    body: () => ({ contact: { phone: '01 23 45 67 89' } }),
  },
  {
    method: 'PATCH', route: '/api/usagers/:id#situation', url: (c) => `/api/usagers/${c.fileId}`,
    body: () => ({ situation: { employmentStatus: '12' } }),
  },
  {
    method: 'POST', route: '/api/usagers/:id/members', url: (c) => `/api/usagers/${c.fileId}/members`,
    body: () => ({ person: { birthName: 'Enfant', firstNames: 'Lou', birthDate: '2020-02-02' }, relationship: '3', startDate: '2020-02-02', reason: 'naissance' }),
  },
  {
    method: 'PATCH', route: '/api/usagers/:id/members/:memberId', url: (c) => `/api/usagers/${c.fileId}/members/${c.memberId}`,
    body: () => ({ endDate: '2026-01-01', reason: 'depart' }),
  },
  {
    method: 'PUT', route: '/api/usagers/:id/referents', url: (c) => `/api/usagers/${c.fileId}/referents`,
    body: (c) => ({ referentId: c.referentId, coReferentIds: [] }),
  },
  {
    method: 'GET', route: '/api/usagers/:id/consultations', url: (c) => `/api/usagers/${c.fileId}/consultations`,
  },
  {
    method: 'GET', route: '/api/usagers/search', url: () => `/api/usagers/search?q=dupont`,
  },
  { method: 'GET', route: '/api/usagers/mine', url: () => '/api/usagers/mine' },
  { method: 'GET', route: '/api/usagers/team', url: () => '/api/usagers/team' },
  {
    method: 'POST', route: '/api/usagers', url: () => '/api/usagers', body: () => minimalUsager(),
  },
  { method: 'GET', route: '/api/site/teams', url: () => '/api/site/teams' },
  { method: 'GET', route: '/api/site/workers', url: () => '/api/site/workers' },
  { method: 'GET', route: '/api/admin/sites', url: () => '/api/admin/sites' },
  {
    method: 'POST', route: '/api/admin/sites', url: () => '/api/admin/sites',
    body: () => ({ code: `s-${Math.random().toString(36).slice(2, 8)}`, name: 'EPS Test', kind: 'EPS', arrondissements: [11] }),
  },
  { method: 'PATCH', route: '/api/admin/sites/:id', url: (c) => `/api/admin/sites/${c.siteId}`, body: () => ({ name: 'EPS renommé' }) },
  { method: 'GET', route: '/api/admin/teams', url: () => '/api/admin/teams' },
  {
    method: 'POST', route: '/api/admin/teams', url: () => '/api/admin/teams',
    body: (c) => ({ siteId: c.siteId, name: `Équipe ${Math.random().toString(36).slice(2, 8)}` }),
  },
  {
    method: 'PATCH', route: '/api/admin/teams/:id', url: (c) => `/api/admin/teams/${c.teamId}`,
    body: () => ({ name: `Équipe ${Math.random().toString(36).slice(2, 8)}` }),
  },
  { method: 'GET', route: '/api/admin/users', url: () => '/api/admin/users' },
  {
    method: 'POST', route: '/api/admin/users', url: () => '/api/admin/users',
    body: (c) => ({ email: `n-${Math.random().toString(36).slice(2, 8)}@test.jalon.local`, displayName: 'Nouvel agent', role: 'secretaire', siteId: c.siteId, password: 'un-mot-de-passe-long' }),
  },
  {
    method: 'PATCH', route: '/api/admin/users/:id', url: (c) => `/api/admin/users/${c.userId}`,
    body: () => ({ displayName: 'Agent renommé' }),
  },
  {
    method: 'GET', route: '/api/usagers/:id/journal', url: (c) => `/api/usagers/${c.fileId}/journal`,
  },
  {
    method: 'POST', route: '/api/usagers/:id/journal', url: (c) => `/api/usagers/${c.fileId}/journal`,
    body: () => ({ type: 'appel_entrant', occurredAt: new Date().toISOString() }),
  },
  {
    method: 'POST', route: '/api/usagers/:id/journal#accueil', url: (c) => `/api/usagers/${c.fileId}/journal`,
    body: () => ({ type: 'accueil', occurredAt: new Date().toISOString() }),
  },
  {
    method: 'PATCH', route: '/api/usagers/:id/journal/:entryId', url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}`,
    body: () => ({ version: 0, durationMinutes: 20 }),
  },
  {
    method: 'POST', route: '/api/usagers/:id/journal/:entryId/delete', url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}/delete`,
    body: () => ({ reason: 'Erreur de saisie' }),
  },
  {
    method: 'PUT', route: '/api/usagers/:id/journal/:entryId/status', url: (c) => `/api/usagers/${c.fileId}/journal/${c.entryId}/status`,
    body: () => ({ status: 'honore' }),
  },
  {
    method: 'GET', route: '/api/agenda', url: () => '/api/agenda?from=2026-11-01&to=2026-11-30',
  },
  { method: 'GET', route: '/api/todo', url: () => '/api/todo' },
  { method: 'GET', route: '/api/motifs', url: () => '/api/motifs' },
  { method: 'GET', route: '/api/partners', url: () => '/api/partners' },
  {
    method: 'POST', route: '/api/admin/motifs', url: () => '/api/admin/motifs',
    body: () => ({ code: `m_${Math.random().toString(36).slice(2, 8)}`, label: 'Motif test' }),
  },
  { method: 'PATCH', route: '/api/admin/motifs/:code', url: () => '/api/admin/motifs/budget', body: () => ({ label: 'Budget, dettes' }) },
  {
    method: 'POST', route: '/api/admin/partners', url: () => '/api/admin/partners',
    body: () => ({ name: 'Association test', kind: 'Association' }),
  },
  {
    method: 'PATCH', route: '/api/admin/partners/:id', url: (c) => `/api/admin/partners/${c.partnerId}`,
    body: () => ({ phone: '01 00 00 00 00' }),
  },
  {
    method: 'GET', route: '/api/dpo/audit-events', url: () => '/api/dpo/audit-events?purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9',
  },
  {
    method: 'GET', route: '/api/dpo/access-events', url: (c) => `/api/dpo/access-events?purpose=Contr%C3%B4le%20de%20s%C3%A9curit%C3%A9&userId=${c.referentId}`,
  },
  // Statistics (issue 6): workers (their team), responsables (their site), the admin (all sites); never secretaries or the DPO.
  ...(['/api/statistics/scope', '/api/statistics/table', '/api/statistics/table.csv', '/api/statistics/waiting-time'] as const).map((route): Case => ({
    method: 'GET', route, url: () => (route.includes('table') ? `${route}?indicator=sexe` : route),
  })),
  { method: 'GET', route: '/api/statistics/teams', url: () => '/api/statistics/teams' },
  {
    method: 'GET', route: '/api/statistics/my-activity', url: () => '/api/statistics/my-activity',
  },
  {
    method: 'GET', route: '/api/statistics/report.pdf', url: (c) => `/api/statistics/report.pdf?siteId=${c.siteId}&year=2026`,
  },
  { method: 'GET', route: '/api/dpo/accounts', url: () => '/api/dpo/accounts' },
  { method: 'GET', route: '/api/admin/registre', url: () => '/api/admin/registre?format=md' },
  // Sensitive sections (issue 5): the need-to-know of the full part, everyone else 404. Each case gets a fresh file,
  // so the section is still closed when read (200, `open: false`) or written (409 `section_closed`).
  { method: 'GET', route: '/api/usagers/:id/sections', url: (c) => `/api/usagers/${c.fileId}/sections` },
  {
    method: 'POST', route: '/api/usagers/:id/sections/:section/open', url: (c) => `/api/usagers/${c.fileId}/sections/sante/open`,
    body: () => ({ reasonCode: 'acces_droits', reasonText: 'Demande de complémentaire santé solidaire' }),
  },
  { method: 'GET', route: '/api/usagers/:id/sections/:section', url: (c) => `/api/usagers/${c.fileId}/sections/sante` },
  {
    method: 'PUT', route: '/api/usagers/:id/sections/:section', url: (c) => `/api/usagers/${c.fileId}/sections/sante`,
    body: () => ({ version: 0, data: { healthCoverage: 'ame' } }),
  },
  { method: 'PUT', route: '/api/admin/sites/:id/profile', url: (c) => `/api/admin/sites/${c.siteId}/profile`, body: () => ({ profile: 'etendu' }) },
  // Second factor (issue 8). The admin and the DPO are enrolled (mandatory); the others are not.
  {
    method: 'POST', route: '/api/auth/totp/enrolment', url: () => '/api/auth/totp/enrolment',
  },
  {
    method: 'POST', route: '/api/auth/totp/confirm', url: () => '/api/auth/totp/confirm', body: () => ({ code: '12345a' }),
  },
  {
    method: 'POST', route: '/api/auth/totp/disable', url: () => '/api/auth/totp/disable', body: () => ({ password: 'pas-le-mot-de-passe' }),
  },
  {
    method: 'POST', route: '/api/admin/users/:id/totp/reset', url: (c) => `/api/admin/users/${c.userId}/totp/reset`,
  },
  // Motivated access (issue 5): workers and responsables outside the full part; the review queue for the site's responsable and the DPO.
  {
    method: 'POST', route: '/api/usagers/:id/break-glass', url: (c) => `/api/usagers/${c.fileId}/break-glass`, body: () => BREAK_GLASS,
  },
  { method: 'GET', route: '/api/break-glass', url: () => '/api/break-glass?status=pending' },
  {
    // Each caller reviews a fresh grant (to a file of site A), so a first review does not turn the next into 409.
    method: 'POST', route: '/api/break-glass/:id/review', url: () => `/api/break-glass/${breakGlassIds.shift() ?? ''}/review`,
    body: () => ({ comment: 'Motif vérifié avec l’agent' }),
  },
  { method: 'GET', route: '/api/notifications', url: () => '/api/notifications' },
  { method: 'POST', route: '/api/notifications/:id/read', url: () => `/api/notifications/${notificationId}/read` },
  // Access export (RGPD art. 15): the référents and the responsable of the site.
  {
    method: 'GET', route: '/api/usagers/:id/access-export', url: (c) => `/api/usagers/${c.fileId}/access-export?format=json`,
  },
  // OpenID Connect: not configured in this app (configured: auth/oidc.test.ts), so the flow is 404 for everyone.
  { method: 'GET', route: '/api/auth/oidc', url: () => '/api/auth/oidc' },
  // Partage and consents (issue 5): the file's need-to-know only; the secretary, the other team and other sites get 404.
  { method: 'GET', route: '/api/usagers/:id/shares', url: (c) => `/api/usagers/${c.fileId}/shares` },
  { method: 'POST', route: '/api/usagers/:id/shares', url: (c) => `/api/usagers/${c.fileId}/shares`, body: () => SHARE },
  {
    method: 'GET', route: '/api/usagers/:id/shares/:shareId/extract.pdf', url: (c) => `/api/usagers/${c.share.fileId}/shares/${c.share.shareId}/extract.pdf`,
  },
  { method: 'POST', route: '/api/usagers/:id/consents', url: (c) => `/api/usagers/${c.fileId}/consents`, body: () => CONSENT },
  {
    method: 'POST', route: '/api/usagers/:id/consents/:consentId/withdraw', url: (c) => `/api/usagers/${c.share.fileId}/consents/${c.share.consentId}/withdraw`,
    body: () => ({ withdrawnDate: '2026-11-01' }),
  },
  // Retention (issue 5): the worker's own upcoming list; the référent's hold; the DPO's reports; archive reads (the
  // matrix file is active, so 404 for everyone: the DPO's read of an archived file is in modules/retention).
  {
    method: 'GET', route: '/api/retention/upcoming', url: () => '/api/retention/upcoming',
  },
  {
    method: 'POST', route: '/api/usagers/:id/retention', url: (c) => `/api/usagers/${c.fileId}/retention`,
    body: () => ({ kind: 'prolongation', untilDate: '2027-06-30', reason: 'procedure_en_cours', note: 'Recours en cours' }),
  },
  { method: 'GET', route: '/api/retention/runs', url: () => '/api/retention/runs' },
  {
    method: 'POST', route: '/api/retention/archive/:id/read', url: (c) => `/api/retention/archive/${c.fileId}/read`,
    body: () => ({ reason: 'preuve', note: 'Vérification' }),
  },
  { method: 'GET', route: '/api/auth/oidc/start', url: () => '/api/auth/oidc/start' },
  { method: 'GET', route: '/api/auth/oidc/callback', url: () => '/api/auth/oidc/callback?code=abc&state=def' },
  // The usager's rights (issue 5): history for the full part's need-to-know; flags recorded and lifted by the référent.
  { method: 'GET', route: '/api/usagers/:id/history', url: (c) => `/api/usagers/${c.fileId}/history` },
  { method: 'GET', route: '/api/usagers/:id/restrictions', url: (c) => `/api/usagers/${c.fileId}/restrictions` },
  {
    method: 'POST', route: '/api/usagers/:id/restrictions', url: (c) => `/api/usagers/${c.fileId}/restrictions`,
    body: () => ({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' }),
  },
  {
    // Each caller gets its own active opposition on a file of the référent, so a first lift does not turn the next into 409.
    method: 'POST', route: '/api/usagers/:id/restrictions/:restrictionId/lift',
    url: () => { const r = restrictions.shift(); return `/api/usagers/${r?.fileId ?? ''}/restrictions/${r?.id ?? ''}/lift`; },
    body: () => ({ endDate: '2026-11-20' }),
  },
];

const RECIPES = new Map(CASES.map((c) => [`${c.method} ${c.route}`, c]));
const PUBLIC_OR_SELF = new Set(PUBLIC_OR_SELF_ROUTES);

let t: TestApp;
const sessions = new Map<Who, Session | null>();
let siteA: Awaited<ReturnType<typeof buildSite>>;
let users: Record<string, TestUser>;
let partnerId = '';
/** Pending motivated accesses to files of site A (one per caller of the review case) and a référent's notification. */
const breakGlassIds: string[] = [];
let notificationId = '';
/** A file of the référent with one share and one consent (partage routes). */
interface Partage { fileId: string; shareId: string; consentId: string }
const partage: Partage = { fileId: '', shareId: '', consentId: '' };
/** One active opposition per caller of the lift case. */
const restrictions: { fileId: string; id: string }[] = [];

beforeAll(async () => {
  t = await buildTestApp();
  siteA = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  const mk = (role: Role, site: { id: string } | null, teams: string[] = []) => buildUser(t.db, role, site?.id ?? null, teams);
  users = {
    referent: await mk('travailleur_social', siteA, [siteA.teamA]),
    ts_same_team: await mk('travailleur_social', siteA, [siteA.teamA]),
    ts_other_team: await mk('travailleur_social', siteA, [siteA.teamB]),
    secretaire: await mk('secretaire', siteA),
    responsable: await mk('responsable', siteA),
    ts_other_site: await mk('travailleur_social', siteB, [siteB.teamA]),
    secretaire_other_site: await mk('secretaire', siteB),
    responsable_other_site: await mk('responsable', siteB),
    admin: await mk('admin_fonctionnel', null),
    dpo: await mk('dpo', null),
    victim: await mk('secretaire', siteA),
  };
  for (const w of WHO) sessions.set(w, w === 'anonymous' ? null : await loginAs(t.app, users[w] as TestUser));
  partnerId = (await t.db.insertInto('partner').values({ name: 'CAF', kind: 'CAF', address: null, phone: null }).returning('id').executeTakeFirstOrThrow()).id;
  for (const _ of WHO) {
    const f = await createUsagerAs(t.app, sessions.get('referent') as Session);
    const g = await t.app.inject({ method: 'POST', url: `/api/usagers/${f.id}/break-glass`, headers: (sessions.get('ts_other_site') as Session).send, payload: BREAK_GLASS });
    breakGlassIds.push((g.json() as { id: string }).id);
  }
  notificationId = (await t.db.selectFrom('notification').select('id').where('user_id', '=', users.referent?.id ?? '').executeTakeFirstOrThrow()).id;
  const ref = sessions.get('referent') as Session;
  partage.fileId = (await createUsagerAs(t.app, ref)).id;
  partage.shareId = (await t.app.inject({ method: 'POST', url: `/api/usagers/${partage.fileId}/shares`, headers: ref.send, payload: SHARE })).json().id;
  partage.consentId = (await t.app.inject({ method: 'POST', url: `/api/usagers/${partage.fileId}/consents`, headers: ref.send, payload: CONSENT })).json().id;
  for (const _ of WHO) {
    const f = await createUsagerAs(t.app, ref);
    const r = await t.app.inject({ method: 'POST', url: `/api/usagers/${f.id}/restrictions`, headers: ref.send, payload: { kind: 'opposition', startDate: '2026-11-01', reason: 'Refus' } });
    restrictions.push({ fileId: f.id, id: (r.json() as { id: string }).id });
  }
});
afterAll(() => t.close());

describe('access matrix: route × caller → status', () => {
  it('every API route has an entry in the spec, and every entry a way to call it', () => {
    const covered = new Set(ACCESS_SPEC.map((r) => r.route.split('#')[0]));
    const missing = t.app.apiRoutes.map((r) => `${r.method} ${r.url}`).filter((r) => !covered.has(r) && !PUBLIC_OR_SELF.has(r));
    expect(missing).toEqual([]);
    expect(ACCESS_SPEC.map((r) => r.route).filter((r) => !RECIPES.has(r))).toEqual([]);
    expect([...RECIPES.keys()].filter((k) => !ACCESS_SPEC.some((r) => r.route === k))).toEqual([]);
  });

  for (const spec of ACCESS_SPEC) {
    const c = RECIPES.get(spec.route);
    if (!c) continue;
    describe(spec.route, () => {
      it.each(WHO)('%s', async (who) => {
        const referentSession = sessions.get('referent') as Session;
        const file = await createUsagerAs(t.app, referentSession);
        const added = await t.app.inject({
          method: 'POST', url: `/api/usagers/${file.id}/members`, headers: referentSession.send,
          payload: { person: { birthName: 'Membre', firstNames: 'Alex', birthDate: '2001-01-01' }, relationship: '7', startDate: '2024-01-01' },
        });
        const memberId = (added.json() as { data: { full: { household: { members: { memberId: string; relationship: { code: string } }[] } } } }).data.full.household.members.find((m) => m.relationship.code === '7')?.memberId ?? '';
        const entry = await t.app.inject({
          method: 'POST', url: `/api/usagers/${file.id}/journal`, headers: referentSession.send,
          payload: { type: 'rendez_vous', occurredAt: new Date(Date.now() + 86_400_000).toISOString() },
        });
        const entryId = (entry.json() as { id: string }).id;
        const ctx = { fileId: file.id, memberId, entryId, partnerId, referentId: users.referent?.id ?? '', siteId: siteA.id, userId: users.victim?.id ?? '', teamId: siteA.teamB, share: partage };
        const s = sessions.get(who);
        const headers = s ? (c.method === 'GET' ? s.get : s.send) : {};
        const res = await t.app.inject({ method: c.method, url: c.url(ctx), headers, payload: c.body ? (c.body(ctx) as object) : undefined });
        expect(res.statusCode, res.body).toBe(statusFor(spec, who));
        const part = spec.parts?.[who];
        if (part) expect((res.json() as { data: { full?: unknown } }).data.full !== undefined, `${who} sees the ${part} part`).toBe(part === 'full');
        if (res.statusCode >= 400) {
          const err = res.json() as { error: { code: string; message: string } };
          expect(err.error.code).toMatch(/^[a-z_]+$/);
          expect(err.error.message.length).toBeGreaterThan(5);
        }
      });
    });
  }

  it('a file id that does not exist answers 404 like a forbidden one', async () => {
    const s = sessions.get('referent') as Session;
    const res = await t.app.inject({ method: 'GET', url: '/api/usagers/00000000-0000-4000-8000-000000000000', headers: s.get });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Dossier introuvable' } });
  });

  it('the general part carries no social situation; the full part does', async () => {
    const ref = sessions.get('referent') as Session;
    const file = await createUsagerAs(t.app, ref, minimalUsager({ nationality: 'A', employmentStatus: '12', cafNumber: '1234567' }));
    const general = (await t.app.inject({ method: 'GET', url: `/api/usagers/${file.id}`, headers: (sessions.get('secretaire') as Session).get })).json();
    expect(general.data.full).toBeUndefined();
    expect(JSON.stringify(general)).not.toContain('1234567');
    expect(JSON.stringify(general)).not.toContain('nationality');
    expect(general.can).toMatchObject({ readGeneral: true, readFull: false, updateIdentity: true, updateSituation: false });
    const full = (await t.app.inject({ method: 'GET', url: `/api/usagers/${file.id}`, headers: (sessions.get('ts_same_team') as Session).get })).json();
    expect(full.data.full.identifiers.cafNumber).toBe('1234567');
    expect(full.data.full.situation.nationality).toEqual({ code: 'A', label: 'Autre nationalité' });
  });
});
