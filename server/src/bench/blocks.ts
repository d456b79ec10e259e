import os from 'node:os';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../app.js';
import { loadBenchSettings } from '../config.js';
import { generateKeyring, installKeyring, keyFilePath, loadOrCreateKeyFile } from '../crypto/index.js';
import { migrate, openDb, type DatabaseKind } from '../db/connect.js';
import { DEMO_PASSWORD } from '../demo/seed.js';
import { measureDocuments, type DocumentsBench } from './documents.js';
import { measureGenogramLayout, type GenogramBench } from './genogram.js';
import { measureLetters, type LettersBench } from './letters.js';
import { login } from './load.js';
import { pickActors } from './measure.js';
import { isEmpty, seedScale } from './scale-data.js';

/**
 * The building blocks' cases of the bench alone (`npm run bench -- --only blocks`; docs/benchmarks.md, "Building
 * blocks"): a 10 MB document uploaded and downloaded through the HTTP API, the 50 convocations of a day as one PDF,
 * the genogram layout of 4 generations and 64 persons. Alone (`--only blocks`) on a small in-memory dataset, none of
 * them depending on its size; after the full bench on its database.
 */
export interface BlocksReport {
  key: string;
  date: string;
  kind: DatabaseKind;
  usagers: number;
  machine: string;
  documents: DocumentsBench;
  letters: LettersBench;
  genogram: GenogramBench;
}

export async function runBlocksBench(opts: {
  databaseUrl?: string;
  dataDir?: string;
  usagers: number;
  log?: (line: string) => void;
}): Promise<BlocksReport> {
  const log = opts.log ?? (() => {});
  // The key of the dataset when it has one (its names are sealed), as the full bench does; else a key for this run.
  const keyFile = loadBenchSettings().keyFile ?? (opts.dataDir ? keyFilePath({ dataDir: opts.dataDir }) : undefined);
  installKeyring(keyFile ? loadOrCreateKeyFile(keyFile).keyring : generateKeyring());
  const { db, kind, close } = await openDb({ databaseUrl: opts.databaseUrl, dataDir: opts.dataDir });
  try {
    await migrate(db);
    if (await isEmpty(db)) {
      log(`Base vide : chargement de ${opts.usagers} usagers`);
      await seedScale({ db, kind, close }, { usagers: opts.usagers, log });
    }
    const usagers = Number(
      (
        await db
          .selectFrom('case_file')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n ?? 0,
    );
    log('Génogramme : mise en page de 4 générations, 64 personnes…');
    const genogram = measureGenogramLayout();
    log(`  p95 ${genogram.p95.toFixed(2)} ms (premier passage ${genogram.firstMs.toFixed(1)} ms)`);
    log('Convocations du jour (50 courriers, un PDF)…');
    const letters = await measureLetters(db, 50);
    log(`  ${letters.letters} courriers en ${letters.ms.toFixed(0)} ms`);
    const [actor] = await pickActors(db, 1);
    const fileId = actor?.ownFiles[0];
    if (!actor || !fileId) throw new Error('Aucun travailleur social référent dans cette base');
    const app = await buildApp({ db, dbKind: kind, clock: () => new Date() });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
      log('Document de 10 Mo : envoi puis téléchargement (3 fois)…');
      const documents = await measureDocuments(base, await login(base, actor.email, DEMO_PASSWORD), fileId);
      log(`  envoi ${documents.uploadMBps.toFixed(0)} Mo/s, téléchargement ${documents.downloadMBps.toFixed(0)} Mo/s`);
      const cpu = os.cpus();
      return {
        key: `blocks-${kind}`,
        date: new Date().toISOString(),
        kind,
        usagers,
        machine: `${cpu[0]?.model ?? '?'}, ${cpu.length} cores, load average ${os
          .loadavg()
          .map((x) => x.toFixed(2))
          .join(' / ')}; Node ${process.version}`,
        documents,
        letters,
        genogram,
      };
    } finally {
      await app.close();
    }
  } finally {
    await close();
  }
}

const f = (x: number, d = 1) => x.toFixed(d);
const met = (ok: boolean) => (ok ? 'met' : 'missed');

export function renderBlocksSection(r: BlocksReport): string {
  const d = r.documents;
  const g = r.genogram;
  const mb = d.bytes / 2 ** 20;
  return [
    `<!-- bench:begin ${r.key} -->`,
    `### Building blocks (${r.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}, ${r.usagers} usagers)`,
    '',
    `Run of ${r.date.slice(0, 16).replace('T', ' ')} UTC (\`npm run bench -- --only blocks\`); ${r.machine}.`,
    '',
    '| Measure | Result | Target | |',
    '|---|---|---|---|',
    `| Upload of a ${f(mb, 0)} MB PDF through \`POST /api/usagers/:id/documents\` (multipart, streamed, sealed in 1 MB chunks), median of ${d.runs} | ${f(d.uploadMs, 0)} ms, ${f(d.uploadMBps)} MB/s | reported | — |`,
    `| Download of it through \`GET /api/documents/:id/content\` (streamed, opened chunk by chunk, access-logged), median of ${d.runs} | ${f(d.downloadMs, 0)} ms, ${f(d.downloadMBps)} MB/s | reported | — |`,
    `| Convocations of a day as one PDF, ${r.letters.letters} letters in one batch | ${f(r.letters.ms, 0)} ms, ${f(r.letters.bytes / 1024, 0)} KB | 50 letters ≤ 3 s | ${met(r.letters.letters === 50 && r.letters.ms <= 3000)} |`,
    `| Genogram layout (core \`layoutGenogram\`), ${g.generations} generations, ${g.persons} persons, ${g.runs} runs: p50 / p95 / max | ${f(g.p50, 2)} / ${f(g.p95, 2)} / ${f(g.max, 2)} ms (first, cold run ${f(g.firstMs, 1)} ms) | ≤ 50 ms | ${met(g.p95 <= 50 && g.firstMs <= 50)} |`,
    `<!-- bench:end ${r.key} -->`,
  ].join('\n');
}
