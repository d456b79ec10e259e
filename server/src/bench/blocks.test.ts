import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/build-test-app.js';
import { buildSite, buildUser, createUsagerAs, loginAs, type Session } from '../test/factories.js';
import { writeSection } from './bench.js';
import { renderBlocksSection } from './blocks.js';
import { measureDocuments } from './documents.js';
import { measureGenogramLayout } from './genogram.js';

/** The building blocks' cases of the bench (docs/benchmarks.md, "Building blocks"), small. */

let t: TestApp;
let ref: Session;
let fileId: string;
let base: string;

beforeAll(async () => {
  t = await buildTestApp();
  const site = await buildSite(t.db);
  ref = await loginAs(t.app, await buildUser(t.db, 'travailleur_social', site.id, [site.teamA]));
  fileId = (await createUsagerAs(t.app, ref)).id;
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(() => t.close());

describe('bench: building blocks', () => {
  it('lays out 4 generations of 64 persons, the median run well within 50 ms', () => {
    const g = measureGenogramLayout({ runs: 20 });
    console.log(`bench genogram: p50 ${g.p50.toFixed(2)} ms, p95 ${g.p95.toFixed(2)} ms`);
    expect(g).toMatchObject({ persons: 64, generations: 4, runs: 20 });
    expect(g.p50).toBeLessThanOrEqual(50);
  });

  it('uploads and downloads a document over HTTP, every byte back, and reports the throughput', async () => {
    const d = await measureDocuments(base, ref, fileId, { sizeMb: 3, runs: 1 });
    console.log(`bench documents: up ${d.uploadMBps.toFixed(1)} MB/s, down ${d.downloadMBps.toFixed(1)} MB/s`);
    expect(d.bytes).toBe(3 * 2 ** 20);
    expect(d.uploadMBps).toBeGreaterThan(0);
    const stored = await t.db
      .selectFrom('document')
      .select(['size', 'mime'])
      .where('case_file_id', '=', fileId)
      .execute();
    expect(stored).toEqual([{ size: 3 * 2 ** 20, mime: 'application/pdf' }]);
    const section = renderBlocksSection({
      key: 'blocks-pglite',
      date: new Date().toISOString(),
      kind: 'pglite',
      usagers: 1,
      machine: 'test',
      documents: d,
      letters: { letters: 50, ms: 900, bytes: 50_000 },
      genogram: measureGenogramLayout({ runs: 5 }),
    });
    expect(section).toMatch(/^<!-- bench:begin blocks-pglite -->[\s\S]*50 letters ≤ 3 s \| met \|[\s\S]*bench:end/);
    // Written twice into a report, the section is replaced, the text around it kept.
    const file = join(mkdtempSync(join(tmpdir(), 'jalon-bench-')), 'benchmarks.md');
    writeFileSync(file, '# Benchmarks\n\nNotes kept.\n');
    writeSection(file, 'blocks-pglite', section);
    writeSection(file, 'blocks-pglite', section.replace('| met |', '| missed |'));
    const text = readFileSync(file, 'utf8');
    expect(text.split('<!-- bench:begin blocks-pglite -->').length).toBe(2);
    expect(text).toContain('Notes kept.');
    expect(text).toContain('50 letters ≤ 3 s | missed |');
  });
});
