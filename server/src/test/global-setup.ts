import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate, openDb } from '../db/connect.js';

/**
 * Global setup of the server test project (vitest.config.ts; docs/testing.md, "Speed"): the migrations run once per
 * test run, not once per test file. On PGlite the migrated data directory is dumped to a file that every test file's
 * `buildTestApp` loads (creating and migrating an in-memory PGlite cost ~3.4 s of CPU per file, loading the dump
 * ~1 s); on PostgreSQL (TEST_DATABASE_URL) a migrated template database is created, and each test file's database
 * is a copy of it (`create database … template …`). `buildTestApp` still runs `migrate`, which finds nothing to do.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (adminUrl) return postgresTemplate(project, adminUrl);
  const { db, close, dumpDataDir } = await openDb({});
  await migrate(db);
  const file = join(tmpdir(), `jalon-test-template-${process.pid}-${randomBytes(4).toString('hex')}.tar`);
  writeFileSync(file, Buffer.from(await (await dumpDataDir!()).arrayBuffer()));
  await close();
  project.provide('pgliteTemplate', file);
  return async () => rmSync(file, { force: true });
}

async function adminQuery(adminUrl: string, text: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(text);
  } finally {
    await admin.end();
  }
}

async function postgresTemplate(project: TestProject, adminUrl: string): Promise<() => Promise<void>> {
  const name = `jalon_template_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  const { db, close } = await openDb({ databaseUrl: u.toString(), poolMax: 1 });
  await migrate(db);
  await close();
  project.provide('postgresTemplate', name);
  return () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** PGlite: path of the migrated data directory's dump. */
    pgliteTemplate?: string;
    /** PostgreSQL: name of the migrated template database. */
    postgresTemplate?: string;
  }
}
