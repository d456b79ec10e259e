import {
  ACCESS_CALLER_IDS,
  ACCESS_SPEC,
  PUBLIC_OR_SELF_ROUTES,
  partFor,
  statusFor,
  type AccessCaller,
  type Role,
} from '@jalon/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modules } from '../modules/registry.js';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { prepareImports } from './access-matrix/imports-fixture.js';
import {
  BREAK_GLASS,
  CONSENT,
  RECIPES,
  SHARE,
  ACCESS_REQUEST,
  accessRequest,
  accueilVisits,
  absenceFixture,
  ABSENCE,
  breakGlassIds,
  appointmentFixture,
  commissionFixture,
  documentFixture,
  mergeFixture,
  pdfUpload,
  notification,
  restrictions,
  rsaFixture,
  rsaEpFixture,
  rsaFluxFixture,
  cafFluxUpload,
  type Partage,
} from './access-matrix/recipes.js';
import { buildAidFixtures } from './access-matrix/aids-fixture.js';
import { giveAidPieces } from './aid-pieces.js';
import {
  buildSite,
  buildUser,
  createUsagerAs,
  loginAs,
  minimalUsager,
  type Session,
  type TestUser,
} from './factories.js';

/**
 * The access table, through the real HTTP API: the tests are generated from the declarative spec in core
 * (core/src/policy/access-spec.ts: every route × caller → status, and the part of the file shown). This suite only
 * knows how to call each route (CASES, in access-matrix/recipes.ts); a registered route without a spec entry, or a
 * spec entry without a way to call it, fails the suite.
 */

type Who = AccessCaller;

const WHO: Who[] = ACCESS_CALLER_IDS;

const PUBLIC_OR_SELF = new Set(PUBLIC_OR_SELF_ROUTES);

let t: TestApp;
const sessions = new Map<Who, Session | null>();
let siteA: Awaited<ReturnType<typeof buildSite>>;
let users: Record<string, TestUser>;
let partnerId = '';
/** A file of the référent with one share and one consent (partage routes). */
const partage: Partage = { fileId: '', shareId: '', consentId: '' };

/**
 * The relation of the callers that have one to a file of the référent (docs/security.md, "Access: read vs write,
 * relations"): the co-référent is named, the break-glass holder asks for (and gets) a motivated access, and the former
 * référent keeps a link left open from before their move to site B (as an older version left it; a move now ends it).
 */
async function relate(who: Who, fileId: string) {
  const ref = sessions.get('referent') as Session;
  if (who === 'co_referent') {
    const res = await t.app.inject({
      method: 'PUT',
      url: `/api/usagers/${fileId}/referents`,
      headers: ref.send,
      payload: { referentId: users.referent?.id, coReferentIds: [users.co_referent?.id] },
    });
    expect(res.statusCode, res.body).toBe(200);
  } else if (who === 'break_glass') {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/break-glass`,
      headers: (sessions.get('break_glass') as Session).send,
      payload: BREAK_GLASS,
    });
    expect(res.statusCode, res.body).toBe(201);
  } else if (who === 'former_referent') {
    await t.db
      .insertInto('case_file_referent')
      .values({
        case_file_id: fileId,
        user_id: users.former_referent?.id ?? '',
        kind: 'co_referent',
        start_at: new Date('2026-01-01'),
      })
      .execute();
  }
}
const RELATED: Who[] = ['co_referent', 'break_glass', 'former_referent'];

/**
 * A fresh file of the référent for a route on a file (with a member or an appointment when the route needs one), and
 * the caller's relation to it; routes elsewhere get none, which keeps the suite fast.
 */
async function freshFile(route: string, who: Who) {
  const none = { fileId: '', memberId: '', entryId: '', contractId: '', passageId: '' };
  if (!/ \/api\/(usagers|retention\/archive)\/:id\b/.test(route)) return none;
  const ref = sessions.get('referent') as Session;
  const fileId = (await createUsagerAs(t.app, ref)).id;
  let memberId = '';
  if (route.includes(':memberId')) {
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/members`,
      headers: ref.send,
      payload: {
        person: { birthName: 'Membre', firstNames: 'Alex', birthDate: '2001-01-01' },
        relationship: '7',
        startDate: '2024-01-01',
      },
    });
    const members = (added.json() as { data: { full: { household: { members: Member[] } } } }).data.full.household
      .members;
    memberId = members.find((m) => m.relationship.code === '7')?.memberId ?? '';
  }
  let entryId = '';
  if (route.includes(':entryId')) {
    const entry = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${fileId}/journal`,
      headers: ref.send,
      // One appointment per case, all about the same time: the clash check is waived on purpose.
      payload: { type: 'rendez_vous', occurredAt: new Date(Date.now() + 86_400_000).toISOString(), confirmClash: true },
    });
    entryId = (entry.json() as { id: string }).id;
  }
  let contractId = '';
  if (route.includes(':contractId')) {
    // A contract of the principal person, written as the RSA module does (modules/rsa; its own tests cover creation).
    const file = await t.db
      .selectFrom('case_file')
      .select('principal_person_id')
      .where('id', '=', fileId)
      .executeTakeFirstOrThrow();
    contractId = (
      await t.db
        .insertInto('rsa_contract')
        .values({
          person_id: file.principal_person_id,
          case_file_id: fileId,
          kind: 'contrat_engagement',
          start_on: '2026-11-02',
          duration_months: 6,
          end_on: '2027-05-01',
          weekly_hours: 15,
          created_by: users.referent?.id ?? '',
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  }
  const passageId = route.includes(':passageId') ? await epPassage(fileId) : '';
  await relate(who, fileId);
  return { fileId, memberId, entryId, contractId, passageId };
}

/** RSA EP (modules/rsa-ep): the référent inscribes the file's person at the fixture session (ahead of the clock). */
async function epPassage(fileId: string): Promise<string> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/usagers/${fileId}/rsa/ep`,
    headers: (sessions.get('referent') as Session).send,
    payload: { sessionId: rsaEpFixture.sessionId, motif: 'manquement', facts: 'Absences aux rendez-vous' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return (res.json() as { id: string }).id;
}
type Member = { memberId: string; relationship: { code: string } };

beforeAll(async () => {
  t = await buildTestApp();
  siteA = await buildSite(t.db);
  const siteB = await buildSite(t.db);
  const mk = (role: Role, site: { id: string } | null, teams: string[] = []) =>
    buildUser(t.db, role, site?.id ?? null, teams);
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
    co_referent: await mk('travailleur_social', siteA, [
      (
        await t.db
          .insertInto('team')
          .values({ site_id: siteA.id, name: 'Équipe C' })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id,
    ]),
    break_glass: await mk('travailleur_social', siteB, [siteB.teamA]),
    former_referent: await mk('travailleur_social', siteB, [siteB.teamB]),
  };
  for (const w of WHO) sessions.set(w, w === 'anonymous' ? null : await loginAs(t.app, users[w] as TestUser));
  partnerId = (
    await t.db
      .insertInto('partner')
      .values({ name: 'CAF', kind: 'CAF', address: null, phone: null })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;
  for (const _ of WHO) {
    const f = await createUsagerAs(t.app, sessions.get('referent') as Session);
    const g = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${f.id}/break-glass`,
      headers: (sessions.get('ts_other_site') as Session).send,
      payload: BREAK_GLASS,
    });
    breakGlassIds.push((g.json() as { id: string }).id);
  }
  notification.id = (
    await t.db
      .selectFrom('notification')
      .select('id')
      .where('user_id', '=', users.referent?.id ?? '')
      .executeTakeFirstOrThrow()
  ).id;
  const ref = sessions.get('referent') as Session;
  rsaFixture.actionId = (await t.db.selectFrom('rsa_action_ref').select('id').executeTakeFirstOrThrow()).id;
  accessRequest.id = (
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${(await createUsagerAs(t.app, ref)).id}/access-requests`,
      headers: ref.send,
      payload: ACCESS_REQUEST,
    })
  ).json().id;
  partage.fileId = (await createUsagerAs(t.app, ref)).id;
  partage.shareId = (
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${partage.fileId}/shares`,
      headers: ref.send,
      payload: SHARE,
    })
  ).json().id;
  partage.consentId = (
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${partage.fileId}/consents`,
      headers: ref.send,
      payload: CONSENT,
    })
  ).json().id;
  const doc = pdfUpload('rib');
  documentFixture.id = (
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${partage.fileId}/documents`,
      headers: { ...ref.send, 'content-type': doc.contentType },
      payload: doc.payload,
    })
  ).json().id;
  appointmentFixture.id = (
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${partage.fileId}/journal`,
      headers: ref.send,
      payload: { type: 'rendez_vous', occurredAt: new Date(Date.now() + 86_400_000).toISOString(), confirmClash: true },
    })
  ).json().id;
  await buildAidFixtures(t.app, ref, sessions.get('ts_same_team') as Session, partage.fileId, WHO.length);
  for (const _ of WHO) {
    const f = await createUsagerAs(t.app, ref);
    const r = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${f.id}/restrictions`,
      headers: ref.send,
      payload: { kind: 'opposition', startDate: '2026-11-01', reason: 'Refus' },
    });
    restrictions.push({ fileId: f.id, id: (r.json() as { id: string }).id });
  }
  // The fixture files the share and lift routes use: each related caller holds its relation on them too.
  for (const fileId of [partage.fileId, ...restrictions.map((r) => r.fileId)])
    for (const who of RELATED) await relate(who, fileId);
  const epSession = await t.app.inject({
    method: 'POST',
    url: '/api/rsa/ep/sessions',
    headers: (sessions.get('responsable') as Session).send,
    payload: {
      date: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
      members: [{ organisation: 'Ville de Paris', name: 'Membre de l’EP' }],
    },
  });
  rsaEpFixture.sessionId = (epSession.json() as { id: string }).id;
  rsaFluxFixture.siteId = siteA.id;
  const flux = cafFluxUpload();
  rsaFluxFixture.importId = (
    await t.app.inject({
      method: 'POST',
      url: '/api/rsa/flux',
      headers: { ...(sessions.get('responsable') as Session).send, 'content-type': flux.contentType },
      payload: flux.payload,
    })
  ).json().importId;
  const sec = sessions.get('secretaire') as Session;
  for (const list of [accueilVisits.seen, accueilVisits.record]) {
    for (const who of WHO) {
      const f = await createUsagerAs(t.app, ref);
      // The co-référent records the visit of a file it follows, as the référent does (the caller "like" it).
      if (who === 'co_referent') await relate(who, f.id);
      const v = await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${f.id}/accueil`,
        headers: sec.send,
        payload: {},
      });
      list.push((v.json() as { id: string }).id);
    }
  }
  for (const _ of WHO) {
    const a = await t.app.inject({ method: 'POST', url: '/api/absences', headers: ref.send, payload: ABSENCE });
    absenceFixture.push((a.json() as { id: string }).id);
  }
});
/**
 * Fusion de dossiers (modules/file-merge): the duplicate of each merge call, and a merge of two files per undo call,
 * every related caller holding its relation on both files. A hook of its own, with its own time: about a hundred calls.
 */
beforeAll(async () => {
  const ref = sessions.get('referent') as Session;
  for (const _ of WHO) {
    const dup = (await createUsagerAs(t.app, ref)).id;
    for (const who of RELATED) await relate(who, dup);
    mergeFixture.duplicates.push(dup);
    const kept = (await createUsagerAs(t.app, ref)).id;
    const absorbed = (await createUsagerAs(t.app, ref)).id;
    for (const fileId of [kept, absorbed]) await relate('co_referent', fileId);
    const merged = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${kept}/merge`,
      headers: ref.send,
      payload: { duplicateId: absorbed, reason: 'Doublon' },
    });
    expect(merged.statusCode, merged.body).toBe(201);
    for (const who of RELATED) if (who !== 'co_referent') await relate(who, kept);
    mergeFixture.merges.push((merged.json() as { id: string }).id);
  }
}, 180_000);
/**
 * Commissions (modules/commission): a draft application, an open session of site A, a closed one holding one decided
 * application, and per caller a draft application on a file it is related to (pièces routes).
 */
beforeAll(async () => {
  const ref = sessions.get('referent') as Session;
  const resp = sessions.get('responsable') as Session;
  const call = async (s: Session, method: 'POST', url: string, payload: object, status: number) => {
    const r = await t.app.inject({ method, url, headers: s.send, payload });
    expect(r.statusCode, r.body).toBe(status);
    return r.json() as { id: string };
  };
  const APPLICATION = {
    scheme: 'paris',
    aidType: 'allocation_exceptionnelle',
    form: 'subvention',
    requestedCents: 20_000,
    payee: 'personne',
  };
  const draft = async (fileId: string) =>
    (await call(ref, 'POST', `/api/usagers/${fileId}/aid-applications`, APPLICATION, 201)).id;
  const fileId = (await createUsagerAs(t.app, ref)).id;
  commissionFixture.draft = await draft(fileId);
  const decided = await draft(fileId);
  await giveAidPieces(t.app, ref, fileId);
  for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire'])
    await call(ref, 'POST', `/api/aid-applications/${decided}/transitions`, { to }, 200);
  const session = { sessionDate: '2026-12-10', kind: 'ordinaire' };
  commissionFixture.open = (await call(resp, 'POST', '/api/commissions', session, 201)).id;
  commissionFixture.closed = (await call(resp, 'POST', '/api/commissions', session, 201)).id;
  const admin = sessions.get('admin') as Session;
  commissionFixture.ville = (await call(admin, 'POST', '/api/commissions', { ...session, level: 'ville' }, 201)).id;
  await call(resp, 'POST', `/api/commissions/${commissionFixture.closed}/agenda`, { applicationIds: [decided] }, 200);
  const decision = { applicationId: decided, outcome: 'accord', amountCents: 20_000 };
  await call(resp, 'POST', `/api/commissions/${commissionFixture.closed}/decisions`, { decisions: [decision] }, 200);
  for (const list of [commissionFixture.piecesRead, commissionFixture.piecesCheck])
    for (const who of WHO) {
      const f = (await createUsagerAs(t.app, ref)).id;
      await relate(who, f);
      list.push(await draft(f));
    }
}, 180_000);
/** Imports of site A (modules/imports): one per call of the mapping and commit routes. */
beforeAll(async () => {
  await prepareImports(t.app, t.db, sessions.get('responsable') as Session, siteA.id, WHO.length);
}, 120_000);
afterAll(() => t.close());

/** The core spec and every module's own entries (its descriptor's `accessSpec`: docs/architecture.md, "Module contract"). */
const SPEC = [...ACCESS_SPEC, ...modules().flatMap((m) => m.accessSpec ?? [])];

describe('access matrix: route × caller → status', () => {
  it('every API route has an entry in the spec, and every entry a way to call it', () => {
    const covered = new Set(SPEC.map((r) => r.route.split('#')[0]));
    const missing = t.app.apiRoutes
      .map((r) => `${r.method} ${r.url}`)
      .filter((r) => !covered.has(r) && !PUBLIC_OR_SELF.has(r));
    expect(missing).toEqual([]);
    expect(SPEC.map((r) => r.route).filter((r) => !RECIPES.has(r))).toEqual([]);
    expect([...RECIPES.keys()].filter((k) => !SPEC.some((r) => r.route === k))).toEqual([]);
  });

  for (const spec of SPEC) {
    const c = RECIPES.get(spec.route);
    if (!c) continue;
    describe(spec.route, () => {
      it.each(WHO)('%s', async (who) => {
        const file = await freshFile(spec.route, who);
        const ctx = {
          ...file,
          partnerId,
          referentId: users.referent?.id ?? '',
          siteId: siteA.id,
          userId: users.victim?.id ?? '',
          teamId: siteA.teamB,
          share: partage,
        };
        const s = sessions.get(who);
        const raw = c.raw?.();
        const headers = {
          ...(s ? (c.method === 'GET' ? s.get : s.send) : {}),
          ...(raw ? { 'content-type': raw.contentType } : {}),
        };
        const res = await t.app.inject({
          method: c.method,
          url: c.url(ctx),
          headers,
          payload: raw ? raw.payload : c.body ? (c.body(ctx) as object) : undefined,
        });
        expect(res.statusCode, res.body).toBe(statusFor(spec, who));
        const part = partFor(spec, who);
        if (part)
          expect(
            (res.json() as { data: { full?: unknown } }).data.full !== undefined,
            `${who} sees the ${part} part`,
          ).toBe(part === 'full');
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
    const res = await t.app.inject({
      method: 'GET',
      url: '/api/usagers/00000000-0000-4000-8000-000000000000',
      headers: s.get,
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ error: { code: 'not_found', message: 'Dossier introuvable' } });
  });

  it('the general part carries no social situation; the full part does', async () => {
    const ref = sessions.get('referent') as Session;
    const file = await createUsagerAs(
      t.app,
      ref,
      minimalUsager({ nationality: 'A', employmentStatus: '12', cafNumber: '1234567' }),
    );
    const general = (
      await t.app.inject({
        method: 'GET',
        url: `/api/usagers/${file.id}`,
        headers: (sessions.get('secretaire') as Session).get,
      })
    ).json();
    expect(general.data.full).toBeUndefined();
    expect(JSON.stringify(general)).not.toContain('1234567');
    expect(JSON.stringify(general)).not.toContain('nationality');
    expect(general.can).toMatchObject({
      readGeneral: true,
      readFull: false,
      updateIdentity: true,
      updateSituation: false,
    });
    const full = (
      await t.app.inject({
        method: 'GET',
        url: `/api/usagers/${file.id}`,
        headers: (sessions.get('ts_same_team') as Session).get,
      })
    ).json();
    expect(full.data.full.identifiers.cafNumber).toBe('1234567');
    expect(full.data.full.situation.nationality).toEqual({ code: 'A', label: 'Autre nationalité' });
  });
});
