import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { assertKeyOpensData, generateKeyring, installKeyring, resealAll, writeKeyFile } from '../crypto/index.js';
import { migrate, openDb } from '../db/connect.js';
import { seedDemo } from '../demo/seed.js';
import { createTestDatabase } from '../test/build-test-app.js';
import { allSealedColumns } from '../platform/sealed-columns.js';
import { databaseDigest } from './digest.js';
import { tarNames } from './tar.js';

/** Backup and restore round trip (docs/security.md, Sauvegarde): every table equal (row count and content hash), every sequence in place. */
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jalon-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keyring = generateKeyring();
// A guard, not a speed check: a round trip is three `npm run` processes on the demo dataset, ~30 s on a quiet machine;
// two test files share the CI's two cores (docs/testing.md, "Speed"), and a loaded machine must not fail it.
const BACKUP_TIMEOUT = 300_000;
installKeyring(keyring);

const baseEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) => !['DATABASE_URL', 'TEST_DATABASE_URL', 'JALON_KEY_FILE', 'JALON_DATA_DIR'].includes(k),
    ),
  );
const npm = (args: string[], env: Record<string, string>) =>
  promisify(execFile)('npm', ['run', '--silent', ...args], { cwd: ROOT, env: { ...baseEnv(), ...env } });

/** The demo dataset with its notes encrypted, as the server leaves it after its first start. */
async function fill(opts: { databaseUrl?: string; dataDir?: string }) {
  const { db, close } = await openDb(opts);
  await migrate(db);
  await seedDemo(db, new Date('2026-11-25T09:00:00Z'));
  await resealAll(db, keyring, { rotate: false, columns: allSealedColumns() });
  const digest = await databaseDigest(db);
  await close();
  return digest;
}
async function digestOf(opts: { databaseUrl?: string; dataDir?: string }) {
  const { db, close } = await openDb(opts);
  try {
    await assertKeyOpensData(db, keyring, 'test key', allSealedColumns());
    return await databaseDigest(db);
  } finally {
    await close();
  }
}

describe('npm run backup / npm run restore', () => {
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PGlite: the archive restores every table identically and never carries the key',
    { timeout: BACKUP_TIMEOUT },
    async () => {
      const dataDir = join(dir, 'data');
      const before = await fill({ dataDir });
      writeKeyFile(join(dataDir, 'jalon.key'), keyring);
      expect(Object.keys(before).length).toBeGreaterThan(15);
      expect(Object.values(before).some((d) => typeof d === 'object' && d.rows > 100)).toBe(true);

      const archive = join(dir, 'out', 'jalon.tar.gz');
      const b = await npm(['backup', '--', archive], { JALON_DATA_DIR: dataDir });
      expect(b.stdout).toContain('Sauvegarde écrite');
      const names = tarNames(gunzipSync(readFileSync(archive)));
      expect(names).toContain('PG_VERSION');
      expect(names.filter((n) => n.includes('jalon.'))).toEqual([]);

      const target = join(dir, 'restored');
      const r = await npm(['restore', '--', archive], { JALON_DATA_DIR: target });
      expect(r.stdout).toContain('Restauration terminée');
      expect(r.stdout).toContain('Placez la clé');
      expect(await digestOf({ dataDir: target })).toEqual(before);
      expect(existsSync(join(target, 'jalon.key'))).toBe(false);

      // A second restore onto a database is refused and changes nothing.
      const again = await npm(['restore', '--', archive], { JALON_DATA_DIR: target }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect('code' in again && again.code).toBe(1);
      expect(again.stderr).toContain('contient déjà une base');
    },
  );

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PGlite: a backup is refused while a server holds the folder',
    async () => {
      const dataDir = join(dir, 'locked');
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'jalon.lock'), `${process.pid}\n`);
      const res = await npm(['backup', '--', join(dir, 'never.tar.gz')], { JALON_DATA_DIR: dataDir }).catch(
        (e: { code: number; stderr: string }) => e,
      );
      expect(res.stderr).toContain('utilisé par un autre processus Jalon');
      expect(existsSync(join(dir, 'never.tar.gz'))).toBe(false);
    },
    60_000,
  );

  it.runIf(Boolean(process.env.TEST_DATABASE_URL))(
    'PostgreSQL: pg_dump / pg_restore round trip',
    { timeout: BACKUP_TIMEOUT },
    async () => {
      const src = await createTestDatabase('jalon_backup_src');
      const dst = await createTestDatabase('jalon_backup_dst');
      try {
        const before = await fill({ databaseUrl: src.databaseUrl });
        const dump = join(dir, 'jalon.dump');
        await npm(['backup', '--', dump], { DATABASE_URL: src.databaseUrl as string });
        await npm(['restore', '--', dump], { DATABASE_URL: dst.databaseUrl as string });
        expect(await digestOf({ databaseUrl: dst.databaseUrl })).toEqual(before);
      } finally {
        await src.dropDb?.();
        await dst.dropDb?.();
      }
    },
  );
});
