import { cpus, loadavg } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs } from '../test/factories.js';
import { measureCommission } from './commission.js';

/** The commission case of the bench (docs/benchmarks.md, "Commission"): 200 applications decided in bulk, ≤ 10 s. */

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  for (let i = 0; i < 40; i++) await createUsagerAs(t.app, ref);
}, 120_000);
afterAll(() => t.close());

describe('bench: commission', () => {
  it('decides 200 applications in bulk with their 200 letters within 10 s and reports the time', async () => {
    const r = await measureCommission(t.db, 200, t.clock.now());
    console.log(`bench commission: ${r.applications} décisions, ${r.letters} courriers, ${r.ms.toFixed(0)} ms`);
    expect(r).toMatchObject({ applications: 200, letters: 200 });
    const stored = await t.db
      .selectFrom('document')
      .select((e) => e.fn.countAll<string>().as('n'))
      .where('type', '=', 'courrier')
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(200);
    // The target holds on a machine that runs the bench alone; on a shared one (load above its cores) the figure is
    // printed, not judged (docs/benchmarks.md, "Commission").
    if ((loadavg()[0] ?? 0) <= cpus().length) expect(r.ms).toBeLessThanOrEqual(10_000);
  }, 120_000);
});
