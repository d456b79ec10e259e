import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirBusyError, lockDataDir } from '../db/dir-lock.js';

/**
 * Maintenance commands and the data-folder lock (docs/security.md, Maintenance commands): while a server holds the
 * PGlite folder, each command says so in French and exits with 1, without opening the database (which a second
 * WASM instance on the same folder would crash or corrupt).
 */

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'jalon-maint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = (dataDir: string) => {
  const { DATABASE_URL: _d, TEST_DATABASE_URL: _t, ...rest } = process.env;
  return { ...rest, JALON_DATA_DIR: dataDir, JALON_DEMO: '0' };
};
const run = (script: string, dataDir: string, args: string[] = []) =>
  new Promise<{ code: number; stderr: string; stdout: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join('server/src/scripts', script), ...args],
      { cwd: ROOT, env: env(dataDir) },
      (err, stdout, stderr) => resolve({ code: err ? Number(err.code ?? 1) : 0, stdout, stderr }),
    );
  });

describe('a held data folder', () => {
  const held = join(dir, 'held');
  mkdirSync(held);
  // The test runner itself is the live process holding the folder, like a running server.
  writeFileSync(join(held, 'jalon.lock'), `${process.pid}\n`);

  it.each([
    ['stats-refresh.ts', []],
    ['audit-verify.ts', []],
    ['retention.ts', ['--dry-run']],
    ['migrate.ts', []],
    ['keys-rotate.ts', []],
    ['backup.ts', [join(dir, 'never.tar.gz')]],
  ] as const)(
    '%s refuses in French, exits with 1 and leaves the folder alone',
    async (script, args) => {
      const res = await run(script, held, [...args]);
      expect(res.code, res.stderr).toBe(1);
      expect(res.stderr).toMatch(/est utilisé par un autre processus Jalon \(pid \d+\) : arrêtez-le d’abord\./);
      expect(res.stderr).not.toMatch(/\n\s+at |RuntimeError|Aborted|wasm/i);
      expect(readdirSync(held)).toEqual(['jalon.lock']);
      expect(readFileSync(join(held, 'jalon.lock'), 'utf8')).toBe(`${process.pid}\n`);
      expect(existsSync(join(dir, 'never.tar.gz'))).toBe(false);
    },
    60_000,
  );
});

describe('lockDataDir', () => {
  it('is taken atomically, refused while its owner lives, taken over from a dead one', () => {
    const d = join(dir, 'unit');
    const unlock = lockDataDir(d);
    expect(readFileSync(join(d, 'jalon.lock'), 'utf8')).toBe(`${process.pid}\n`);
    unlock();
    expect(existsSync(join(d, 'jalon.lock'))).toBe(false);
    writeFileSync(join(d, 'jalon.lock'), `${process.ppid}\n`);
    expect(() => lockDataDir(d)).toThrow(DataDirBusyError);
    writeFileSync(join(d, 'jalon.lock'), '999999999\n');
    const again = lockDataDir(d);
    expect(readFileSync(join(d, 'jalon.lock'), 'utf8')).toBe(`${process.pid}\n`);
    again();
  });
});
