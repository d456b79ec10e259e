import { execFile } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/** pg_dump / pg_restore: in `pgBin` (config `PG_BIN`) if set, else the newest /usr/lib/postgresql/<n>/bin, else the PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore', pgBin?: string): string {
  if (pgBin) return join(pgBin, name);
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', name))) : [];
  const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
  return newest ? join(root, newest, 'bin', name) : name;
}

/** PostgreSQL backup: pg_dump in custom format (one consistent snapshot), written under a temporary name then renamed. */
export async function backupPostgres(databaseUrl: string, outFile: string, pgBin?: string): Promise<void> {
  const tmp = `${outFile}.tmp-${process.pid}`;
  try {
    await run(pgTool('pg_dump', pgBin), ['--format=custom', '--no-owner', '--file', tmp, '--dbname', databaseUrl], {
      maxBuffer: 16 << 20,
    });
    renameSync(tmp, outFile);
  } catch (err) {
    rmSync(tmp, { force: true });
    throw new Error(`pg_dump a échoué : ${(err as { stderr?: string }).stderr?.trim() || String(err)}`, {
      cause: err,
    });
  }
}

/** PostgreSQL restore into an empty database, in one transaction: all or nothing. */
export async function restorePostgres(inFile: string, databaseUrl: string, pgBin?: string): Promise<void> {
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: string }>(
      `select count(*)::text as n from pg_tables where schemaname = 'public'`,
    );
    if (Number(rows[0]?.n) > 0)
      throw new Error('La base cible contient déjà des tables : restaurez dans une base vide.');
  } finally {
    await c.end();
  }
  try {
    await run(
      pgTool('pg_restore', pgBin),
      ['--single-transaction', '--exit-on-error', '--no-owner', '--dbname', databaseUrl, inFile],
      { maxBuffer: 16 << 20 },
    );
  } catch (err) {
    throw new Error(`pg_restore a échoué : ${(err as { stderr?: string }).stderr?.trim() || String(err)}`, {
      cause: err,
    });
  }
}
