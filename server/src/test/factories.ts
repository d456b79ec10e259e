import { randomUUID } from 'node:crypto';
import { secondFactorRequired, type Role } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../auth/passwords.js';
import { enrolSecondFactor, loginCode } from './second-factor-factory.js';
import type { Db } from '../db/schema.js';

export const TEST_PASSWORD = 'mot-de-passe-de-test';
let cachedHash: Promise<string> | null = null;
const passwordHash = () => (cachedHash ??= hashPassword(TEST_PASSWORD));

/** Each test builds its own structure (style rule 13): no shared seed, no truncation. */
export async function buildSite(db: Db, over: { code?: string; name?: string } = {}) {
  const code = over.code ?? `site-${randomUUID().slice(0, 8)}`;
  const site = await db
    .insertInto('site')
    .values({ code, name: over.name ?? `Site ${code}`, kind: 'EPS', arrondissements: [18] })
    .returning(['id', 'code', 'name'])
    .executeTakeFirstOrThrow();
  const teamA = await db
    .insertInto('team')
    .values({ site_id: site.id, name: 'Équipe A' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const teamB = await db
    .insertInto('team')
    .values({ site_id: site.id, name: 'Équipe B' })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ...site, teamA: teamA.id, teamB: teamB.id };
}

export type TestSite = Awaited<ReturnType<typeof buildSite>>;

export interface TestUser {
  id: string;
  email: string;
  role: Role;
  siteId: string | null;
  teamIds: string[];
}

/** An admin or DPO gets an enrolled TOTP factor (mandatory for them) unless `secondFactor: false`. */
export async function buildUser(
  db: Db,
  role: Role,
  siteId: string | null,
  teamIds: string[] = [],
  opts: { secondFactor?: boolean } = {},
): Promise<TestUser> {
  const email = `${role}-${randomUUID().slice(0, 8)}@test.jalon.local`;
  const u = await db
    .insertInto('app_user')
    .values({
      email,
      display_name: `Agent ${email.slice(0, 12)}`,
      role,
      site_id: siteId,
      password_hash: await passwordHash(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (teamIds.length)
    await db
      .insertInto('user_team')
      .values(teamIds.map((t) => ({ user_id: u.id, team_id: t })))
      .execute();
  if (opts.secondFactor ?? secondFactorRequired(role)) await enrolSecondFactor(db, u.id, email);
  return { id: u.id, email, role, siteId, teamIds };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a GET. */
  get: Record<string, string>;
  /** Headers for a mutation (cookie + CSRF token). */
  send: Record<string, string>;
}

/** Logs in through the API; for an account with a TOTP factor, with the code of the app's clock (or a recovery code). */
export async function loginAs(
  app: FastifyInstance,
  user: { email: string },
  password = TEST_PASSWORD,
): Promise<Session> {
  const code = loginCode(user.email, app.clock());
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password, ...(code ? { code } : {}) },
  });
  if (res.statusCode !== 200) throw new Error(`login failed ${res.statusCode} ${res.body}`);
  const setCookie = res.cookies.find((c) => c.name === 'jalon_sid');
  if (!setCookie) throw new Error('no session cookie');
  const cookie = `jalon_sid=${setCookie.value}`;
  const csrf = (res.json() as { csrfToken: string }).csrfToken;
  return { cookie, csrf, get: { cookie }, send: { cookie, 'x-csrf-token': csrf } };
}

export const minimalUsager = (over: Record<string, unknown> = {}) => ({
  // Twelve random characters: names sharing a search key (a likely duplicate, docs/security.md) must not happen by chance.
  birthName: `Testnom${randomUUID().replace(/-/g, '').slice(0, 12)}`,
  firstNames: 'Camille',
  birthDate: '1985-04-12',
  ...over,
});

/** Creates a file through the API, as a user would. */
export async function createUsagerAs(
  app: FastifyInstance,
  s: Session,
  body: Record<string, unknown> = minimalUsager(),
) {
  const res = await app.inject({ method: 'POST', url: '/api/usagers', headers: s.send, payload: body });
  if (res.statusCode !== 201) throw new Error(`create failed ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; fileNumber: string };
}

/** A demandeur's RSA block, soumis aux droits et devoirs, droit ouvert et versable (RSA tests add their own dates). */
export const RSA_BLOCK = {
  etatdosrsa: '2',
  natpf: 'RSD',
  toppersdrodevorsa: true,
  rolepers: 'DEM',
  dateOuverture: null,
  numAllocataire: null,
  sitpersdemrsa: null,
};
