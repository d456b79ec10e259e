import { DOCUMENT_MAX_BYTES } from '@jalon/core';
import { z } from 'zod';
import type { OidcSettings } from './auth/oidc.js';

/**
 * Environment, parsed once (house convention). `process.env` is read in this file only (docs/architecture.md; the ESLint
 * rule `no-restricted-properties` holds it); tests may set variables before they load a config.
 */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback unless HOST says otherwise: behind a reverse proxy on the same machine (README, Settings).
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  JALON_DATA_DIR: z.string().min(1).default('./data'),
  JALON_KEY_FILE: z.string().min(1).optional(),
  JALON_DEMO: z.enum(['0', '1']).optional(),
  JALON_LOG: z.enum(['0', '1']).optional(),
  JALON_DB_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  PG_BIN: z.string().min(1).optional(),
  JALON_SECURE_COOKIES: z.enum(['0', '1']).optional(),
  JALON_OIDC_ISSUER: z.url().optional(),
  JALON_OIDC_CLIENT_ID: z.string().min(1).optional(),
  JALON_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  JALON_OIDC_REDIRECT_URI: z.url().optional(),
  JALON_OIDC_SCOPE: z.string().min(1).optional(),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir: string;
  /** Encryption key file; `<dataDir>/jalon.key` when absent (crypto/startup.ts). */
  keyFile?: string;
  /**
   * Loads the demo data into an empty database: by default on the embedded database (PGlite), on PostgreSQL
   * (`DATABASE_URL`) only with `JALON_DEMO=1`; never with `JALON_DEMO=0`.
   */
  demo: boolean;
  /** Fastify's request log (`JALON_LOG=1`). */
  log: boolean;
  /** PostgreSQL pool size (`JALON_DB_POOL_MAX`, default 10). */
  dbPoolMax: number;
  /** Folder of pg_dump / pg_restore (`PG_BIN`); found under /usr/lib/postgresql when absent. */
  pgBin?: string;
  /** Adds the Secure flag to the session cookie (behind https). */
  secureCookies: boolean;
  /** ProConnect / OpenID Connect login, when issuer, client id and secret and redirect URI are all set. */
  oidc?: OidcSettings;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = Env.parse(env);
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.JALON_DATA_DIR,
    keyFile: e.JALON_KEY_FILE,
    demo: e.JALON_DEMO === undefined ? !e.DATABASE_URL : e.JALON_DEMO === '1',
    log: e.JALON_LOG === '1',
    dbPoolMax: e.JALON_DB_POOL_MAX,
    pgBin: e.PG_BIN,
    secureCookies: e.JALON_SECURE_COOKIES === '1',
    oidc:
      e.JALON_OIDC_ISSUER && e.JALON_OIDC_CLIENT_ID && e.JALON_OIDC_CLIENT_SECRET && e.JALON_OIDC_REDIRECT_URI
        ? {
            issuer: e.JALON_OIDC_ISSUER,
            clientId: e.JALON_OIDC_CLIENT_ID,
            clientSecret: e.JALON_OIDC_CLIENT_SECRET,
            redirectUri: e.JALON_OIDC_REDIRECT_URI,
            scope: e.JALON_OIDC_SCOPE,
          }
        : undefined,
  };
}

/** The benchmarks' and scale scripts' settings (server/src/bench, scripts/seed-scale.ts): raw, each with its default. */
export interface BenchSettings {
  databaseUrl?: string;
  /** `JALON_DATA_DIR` as given (the bench and the scale seed choose their own default). */
  dataDir?: string;
  keyFile?: string;
  /** log-chain.ts: requests of the sequential and concurrent runs, and the concurrency. */
  sequential: number;
  concurrentTotal: number;
  concurrency: number;
  /** log-chain.ts: a PostgreSQL server where each run creates a fresh database. */
  adminUrl?: string;
  /** load.ts: folder for the load server's V8 CPU profile, and extra Node flags for it. */
  cpuProfDir?: string;
  nodeFlags: string[];
}

export function loadBenchSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const num = (v: string | undefined, d: number) => (v ? Number(v) : d);
  return {
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: env.JALON_DATA_DIR || undefined,
    keyFile: env.JALON_KEY_FILE || undefined,
    sequential: num(env.BENCH_SEQUENTIAL, 300),
    concurrentTotal: num(env.BENCH_CONCURRENT, 400),
    concurrency: num(env.BENCH_CONCURRENCY, 8),
    adminUrl: env.BENCH_ADMIN_URL || undefined,
    cpuProfDir: env.JALON_BENCH_CPU_PROF || undefined,
    nodeFlags: (env.JALON_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean),
  };
}

/** The documents' size ceiling (JALON_DOCUMENT_MAX_MB), 15 MB by default; read when the routes are registered. */
export const documentMaxBytes = (env: NodeJS.ProcessEnv = process.env): number => {
  const mb = Number(env.JALON_DOCUMENT_MAX_MB);
  return Number.isFinite(mb) && mb > 0 ? Math.floor(mb * 1024 * 1024) : DOCUMENT_MAX_BYTES;
};
