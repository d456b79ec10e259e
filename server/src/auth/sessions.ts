import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '@jalon/core';
import type { Queryable } from '../db/schema.js';
import type { RequestSession } from '../context.js';
import { deleteSessionRow, deleteUserSessionRows, findSessionRow, insertSession, touchSession } from './queries.js';

export const SESSION_COOKIE = 'jalon_sid';
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** last_seen_at is refreshed at most this often, to spare a write per request. */
const TOUCH_EVERY_MS = 60 * 1000;

const sha256 = (s: string) => createHash('sha256').update(s).digest('base64url');
/** What the session table keeps of a cookie value. */
export const sha256Token = sha256;
const token = () => randomBytes(32).toString('base64url');

/** Creates a fresh session (a new id at every login: no fixation). Returns the raw cookie value. */
export async function createSession(
  db: Queryable,
  userId: string,
  now: Date,
): Promise<{ cookie: string; csrfToken: string }> {
  const cookie = token();
  const csrfToken = token();
  await insertSession(db, { tokenHash: sha256(cookie), userId, csrfToken, now });
  return { cookie, csrfToken };
}

/**
 * Resolved sessions kept for a few seconds (docs/benchmarks.md): the session lookup joins five tables and ran on every request.
 * Idle and absolute timeouts are still checked at every request against the cached times. Every change to what a
 * session carries made through this process (logout, password, user, teams, site profile, second factor,
 * motivated access) clears the cache; another process sees it within SESSION_CACHE_TTL_MS.
 */
export const SESSION_CACHE_TTL_MS = 5_000;
const SESSION_CACHE_MAX = 20_000;
interface CachedSession {
  session: RequestSession;
  active: boolean;
  createdAt: number;
  lastSeenAt: number;
  fetchedAt: number;
}
const sessionCache = new Map<string, CachedSession>();

/**
 * Forget every resolved session: app.ts calls it after any write that changes what a session carries (user, teams,
 * site, second factor, motivated access). Deleting sessions forgets just those (`deleteSession`, `deleteUserSessions`).
 */
export function invalidateSessionCache(): void {
  sessionCache.clear();
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
  sessionCache.delete(tokenHash);
  await deleteSessionRow(db, tokenHash);
}

export async function deleteUserSessions(db: Queryable, userId: string, exceptTokenHash?: string): Promise<void> {
  for (const [hash, c] of sessionCache)
    if (c.session.user.id === userId && hash !== exceptTokenHash) sessionCache.delete(hash);
  await deleteUserSessionRows(db, userId, exceptTokenHash);
}

/** Resolves a cookie into the acting user, enforcing idle (30 min) and absolute (12 h) timeouts. */
export async function resolveSession(db: Queryable, cookie: string, now: Date): Promise<RequestSession | null> {
  const tokenHash = sha256(cookie);
  const t = now.getTime();
  let cached = sessionCache.get(tokenHash);
  if (cached && (t < cached.fetchedAt || t - cached.fetchedAt > SESSION_CACHE_TTL_MS)) cached = undefined;
  if (!cached) {
    const loaded = await loadSession(db, tokenHash, now);
    if (!loaded) {
      sessionCache.delete(tokenHash);
      return null;
    }
    cached = { ...loaded, fetchedAt: t };
    if (loaded.active) {
      if (sessionCache.size >= SESSION_CACHE_MAX) sessionCache.clear();
      sessionCache.set(tokenHash, cached);
    }
  }
  const expired =
    t - cached.lastSeenAt > IDLE_TIMEOUT_MS || t - cached.createdAt > ABSOLUTE_TIMEOUT_MS || !cached.active;
  if (expired) {
    await deleteSession(db, tokenHash);
    return null;
  }
  if (t - cached.lastSeenAt > TOUCH_EVERY_MS) {
    await touchSession(db, tokenHash, now);
    cached.lastSeenAt = t;
  }
  return cached.session;
}

async function loadSession(db: Queryable, tokenHash: string, now: Date) {
  const row = await findSessionRow(db, tokenHash, now);
  if (!row) return null;
  const actor: Actor = {
    id: row.id,
    role: row.role,
    siteId: row.site_id,
    teamIds: row.team_ids ?? [],
    motivatedFileIds: row.motivated_file_ids ?? [],
  };
  const session: RequestSession = {
    tokenHash,
    csrfToken: row.csrf_token,
    actor,
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      siteName: row.site_name,
      siteProfile: row.site_profile,
    },
    secondFactorEnrolled: row.factor_enabled_at !== null,
    mustChangePassword: row.must_change_password,
  };
  return {
    session,
    active: row.active,
    createdAt: new Date(row.created_at).getTime(),
    lastSeenAt: new Date(row.last_seen_at).getTime(),
  };
}
