import { z } from 'zod';
import type { OidcSettings } from './auth/oidc.js';

/** Environment, parsed once (house convention). */
const Env = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // Loopback unless HOST says otherwise: behind a reverse proxy on the same machine (README, Settings).
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z.string().min(1).optional(),
  JALON_DATA_DIR: z.string().min(1).default('./data'),
  JALON_KEY_FILE: z.string().min(1).optional(),
  JALON_DEMO: z.enum(['0', '1']).default('1'),
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
  demo: boolean;
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
    demo: e.JALON_DEMO === '1',
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
