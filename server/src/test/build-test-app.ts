import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { generateKeyring, installKeyring, type Keyring } from '../crypto/index.js';
import { migrate, openDb } from '../db/connect.js';
import type { Db } from '../db/schema.js';

export interface TestClock {
  now: () => Date;
  advance: (ms: number) => void;
  set: (d: Date) => void;
}

export const testClock = (start = new Date('2026-11-25T09:00:00Z')): TestClock => {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms) => void (t += ms), set: (d) => void (t = d.getTime()) };
};

/**
 * A fresh PostgreSQL database for one test file when TEST_DATABASE_URL is set (its URL and how to drop it);
 * nothing when it is not, so the caller uses in-memory PGlite. Empty, or with `migrated`, a copy of the template the
 * global setup migrated (server/src/test/global-setup.ts) when there is one.
 */
export async function createTestDatabase(
  prefix: string,
  opts: { migrated?: boolean } = {},
): Promise<{ databaseUrl?: string; dropDb?: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return {};
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const template = opts.migrated ? inject('postgresTemplate') : undefined;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    databaseUrl: u.toString(),
    dropDb: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

export interface TestApp {
  app: FastifyInstance;
  db: Db;
  clock: TestClock;
  /** The generated encryption keyring installed for this test file. */
  keyring: Keyring;
  close: () => Promise<void>;
}

/** PGlite: the migrated template the global setup dumped (server/src/test/global-setup.ts), if there is one. */
const pgliteTemplate = (): Blob | undefined => {
  const file = inject('pgliteTemplate');
  return file ? new Blob([readFileSync(file)]) : undefined;
};

/**
 * The production app on a migrated database (style rule 15): in-memory PGlite by default; a fresh PostgreSQL
 * database per test file when TEST_DATABASE_URL is set (the CI runs the API tier a second time that way). Both start
 * from the template the global setup migrated once for the run (docs/testing.md, "Speed"); `migrate` then checks
 * that nothing is left to apply.
 */
export async function buildTestApp(): Promise<TestApp> {
  const clock = testClock();
  const keyring = generateKeyring();
  installKeyring(keyring);
  const { databaseUrl, dropDb } = await createTestDatabase('jalon_test', { migrated: true });
  const { db, kind, close } = await openDb(databaseUrl ? { databaseUrl } : { loadDataDir: pgliteTemplate() });
  await migrate(db);
  const app = await buildApp({ db, dbKind: kind, clock: clock.now });
  await app.ready();
  return {
    app,
    db,
    clock,
    keyring,
    close: async () => {
      await app.close();
      await close();
      await dropDb?.();
    },
  };
}
