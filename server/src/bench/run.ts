import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench, writeReport, writeSection } from './bench.js';
import { renderBlocksSection, runBlocksBench } from './blocks.js';
import { renderPipelineSections, runPipelineBench } from './pipeline.js';
import { loadBenchSettings } from '../config.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run bench [-- --usagers 5000 --duration 60 --label before-index]` (`-- --only blocks`: the building blocks' cases;
 * `-- --only imports|caf-flux|pipeline [--import-persons N --flux-persons N]`: the import pipeline's): measures the figures of docs/benchmarks.md and writes
 * them to docs/benchmarks.md. PostgreSQL when DATABASE_URL is set, else PGlite (JALON_DATA_DIR, or in memory);
 * an empty database is first filled with the scale dataset (--usagers). Traffic only to 127.0.0.1.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      usagers: { type: 'string' },
      duration: { type: 'string', default: '60' },
      connections: { type: 'string', default: '20' },
      users: { type: 'string', default: '20' },
      actors: { type: 'string', default: '20' },
      searches: { type: 'string', default: '1000' },
      baseline: { type: 'string', default: '200' },
      opens: { type: 'string', default: '1000' },
      writes: { type: 'string', default: '500' },
      'max-seconds': { type: 'string', default: '120' },
      label: { type: 'string' },
      mix: { type: 'string', default: '70,20,10' },
      out: { type: 'string' },
      'no-write': { type: 'boolean', default: false },
      'no-migrate': { type: 'boolean', default: false },
      'full-refresh': { type: 'boolean', default: false },
      only: { type: 'string' },
      'import-persons': { type: 'string' },
      'flux-persons': { type: 'string' },
    },
  });
  const settings = loadBenchSettings();
  const out = values.out ?? fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  // The building blocks' cases alone, on a small in-memory dataset (docs/benchmarks.md, "Building blocks").
  if (values.only === 'blocks') {
    const blocks = await runBlocksBench({ usagers: Number(values.usagers ?? 500), log: (l) => console.log(l) });
    if (!values['no-write']) writeSection(out, blocks.key, renderBlocksSection(blocks));
    return;
  }
  const databaseUrl = settings.databaseUrl;
  // The import pipeline's cases alone (docs/benchmarks.md, "Import pipeline"): the legacy export, the CAF flux, or both.
  if (values.only === 'imports' || values.only === 'caf-flux' || values.only === 'pipeline') {
    const report = await runPipelineBench({
      databaseUrl,
      which: values.only,
      importPersons: Number(values['import-persons'] ?? (databaseUrl ? 71_430 : 1_000)),
      fluxPersons: Number(values['flux-persons'] ?? (databaseUrl ? 100_000 : 1_000)),
      log: (l) => console.log(l),
    });
    if (!values['no-write']) for (const [key, text] of renderPipelineSections(report)) writeSection(out, key, text);
    return;
  }
  const root = fileURLToPath(new URL('../../../', import.meta.url));
  const report = await runBench({
    databaseUrl,
    dataDir: databaseUrl ? undefined : settings.dataDir,
    usagers: Number(values.usagers ?? (databaseUrl ? 1_000_000 : 5_000)),
    duration: Number(values.duration),
    connections: Number(values.connections),
    loadUsers: Number(values.users),
    actors: Number(values.actors),
    searches: Number(values.searches),
    baselineQueries: Number(values.baseline),
    opens: Number(values.opens),
    writes: Number(values.writes),
    maxMs: Number(values['max-seconds']) * 1000,
    root,
    label: values.label,
    mix: (([read, search, write]) => ({ read: read / 100, search: search / 100, write: write / 100 }))(
      values.mix.split(',').map(Number) as [number, number, number],
    ),
    migrate: !values['no-migrate'],
    fullRefresh: values['full-refresh'],
    // The legacy import case: ≈ 100,000 rows on PostgreSQL by default, not run on PGlite unless asked.
    importPersons: Number(values['import-persons'] ?? (databaseUrl ? 71_430 : 0)),
    // The CAF flux case: 100,000 persons on PostgreSQL by default, not run on PGlite unless asked.
    fluxPersons: Number(values['flux-persons'] ?? (databaseUrl ? 100_000 : 0)),
    log: (line) => console.log(line),
  });
  if (!values['no-write']) {
    writeReport(out, report);
    console.log(`Résultats écrits dans ${out} (section ${report.key})`);
  }
  // Then the building blocks' cases on the same database (their own section).
  const blocks = await runBlocksBench({
    databaseUrl,
    dataDir: databaseUrl ? undefined : settings.dataDir,
    // An in-memory run's database is gone: the blocks seed a small one of their own.
    usagers: databaseUrl || settings.dataDir ? 0 : 300,
    log: (l) => console.log(l),
  });
  if (!values['no-write']) writeSection(out, blocks.key, renderBlocksSection(blocks));
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('Banc de mesure interrompu :', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
