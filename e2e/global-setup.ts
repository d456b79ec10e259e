import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { generateKeyring, installKeyring, writeKeyFile } from '../server/src/crypto/index.js';
import { migrate, openDb } from '../server/src/db/connect.js';
import { seedDemo } from '../server/src/demo/seed.js';
import { refreshStatistics } from '../server/src/modules/statistics/refresh.js';

/**
 * Global setup of the e2e project (vitest.config.ts; docs/testing.md, "Speed"): the demo database is made once per
 * run, not once per test file. An in-memory PGlite is migrated, seeded with the demo dataset and its statistics
 * refreshed (what the server's statistics job does at start); its data directory is dumped to a folder with, beside
 * it, the key file its sealed columns were written with and the TOTP secrets of the demo accounts with a second
 * factor. Each e2e file's `startE2E` starts its own PGlite from that dump (creating, migrating and seeding one cost
 * ~6.7 s of CPU per file, loading the dump ~1.2 s).
 */
export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'jalon-e2e-demo-'));
  const keyring = generateKeyring();
  installKeyring(keyring);
  const { db, close, dumpDataDir } = await openDb({});
  try {
    await migrate(db);
    const now = new Date();
    const secrets: Record<string, string> = {};
    for (const a of await seedDemo(db, now)) if (a.totpSecret) secrets[a.email] = a.totpSecret;
    await refreshStatistics(db, now);
    writeFileSync(join(dir, 'data.tar'), Buffer.from(await (await dumpDataDir!()).arrayBuffer()));
    writeKeyFile(join(dir, 'keys.json'), keyring);
    writeFileSync(join(dir, 'totp.json'), JSON.stringify(secrets), { mode: 0o600 });
  } finally {
    await close();
  }
  project.provide('e2eDemo', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Folder of the seeded demo database's dump (`data.tar`), its key file and the demo accounts' TOTP secrets. */
    e2eDemo?: string;
  }
}
