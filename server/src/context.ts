import type { Actor, SiteProfile } from '@jalon/core';
import type { FastifyRequest } from 'fastify';
import type { OidcSettings } from './auth/oidc.js';
import type { DatabaseKind } from './db/connect.js';
import type { Db } from './db/schema.js';
import { unauthorized } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the app's onRequest hook (app.ts). */
    session: RequestSession | null;
    now: Date;
  }
}

/** What every use-case receives (style rule 7): explicit, no DI container. */
export interface Ctx {
  db: Db;
  actor: Actor;
  now: Date;
  requestId: string;
}

export interface AppDeps {
  db: Db;
  dbKind: DatabaseKind;
  /** Controllable clock: tests move time to check session timeouts and lockouts. */
  clock: () => Date;
  secureCookies?: boolean;
  /** ProConnect / OpenID Connect login; absent: password login only. */
  oidc?: OidcSettings;
  /** Fastify's request log (config `log`, `JALON_LOG=1`). */
  log?: boolean;
  /** Folder of the built web app; not served when absent. */
  webDist?: string;
}

export interface SessionUser {
  id: string;
  email: string;
  displayName: string;
  siteName: string | null;
  /** The site's minimisation profile (docs/api.md, Sensitive sections): the web forms ask only what it collects. */
  siteProfile: SiteProfile | null;
}

export interface RequestSession {
  tokenHash: string;
  csrfToken: string;
  actor: Actor;
  user: SessionUser;
  /** Whether the user has a confirmed TOTP factor (mandatory for the admin and the DPO). */
  secondFactorEnrolled: boolean;
  /** The password was chosen by an administrator: until the user changes it, only that change is allowed. */
  mustChangePassword: boolean;
}

/**
 * The use-case context of an authenticated request; 401 without a session. Lives here, not in app.ts, so routes files
 * do not import the app that imports them (docs/architecture.md, "Module contract").
 */
export const ctxOf = (req: FastifyRequest, deps: AppDeps): Ctx => {
  if (!req.session) throw unauthorized();
  return { db: deps.db, actor: req.session.actor, now: req.now, requestId: String(req.id) };
};
