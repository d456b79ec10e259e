import { secondFactorRequired, sessionAbilities, type MeDto } from '@jalon/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../errors.js';
import type { AppDeps, RequestSession } from '../context.js';
import { findSessionUser } from './queries.js';
import { isEnrolled } from './second-factor.js';
import { SESSION_COOKIE, createSession } from './sessions.js';

export const meOf = (
  s: Pick<RequestSession, 'actor' | 'user' | 'csrfToken' | 'secondFactorEnrolled' | 'mustChangePassword'>,
): MeDto => ({
  user: {
    id: s.user.id,
    email: s.user.email,
    displayName: s.user.displayName,
    role: s.actor.role,
    siteId: s.actor.siteId,
    siteName: s.user.siteName,
    siteProfile: s.user.siteProfile,
    teamIds: [...s.actor.teamIds],
  },
  csrfToken: s.csrfToken,
  secondFactor: { enrolled: s.secondFactorEnrolled, required: secondFactorRequired(s.actor.role) },
  mustChangePassword: s.mustChangePassword,
  can: sessionAbilities(s.actor),
});

/** Routes a session whose password was chosen by an administrator may still reach (docs/security.md, Login). */
const PASSWORD_CHANGE_ROUTES = new Set([
  'GET /api/health',
  'GET /api/setup',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
]);

/** Until the user has changed a password an administrator chose, every other route answers 403. */
export function passwordChangeGate(req: FastifyRequest): void {
  if (!req.session?.mustChangePassword) return;
  if (PASSWORD_CHANGE_ROUTES.has(`${req.method} ${req.routeOptions.url ?? ''}`)) return;
  throw new AppError(
    403,
    'password_change_required',
    'Changez d’abord le mot de passe choisi par l’administrateur : il n’est connu que de vous ensuite',
  );
}

/** Creates a session (new id, new CSRF token), sets its cookie and returns what /me returns. */
export async function openSession(deps: AppDeps, reply: FastifyReply, userId: string, now: Date): Promise<MeDto> {
  const { db } = deps;
  const { cookie, csrfToken } = await createSession(db, userId, now);
  reply.setCookie(SESSION_COOKIE, cookie, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: Boolean(deps.secureCookies),
  });
  const user = await findSessionUser(db, userId);
  return meOf({
    csrfToken,
    actor: { id: user.id, role: user.role, siteId: user.site_id, teamIds: user.teamIds },
    user: {
      id: user.id,
      email: user.email,
      displayName: user.display_name,
      siteName: user.site_name,
      siteProfile: user.site_profile,
    },
    secondFactorEnrolled: await isEnrolled(db, userId),
    mustChangePassword: user.must_change_password,
  });
}
