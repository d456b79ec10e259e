import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { measureImport } from './imports.js';

/** The imports case of the bench (docs/benchmarks.md, "Imports"), small: 60 persons (84 rows), every row committed. */

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const persons = Number(process.env.JALON_BENCH_IMPORT_PERSONS ?? 60);

describe('bench: imports', () => {
  it(
    'stages, analyses and commits a generated export and reports times and peak memory',
    { timeout: persons > 100 ? 3_600_000 : 120_000 },
    async () => {
      const r = await measureImport(t.db, persons);
      console.log(
        `bench imports: ${r.rows} lignes, dépôt ${r.stageMs.toFixed(0)} ms, analyse ${r.analyseMs.toFixed(0)} ms, validation ${r.commitMs.toFixed(0)} ms, RSS max ${r.peakRssMb.toFixed(0)} Mo`,
      );
      expect(r.committed).toBe(r.rows);
    },
  );
});
