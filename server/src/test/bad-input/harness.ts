import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect } from 'vitest';
import { buildTestApp, type TestApp } from '../build-test-app.js';
import { committedImport } from '../access-matrix/imports-fixture.js';
import { giveAidPieces } from '../aid-pieces.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session, type TestUser } from '../factories.js';

/**
 * The harness of the bad-input tests (bodies, urls, unicode names): every API route against malformed input, as a user
 * allowed to use it: the answer is always a 4xx with `{error:{code,message}}` (stable code, French message, no stack
 * trace), and a refused request writes nothing. The routes' valid bodies are in `specs.ts`.
 */

export type Who = 'ts' | 'resp' | 'admin' | 'dpo' | 'anon';
export type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
/** Real ids: `:id` is the file, site, team or user depending on the route; other parameters by their name. */
export interface Ids {
  breakGlass: string;
  notification: string;
  file: string;
  memberId: string;
  site: string;
  team: string;
  user: string;
  entryId: string;
  code: string;
  partner: string;
  section: string;
  shareId: string;
  consentId: string;
  restrictionId: string;
  accessRequest: string;
  document: string;
  visitId: string;
  /** A withdrawn absence of `ts`: withdrawing it again answers 404. */
  absenceId: string;
  /** A closed commission session of the site, with one decision (modules/commission). */
  commission: string;
  /** An aid application of the file, a draft filed by the transitions baseline (modules/aids). */
  aidApplication: string;
  /** A contract of the file's principal person, an action of the referential (modules/rsa). */
  contractId: string;
  actionId: string;
  /** An RSA EP session ahead of the clock and a passage of the file inscribed at it (modules/rsa-ep). */
  sessionId: string;
  passageId: string;
  /** A committed import of the site (modules/imports); the CAF flux's status route reads it too. */
  importId: string;
}
export interface Spec {
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

const TABLES = [
  'break_glass_access',
  'notification',
  'audit_event',
  'case_file',
  'person',
  'household_member',
  'app_user',
  'site',
  'team',
  'journal_entry',
  'motif',
  'partner',
  'case_file_section',
  'file_share',
  'consent',
  'file_restriction',
  'access_request',
  'file_merge',
  'worker_absence',
  'budget',
  'aid_application',
  'aid_repayment',
  'commission_session',
  'commission_item',
  'rsa_person',
  'rsa_person_change',
  'rsa_orientation',
  'rsa_referent',
  'rsa_contract',
  'rsa_contract_action',
  'rsa_ep_session',
  'rsa_ep_passage',
  'rsa_sanction',
] as const;
/**
 * Commissions: a closed session of the site holding one decided application (agenda and decisions refused, 409; its PV,
 * letters and payment file read).
 */
async function commissionFixtures(fileId: string) {
  const post = async (s: Session, url: string, payload: object = {}) => {
    const r = await t.app.inject({ method: 'POST', url, headers: s.send, payload });
    expect(r.statusCode, `${url} ${r.body}`).toBeLessThan(300);
    return r.json() as { id: string };
  };
  const application = {
    scheme: 'paris',
    aidType: 'allocation_exceptionnelle',
    form: 'subvention',
    requestedCents: 20_000,
    payee: 'personne',
  };
  await giveAidPieces(t.app, sessions.ts, fileId);
  const decided = (await post(sessions.ts, `/api/usagers/${fileId}/aid-applications`, application)).id;
  for (const to of ['deposee_complete', 'en_instruction', 'commission_ordinaire'])
    await post(sessions.ts, `/api/aid-applications/${decided}/transitions`, { to });
  ids.commission = (await post(sessions.resp, '/api/commissions', { sessionDate: '2026-12-10', kind: 'ordinaire' })).id;
  await post(sessions.resp, `/api/commissions/${ids.commission}/agenda`, { applicationIds: [decided] });
  const decision = { applicationId: decided, outcome: 'accord', amountCents: 20_000 };
  await post(sessions.resp, `/api/commissions/${ids.commission}/decisions`, { decisions: [decision] });
}

const KNOWN_CODES = [
  'period_not_published',
  'filter_not_published',
  'appointment_clash',
  'same_file',
  'merge_refused',
  'merge_undone',
  'merge_undo_expired',
  'param_range',
  'param_past',
  'param_order',
  'transition_not_allowed',
  'unsupported_file_type',
  'unknown_encoding',
  'missing_columns',
  'empty_import',
  'unknown_source',
  'profile_required',
  'import_not_ready',
  'unmapped_codes',
  'file_too_large',
  'file_missing',
  'empty_file',
  'entry_not_found',
  'unknown_placeholder',
  'entry_required',
  'invalid_json',
  'validation_error',
  'body_too_large',
  'unsupported_media_type',
  'invalid_content_length',
  'bad_url',
  'url_too_long',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'account_locked',
  'csrf_invalid',
  'forbidden',
  'not_found',
  'setup_done',
  'version_conflict',
  'already_exists',
  'wrong_password',
  'same_password',
  'already_left',
  'already_member',
  'end_before_start',
  'invalid_referent',
  'invalid_site',
  'invalid_team',
  'member_required',
  'no_site_for_role',
  'principal_person',
  'site_required',
  'team_required',
  'invalid_motif',
  'invalid_partner',
  'invalid_person',
  'invalid_range',
  'invalid_worker',
  'not_appointment',
  'note_flagged',
  'note_not_allowed',
  'partner_required',
  'worker_required',
  'invalid_consent',
  'invalid_hold_date',
  'already_authorized',
  'already_reviewed',
  'password_too_common',
  'too_many_attempts',
  'password_change_required',
  'totp_required',
  'invalid_totp_code',
  'totp_enrolment_required',
  'totp_already_enabled',
  'totp_no_enrolment',
  'totp_not_enabled',
  'oidc_disabled',
  'invalid_period',
  'invalid_filter',
  'filter_too_fine',
  'grouping_refused',
  'table_too_large',
  'section_not_in_profile',
  'section_already_open',
  'section_closed',
  'field_not_in_profile',
  'restriction_active',
  'restriction_lifted',
  'invalid_end_date',
  'file_limited',
  'maker_checker',
  'application_decided',
  'repayment_not_allowed',
  'repayment_too_high',
  'urgency_not_allowed',
  'not_in_commission',
  'not_urgent',
  'already_on_agenda',
  'session_closed',
  'not_on_agenda',
  'already_decided',
  'session_open',
  'no_decision',
  'already_deposited',
  'rsa_referent_unknown',
  'rsa_decision_before_request',
  'rsa_weekly_hours',
  'rsa_signed_future',
  'rsa_already_renewed',
  'rsa_unknown_action',
  'rsa_unknown_document',
  'ep_session_past',
  'ep_already_inscribed',
  'ep_closed',
  'ep_not_decided',
  'ep_already_notified',
  'not_member',
  'date_future',
  'outcome_motif',
  'sanction_incomplete',
  'sanction_rate',
  'sanction_months',
  'no_sanction',
  'sanction_lifted',
  'flux_malformed',
];
const ENGLISH =
  /\b(the|is|are|invalid|expected|received|must|should|required|error|bad request|not found|unexpected|too (big|small|long|large)|unsupported|failed|body)\b/i;
const FRENCH =
  /[àâçéèêëîïôûùüœ’°]| : |\b(le|la|les|des|du|de|une?|au|aux|est|et|ou|en|sur|pour|par|oui|non|pas|invalide|introuvable|obligatoire|trop|adresse|valeur|saisissez|attendu|motif|mot)\b/i;
const STACK =
  /\n\s+at |\bat [\w$.<>]+ \(|\.(ts|js|mjs|cjs):\d+|node_modules|\bError:|FST_ERR|SQLSTATE|"stack"|statusCode/;

const nest = (depth: number): unknown => {
  let v: unknown = 'fond';
  for (let i = 0; i < depth; i++) v = { a: v };
  return v;
};
export const DEEP = nest(1000);
const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
const STRING_VARIANTS: unknown[] = [
  12345,
  true,
  {},
  [],
  DEEP,
  'x'.repeat(100_000),
  'ab\u0000cd',
  'ab\u001bcd',
  'ab\u007fcd',
  'ab\u0085cd',
];
const NUMBER_VARIANTS: unknown[] = ['12', -1, 1.5, 1e300, true, DEEP];
const BOOLEAN_VARIANTS: unknown[] = ['true', 1, null, DEEP];
const DATE_VARIANTS = [
  '2024-02-30',
  '2023-02-29',
  '31/12/2020',
  '2020-13-01',
  '2020-1-1',
  '0000-01-01',
  '1899-12-31',
  '9999-12-31',
  '2024-02-30T00:00:00Z',
  '',
];
const PAST_DATE_VARIANTS = [...DATE_VARIANTS, tomorrow];
const DATETIME_VARIANTS = [
  '2024-02-30T10:00:00+01:00',
  '2026-11-20T25:00:00Z',
  '2026-11-20 10:00',
  '2026-11-20T10:00:00',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '',
];

/** Time limit of the long tests (2 to 8 s each on an idle machine), with room for a loaded CI. */
export const HEAVY = 90_000;

export type Path = (string | number)[];
export const leaves = (v: unknown, path: Path = []): { path: Path; value: unknown }[] => {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]));
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]));
  return [{ path, value: v }];
};
export const setAt = (body: Record<string, unknown>, path: Path, value: unknown) => {
  const copy = structuredClone(body);
  let o = copy as Record<string | number, unknown>;
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>;
  o[path[path.length - 1] as string | number] = value;
  return copy;
};
export const variantsOf = (path: Path, value: unknown): unknown[] => {
  const key = String(path.filter((p) => typeof p === 'string').at(-1));
  if (typeof value === 'number') return NUMBER_VARIANTS;
  if (typeof value === 'boolean') return BOOLEAN_VARIANTS;
  if (key === 'birthDate') return [...STRING_VARIANTS, ...PAST_DATE_VARIANTS];
  if (key.endsWith('Date')) return [...STRING_VARIANTS, ...DATE_VARIANTS];
  if (key.endsWith('At')) return [...STRING_VARIANTS, ...DATETIME_VARIANTS];
  return STRING_VARIANTS;
};
export const short = (v: unknown) => {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 40 ? `${s.slice(0, 40)}…(${s.length})` : s;
};

/** The file's app, users, sessions and ids: filled in by `useBadInputApp`'s `beforeAll`, so read them in tests and hooks only. */
export let t: TestApp;
export let users: Record<'ts' | 'ts2' | 'resp' | 'admin' | 'dpo' | 'victim', TestUser>;
export let sessions: Record<Exclude<Who, 'anon'>, Session>;
export let ids: Ids;

export const fill = (url: string, over: Partial<Ids> = {}) => {
  const i: Record<string, string> = { ...ids, ...over };
  const byPrefix: [string, string | undefined][] = [
    ['/api/admin/sites', i.site],
    ['/api/admin/teams', i.team],
    ['/api/admin/users', i.user],
    ['/api/admin/partners', i.partner],
    ['/api/break-glass', i.breakGlass],
    ['/api/notifications', i.notification],
    ['/api/dpo/access-requests', i.accessRequest],
    ['/api/documents', i.document],
    ['/api/commissions', i.commission],
    ['/api/aid-applications', i.aidApplication],
    ['/api/imports', i.importId],
  ];
  const id = byPrefix.find(([prefix]) => url.startsWith(prefix))?.[1] ?? i.file;
  return url.replace(/:(\w+)/g, (_, name: string) => (name === 'id' ? id : i[name]) ?? `:${name}`);
};

export const headersOf = (who: Who, method: string): Record<string, string> => {
  if (who === 'anon') return {};
  const s = sessions[who];
  return method === 'GET' ? { ...s.get } : { ...s.send };
};

export const counts = async () => {
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
export const expectCleanError = (res: LightMyRequestResponse, label: string) => {
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
export const expectRefused = async (label: string, opts: InjectOptions, expected?: number | number[]) => {
  const res = await t.app.inject(opts);
  const err = expectCleanError(res, label);
  if (expected !== undefined)
    expect([expected].flat(), `${label} → ${res.statusCode} ${res.body.slice(0, 200)}`).toContain(res.statusCode);
  if (opts.url === '/api/auth/login' && res.statusCode === 401) failedLogins++;
  return { res, err };
};

/** Runs a batch of requests that must all be refused: together they write nothing (a failed login logs one row). */
export const writesNothing = async (label: string, batch: () => Promise<void>) => {
  const before = await counts();
  failedLogins = 0;
  await batch();
  expect(await counts(), `${label}: a refused request wrote something`).toEqual({
    ...before,
    audit_event: before.audit_event + failedLogins,
  });
};

/**
 * Registers the file's hooks: one app on its own database with a site, a social worker who is référent of one file
 * (with a household member, an appointment, a share, a consent and two restrictions), a second worker, an admin, a
 * DPO, a secretary (the `:id` of user routes), a partner, and a reviewed motivated access with its notification.
 * Call it once, at the top level of the test file.
 */
export function useBadInputApp(): void {
  beforeAll(async () => {
    t = await buildTestApp();
    const site = await buildSite(t.db);
    users = {
      ts: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
      ts2: await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
      admin: await buildUser(t.db, 'admin_fonctionnel', null),
      dpo: await buildUser(t.db, 'dpo', null),
      victim: await buildUser(t.db, 'secretaire', site.id),
      resp: await buildUser(t.db, 'responsable', site.id),
    };
    sessions = {
      ts: await loginAs(t.app, users.ts),
      resp: await loginAs(t.app, users.resp),
      admin: await loginAs(t.app, users.admin),
      dpo: await loginAs(t.app, users.dpo),
    };
    const file = await createUsagerAs(t.app, sessions.ts);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/members`,
      headers: sessions.ts.send,
      payload: {
        person: { birthName: 'Membre', firstNames: 'Alex', birthDate: '2001-01-01' },
        relationship: '7',
        startDate: '2024-01-01',
      },
    });
    const member = added
      .json()
      .data.full.household.members.find((m: { relationship: { code: string } }) => m.relationship.code === '7');
    // An appointment of the file (its status can be set) and a partner, for the journal and catalogue routes.
    const entry = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/journal`,
      headers: sessions.ts.send,
      payload: { type: 'rendez_vous', occurredAt: '2026-11-24T10:00:00Z', durationMinutes: 30, place: 'bureau' },
    });
    const partner = await t.app.inject({
      method: 'POST',
      url: '/api/admin/partners',
      headers: sessions.admin.send,
      payload: { name: 'Partenaire', kind: 'CCAS' },
    });
    ids = {
      breakGlass: '',
      notification: '',
      file: file.id,
      memberId: member.memberId,
      site: site.id,
      team: site.teamB,
      user: users.victim.id,
      entryId: entry.json().id,
      code: 'logement',
      partner: partner.json().id,
      section: 'sante',
      shareId: '',
      consentId: '',
      restrictionId: '',
      accessRequest: '',
      document: '',
      visitId: '',
      absenceId: '',
      commission: '',
      aidApplication: '',
      contractId: '',
      actionId: (await t.db.selectFrom('rsa_action_ref').select('id').executeTakeFirstOrThrow()).id,
      sessionId: '',
      passageId: '',
      importId: '',
    };
    ids.contractId = (
      await t.db
        .insertInto('rsa_contract')
        .values({
          person_id: (
            await t.db
              .selectFrom('case_file')
              .select('principal_person_id')
              .where('id', '=', file.id)
              .executeTakeFirstOrThrow()
          ).principal_person_id,
          case_file_id: file.id,
          kind: 'contrat_engagement',
          start_on: '2026-11-02',
          duration_months: 6,
          end_on: '2027-05-01',
          weekly_hours: 15,
          created_by: users.ts.id,
          created_at: new Date(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
    ids.accessRequest = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${file.id}/access-requests`,
        headers: sessions.ts.send,
        payload: { requester: 'personne', receivedOn: '2026-11-02', identityCheck: 'piece_presentee' },
      })
    ).json().id;
    ids.importId = await committedImport(t, sessions.resp, site.id);
    const b = 'badInputBoundary';
    ids.document = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${file.id}/documents`,
        headers: { ...sessions.ts.send, 'content-type': `multipart/form-data; boundary=${b}` },
        payload: Buffer.from(
          `--${b}\r\nContent-Disposition: form-data; name="type"\r\n\r\nrib\r\n--${b}\r\nContent-Disposition: form-data; name="file"; filename="r.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n%%EOF\r\n--${b}--\r\n`,
        ),
      })
    ).json().id;
    const shared = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/shares`,
      headers: sessions.ts.send,
      payload: {
        recipientOrganisation: 'CMP Paris 18e',
        legalGround: 'casf_l121_6_2',
        sections: ['identity'],
        sharedDate: '2026-11-20',
        personInformed: true,
      },
    });
    const consent = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/consents`,
      headers: sessions.ts.send,
      payload: { purpose: 'Aide', recipient: 'CCAS', givenDate: '2026-10-01' },
    });
    ids.shareId = shared.json().id;
    ids.consentId = consent.json().id;
    // An active opposition (recording another is refused, 409) and a lifted limitation (lifting again is refused, 409).
    const rs = (payload: object) =>
      t.app.inject({ method: 'POST', url: `/api/usagers/${file.id}/restrictions`, headers: sessions.ts.send, payload });
    await rs({ kind: 'opposition', startDate: '2026-11-01', reason: 'Refus des statistiques' });
    ids.restrictionId = (await rs({ kind: 'limitation', startDate: '2026-11-01', reason: 'Contestation' })).json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${file.id}/restrictions/${ids.restrictionId}/lift`,
      headers: sessions.ts.send,
      payload: { endDate: '2026-11-02' },
    });
    // A visit on the reception list, already recorded in the file (recording again answers 200, writes nothing).
    ids.visitId = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${file.id}/accueil`,
        headers: sessions.ts.send,
        payload: {},
      })
    ).json().id;
    await t.app.inject({ method: 'POST', url: `/api/accueil/${ids.visitId}/record`, headers: sessions.ts.send });
    ids.absenceId = (
      await t.app.inject({
        method: 'POST',
        url: '/api/absences',
        headers: sessions.ts.send,
        payload: { kind: 'formation', startsAt: '2031-01-06T09:00:00+01:00', endsAt: '2031-01-06T12:00:00+01:00' },
      })
    ).json().id;
    await t.app.inject({ method: 'POST', url: `/api/absences/${ids.absenceId}/delete`, headers: sessions.ts.send });
    // An aid application in draft (modules/aids): filed by the baseline, never decided, so it repays nothing (422).
    ids.aidApplication = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${file.id}/aid-applications`,
        headers: sessions.ts.send,
        payload: { scheme: 'fsl', aidType: 'eau', form: 'subvention', requestedCents: 20_000, payee: 'personne' },
      })
    ).json().id;
    await commissionFixtures(file.id);
  });
  // A motivated access to the file by a worker of another site: a grant to review and a notification of `ts` to read.
  beforeAll(async () => {
    const other = await buildSite(t.db);
    const outsider = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', other.id, [other.teamA]));
    const grant = await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${ids.file}/break-glass`,
      headers: outsider.send,
      payload: { reason: 'accueil_sans_rdv', justification: 'Accueil sans rendez-vous au site' },
    });
    ids.breakGlass = grant.json().id;
    await t.app.inject({
      method: 'POST',
      url: `/api/break-glass/${ids.breakGlass}/review`,
      headers: sessions.dpo.send,
      payload: { comment: 'Première revue' },
    });
    ids.notification = (
      await t.db.selectFrom('notification').select('id').where('user_id', '=', users.ts.id).executeTakeFirstOrThrow()
    ).id;
  });
  // RSA EP (modules/rsa-ep): a session ahead of the clock and a réorientation passage of the file inscribed at it.
  beforeAll(async () => {
    const session = await t.app.inject({
      method: 'POST',
      url: '/api/rsa/ep/sessions',
      headers: sessions.resp.send,
      payload: {
        date: new Date(t.clock.now().getTime() + 30 * 86_400_000).toISOString().slice(0, 10),
        members: [{ organisation: 'Ville de Paris', name: 'Membre de l’EP' }],
      },
    });
    ids.sessionId = session.json().id;
    ids.passageId = (
      await t.app.inject({
        method: 'POST',
        url: `/api/usagers/${ids.file}/rsa/ep`,
        headers: sessions.ts.send,
        payload: { sessionId: ids.sessionId, motif: 'reorientation', facts: 'Orientation à revoir' },
      })
    ).json().id;
  });
  afterAll(() => t.close());
}
