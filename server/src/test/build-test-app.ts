import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
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
 * nothing when it is not, so the caller uses in-memory PGlite.
 */
export async function createTestDatabase(
  prefix: string,
): Promise<{ databaseUrl?: string; dropDb?: () => Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) return {};
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
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

/**
 * The production app on a migrated database (style rule 15): in-memory PGlite by default; a fresh PostgreSQL
 * database per test file when TEST_DATABASE_URL is set (the CI runs the API tier a second time that way).
 */
export async function buildTestApp(): Promise<TestApp> {
  const clock = testClock();
  const keyring = generateKeyring();
  installKeyring(keyring);
  const { databaseUrl, dropDb } = await createTestDatabase('jalon_test');
  const { db, kind, close } = await openDb({ databaseUrl });
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
