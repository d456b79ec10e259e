import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runBench, writeReport } from './bench.js';
import { loadBenchSettings } from '../config.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run bench [-- --usagers 5000 --duration 60 --label before-index]`: measures the figures of docs/benchmarks.md and writes
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
      'import-persons': { type: 'string' },
    },
  });
  const settings = loadBenchSettings();
  const databaseUrl = settings.databaseUrl;
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
    importPersons: Number(values['import-persons'] ?? (databaseUrl ? 71_429 : 0)),
    log: (line) => console.log(line),
  });
  const out = values.out ?? fileURLToPath(new URL('../../../docs/benchmarks.md', import.meta.url));
  if (!values['no-write']) {
    writeReport(out, report);
    console.log(`Résultats écrits dans ${out} (section ${report.key})`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('Banc de mesure interrompu :', err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
