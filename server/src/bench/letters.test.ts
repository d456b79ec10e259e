import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs } from '../test/factories.js';
import { measureLetters } from './letters.js';

/** The letters case of the bench (docs/benchmarks.md, "Letters"), small: 50 convocations, one PDF, ≤ 3 s. */

let t: TestApp;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  const ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  for (let i = 0; i < 50; i++) {
    const f = await createUsagerAs(t.app, ref);
    await t.app.inject({
      method: 'POST',
      url: `/api/usagers/${f.id}/journal`,
      headers: ref.send,
      payload: { type: 'rendez_vous', occurredAt: '2026-12-21T08:00:00Z', durationMinutes: 30, place: 'bureau' },
    });
  }
}, 120_000);
afterAll(() => t.close());

describe('bench: letters', () => {
  it('renders 50 convocations in one batch within 3 s and reports the time', async () => {
    const r = await measureLetters(t.db, 50);
    console.log(`bench letters: ${r.letters} courriers, ${r.ms.toFixed(0)} ms, ${(r.bytes / 1024).toFixed(0)} Ko`);
    expect(r.letters).toBe(50);
    expect(r.ms).toBeLessThanOrEqual(3000);
  });
});
