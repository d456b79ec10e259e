import type { LightMyRequestResponse } from 'fastify';
import { sql, type RawBuilder } from 'kysely';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { buildSite, buildUser, type TestSite, type TestUser } from './factories.js';

export interface AppWithSite {
  /** The file's app on its own database, built before its tests and closed after them. */
  t: TestApp;
  /** One site with two teams, built with the app. */
  site: TestSite;
  /** A new social worker of the site's team A. */
  worker: () => Promise<TestUser>;
  /** POST /api/auth/login with these credentials and headers. */
  login: (email: string, password: string, headers?: Record<string, string>) => Promise<LightMyRequestResponse>;
  /** GET /api/auth/me with this cookie. */
  me: (cookie: string) => Promise<LightMyRequestResponse>;
  /** Rows of a table (optionally filtered). */
  count: (table: 'audit_event' | 'case_file', where?: RawBuilder<unknown>) => Promise<number>;
}

/** The session cookie an answer sets, if any. */
export const sessionCookie = (res: LightMyRequestResponse) => res.cookies.find((c) => c.name === 'jalon_sid');

/**
 * The set-up the login tests share (auth, IP throttle, password rules, second factor): registers the file's
 * `beforeAll` and `afterAll` hooks and returns their objects, filled in by `beforeAll`: read them in tests and hooks,
 * not at the top of the file. Call it once, at the top level of the test file.
 */
export function appWithSite(): AppWithSite {
  const t = {} as TestApp;
  const site = {} as TestSite;
  beforeAll(async () => {
    Object.assign(t, await buildTestApp());
    Object.assign(site, await buildSite(t.db));
  });
  afterAll(() => t.close());
  return {
    t,
    site,
    worker: () => buildUser(t.db, 'travailleur_social', site.id, [site.teamA]),
    login: (email, password, headers = {}) =>
      t.app.inject({ method: 'POST', url: '/api/auth/login', headers, payload: { email, password } }),
    me: (cookie) => t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } }),
    count: async (table, where = sql`true`) =>
      Number(
        (await sql<{ n: string }>`select count(*) as n from ${sql.table(table)} where ${where}`.execute(t.db)).rows[0]
          ?.n,
      ),
  };
}
