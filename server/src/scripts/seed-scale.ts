import { parseArgs } from 'node:util';
import { openLoadTarget, seedScale } from '../bench/scale-data.js';
import { loadBenchSettings } from '../config.js';
import { installRegistry } from '../modules/registry.js';

// The modules this process serves, handed to the platform services (docs/adr/007-module-contract.md).
installRegistry();

/**
 * `npm run seed:scale -- --usagers 1000000`: fills an empty database with the synthetic Paris of docs/benchmarks.md.
 * PostgreSQL when DATABASE_URL is set (COPY), otherwise PGlite in JALON_DATA_DIR (default ./data-scale).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      usagers: { type: 'string', default: '100000' },
      seed: { type: 'string', default: '2026' },
      chunk: { type: 'string' },
    },
  });
  const usagers = Number(values.usagers);
  if (!Number.isInteger(usagers) || usagers < 1) throw new Error('--usagers : un entier positif');
  const settings = loadBenchSettings();
  const databaseUrl = settings.databaseUrl;
  const dataDir = databaseUrl ? undefined : (settings.dataDir ?? './data-scale');
  console.log(
    `Jeu de données à l’échelle : ${usagers.toLocaleString('fr-FR')} usagers dans ${databaseUrl ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${dataDir})`}`,
  );
  const target = await openLoadTarget({ databaseUrl, dataDir });
  try {
    const summary = await seedScale(target, {
      usagers,
      seed: Number(values.seed),
      chunk: values.chunk ? Number(values.chunk) : undefined,
      log: (line) => console.log(line),
    });
    for (const [table, n] of Object.entries(summary.rows))
      console.log(`  ${table.padEnd(22)} ${n.toLocaleString('fr-FR').padStart(14)}`);
    console.log(`Durée totale : ${summary.seconds.toFixed(0)} s`);
  } finally {
    await target.close();
  }
}

main().catch((err: unknown) => {
  console.error('Chargement impossible :', err instanceof Error ? err.message : err);
  process.exit(1);
});
