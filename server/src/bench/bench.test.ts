import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../test/build-test-app.js';
import { runBench, writeReport, type BenchReport } from './bench.js';

/**
 * The bench at small scale, so that it cannot rot (docs/benchmarks.md): 500 usagers in an in-memory PGlite (or a fresh
 * PostgreSQL database when TEST_DATABASE_URL is set, which exercises the COPY path), a 2-second mixed load, the
 * fixed-size cases smaller than in `npm run bench` (docs/testing.md, "Speed"). Only that every figure exists, that each
 * case did the work asked and that the load had no error is asserted — never a timing.
 */
describe('npm run bench, small scale', () => {
  let databaseUrl: string | undefined;
  let dropDb: (() => Promise<void>) | undefined;
  let report: BenchReport;

  beforeAll(async () => {
    ({ databaseUrl, dropDb } = await createTestDatabase('jalon_bench'));
  });
  afterAll(async () => {
    await dropDb?.();
  });

  it('seeds, measures every figure and loads the real app without errors', { timeout: 240_000 }, async () => {
    report = await runBench({
      databaseUrl,
      usagers: 500,
      duration: 2,
      connections: 8,
      loadUsers: 6,
      actors: 6,
      searches: 100,
      baselineQueries: 20,
      opens: 100,
      writes: 50,
      maxMs: 30_000,
      statisticsPages: 5,
      letters: 10,
      commissionApplications: 20,
      root: fileURLToPath(new URL('../../../', import.meta.url)),
    });
    const d = report.dataset;
    expect(d.sites).toBe(60);
    expect(d.users).toBe(1_700);
    expect(d.usagers).toBe(500);
    expect(d.persons / d.usagers).toBeGreaterThan(2);
    expect(d.journal / d.usagers).toBeGreaterThan(8);
    expect(d.searchRows).toBeGreaterThanOrEqual(d.members);

    const u = report.useCases;
    const figures = {
      searchP50: u.search.p50,
      searchP95: u.search.p95,
      searchP99: u.search.p99,
      searchRecall: u.search.recall,
      baselineP50: u.baseline.p50,
      baselineP95: u.baseline.p95,
      ratio: u.baseline.p95 / u.search.p95,
      openP95: u.open.p95,
      writeP95: u.write.p95,
      reqPerSecond: report.load.requestsPerSecond,
      loadP50: report.load.latency.p50,
      loadP99: report.load.latency.p99,
      rssMax: report.load.rss.maxMb,
      bundleGzip: report.bundle.totalGzipKb,
      statisticsP95: report.statistics.page.p95,
      lettersMs: report.letters?.ms ?? NaN,
      commissionMs: report.commission?.ms ?? NaN,
      rsaOpenP95: report.rsa?.open.p95 ?? NaN,
    };
    for (const [name, v] of Object.entries(figures)) expect(Number.isFinite(v), `${name} = ${v}`).toBe(true);
    expect(u.search.n).toBe(100);
    expect(report.statistics.page.n).toBe(5);
    expect(report.letters?.letters).toBe(10);
    expect(report.commission).toMatchObject({ applications: 20, letters: 20 });
    expect(report.rsa?.files).toBeGreaterThan(0);
    expect(report.load.total).toBeGreaterThan(0);
    expect(report.load.errors).toBe(0);
    // On PostgreSQL the load server is a process of its own: the RSS sampled is the server's, not the bench's.
    expect(report.load.rss.separateProcess).toBe(databaseUrl !== undefined);
    expect(report.load.timeouts).toBe(0);
    expect(report.load.non2xx).toBe(0);
    for (const k of ['read', 'search', 'write'] as const) expect(report.load.byKind[k].sent).toBeGreaterThan(0);
  });

  it('writes its section into the report file, replacing the previous one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'jalon-bench-'));
    try {
      const file = join(dir, 'benchmarks.md');
      writeReport(file, report);
      writeReport(file, report);
      const text = readFileSync(file, 'utf8');
      expect(text.split(`<!-- bench:begin ${report.key} -->`).length).toBe(2);
      expect(text).toContain('Statistics page of a responsable');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
