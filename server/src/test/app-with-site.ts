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
}

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
  return { t, site, worker: () => buildUser(t.db, 'travailleur_social', site.id, [site.teamA]) };
}
