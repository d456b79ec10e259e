import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../../test/factories.js';
import { runRetention } from '../retention/index.js';

/** Dated parameters (docs/architecture.md, "Parameters"): scheduled ahead, never rewritten, read at the decision's date. */

const DAY = 86_400_000;
let t: TestApp;
let admin: Session;
let ref: Session;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  admin = await loginAs(t.app, await buildUser(t.db, 'admin_fonctionnel', null));
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
});
afterAll(async () => t.close());

const setParam = (payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/admin/parameters', headers: admin.send, payload });

describe('parameters', () => {
  it('lists the built-in values as the first version', async () => {
    const r = await t.app.inject({ method: 'GET', url: '/api/admin/parameters', headers: admin.get });
    expect(r.statusCode).toBe(200);
    const dossier = (r.json() as { name: string; versions: { value: number }[] }[]).find(
      (p) => p.name === 'retention.dossier.activeDays',
    );
    expect(dossier?.versions.map((v) => v.value)).toEqual([730]);
  });

  it('refuses a value taking effect today or before, in French', async () => {
    const today = t.clock.now().toISOString().slice(0, 10);
    const r = await setParam({ name: 'statistics.primaryThreshold', value: 6, validFrom: today });
    expect(r.statusCode).toBe(422);
    expect(r.json()).toMatchObject({ error: { code: 'param_past' } });
    const out = await setParam({ name: 'statistics.primaryThreshold', value: 2, validFrom: '2099-01-01' });
    expect(out.statusCode).toBe(400);
    expect(out.json()).toMatchObject({ error: { code: 'validation_error', fields: { value: expect.any(String) } } });
  });

  it('a future value closes the current one; the engine reads the value of its own day and keeps it', async () => {
    const file = await createUsagerAs(t.app, ref);
    const from = new Date(t.clock.now().getTime() + 10 * DAY).toISOString().slice(0, 10);
    const r = await setParam({ name: 'retention.dossier.activeDays', value: 365, validFrom: from });
    expect(r.statusCode).toBe(201);
    const versions = await t.db
      .selectFrom('parameter_version')
      .select(['value', 'valid_from', 'valid_to'])
      .where('name', '=', 'retention.dossier.activeDays')
      .orderBy('valid_from')
      .execute();
    expect(versions.map((v) => [v.value, v.valid_to])).toEqual([
      [730, from],
      [365, null],
    ]);
    // 400 days on: under the old 730 days the file would be kept; the new 365 days anonymise it.
    const report = await runRetention(t.db, new Date(t.clock.now().getTime() + 400 * DAY), {
      dryRun: true,
      trigger: 'cli',
    });
    expect(report.actions).toContainEqual({ caseFileId: file.id, action: 'anonymise' });
    const run = await t.db
      .selectFrom('retention_run')
      .select('params')
      .where('id', '=', report.runId)
      .executeTakeFirstOrThrow();
    expect(run.params).toMatchObject({ 'retention.dossier.activeDays': 365, 'retention.journaux.activeDays': 365 });
    // Before the new value takes effect, the old one still rules.
    const before = await runRetention(t.db, new Date(t.clock.now().getTime() + 5 * DAY), {
      dryRun: true,
      trigger: 'cli',
    });
    expect(before.actions.find((a) => a.caseFileId === file.id)).toBeUndefined();
  });
});
