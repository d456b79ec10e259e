import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser } from '../test/factories.js';
import { measureCafFlux } from './caf-flux.js';

/** The "CAF flux import" case of the bench (docs/benchmarks.md), at small scale on PGlite: figures exist, no timing. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('bench: CAF flux', () => {
  it('stages, analyses and commits a first flux, then the next month’s, and reports the times and the peak memory', async () => {
    const site = await buildSite(t.db);
    const u = await buildUser(t.db, 'responsable', site.id);
    const r = await measureCafFlux(t.db, { id: u.id, role: 'responsable', siteId: site.id, teamIds: [] }, 50);
    console.log(
      `bench flux CAF: ${r.persons} personnes (${(r.bytes / 1024).toFixed(0)} Ko), dépôt ${r.stageMs.toFixed(0)} ms, analyse ${r.analyseMs.toFixed(0)} ms, validation ${r.commitMs.toFixed(0)} ms, pic mémoire ${r.peakRssMb.toFixed(0)} Mo`,
    );
    expect(r.committed).toBe(50);
    expect(r.created).toBe(50);
    expect(r.peakRssMb).toBeGreaterThan(0);
    // The next month: the same persons but one (left, one new), found by n° allocataire.
    const next = await measureCafFlux(t.db, { id: u.id, role: 'responsable', siteId: site.id, teamIds: [] }, 50, {
      kind: 'next',
      offset: r.offset,
    });
    expect(next).toMatchObject({ committed: 50, created: 1, matched: 49 });
  }, 120_000);
});
