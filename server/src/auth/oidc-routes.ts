import { secondFactorRequired } from '@jalon/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, auditAnonymous } from '../audit/audit.js';
import type { AppDeps } from '../context.js';
import { AppError } from '../errors.js';
import { OidcError, OidcLogin, PENDING_TTL_MS } from './oidc.js';
import { ipThrottleOf } from './ip-throttle.js';
import { clearAttempts, reserveAttempt } from './login-throttle.js';
import { findOidcUser } from './queries.js';
import { isEnrolled } from './second-factor.js';
import { openSession } from './session-reply.js';
import { SESSION_COOKIE, deleteSession, sha256Token } from './sessions.js';

const STATE_COOKIE = 'jalon_oidc';
const disabled = () =>
  new AppError(404, 'oidc_disabled', 'La connexion avec ProConnect n’est pas configurée sur cette instance');

/**
 * "Se connecter avec ProConnect": /start sends the browser to the provider, /callback comes back with a code. Both are
 * browser navigations: a failure sends back to the login page with `?erreur=<code>`, shown in French there.
 */
export async function oidcRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const oidc = deps.oidc ? new OidcLogin(deps.oidc) : null;
  const { db } = deps;
  const back = (reply: FastifyReply, code: string) => reply.redirect(`/connexion?erreur=${code}`, 303);
  const ipThrottle = ipThrottleOf(deps);
  const wait = (reply: FastifyReply, seconds: number) => {
    reply.header('retry-after', String(seconds));
    return back(reply, 'too_many_attempts');
  };

  app.get('/api/auth/oidc', async () => ({ enabled: Boolean(oidc) }));

  app.get('/api/auth/oidc/start', async (req, reply) => {
    if (!oidc) throw disabled();
    let started: { url: string; state: string };
    try {
      started = await oidc.start(req.now);
    } catch (err) {
      req.log.warn({ err }, 'OIDC discovery failed');
      return back(reply, 'oidc_unavailable');
    }
    // Lax, not Strict: the provider's redirect back is a cross-site navigation, which must carry it.
    reply.setCookie(STATE_COOKIE, started.state, {
      path: '/api/auth/oidc',
      httpOnly: true,
      sameSite: 'lax',
      secure: Boolean(deps.secureCookies),
      maxAge: PENDING_TTL_MS / 1000,
    });
    return reply.redirect(started.url, 303);
  });

  app.get('/api/auth/oidc/callback', async (req: FastifyRequest, reply) => {
    if (!oidc) throw disabled();
    const now = req.now;
    const requestId = String(req.id);
    reply.clearCookie(STATE_COOKIE, { path: '/api/auth/oidc' });
    // The password login's throttling where it applies (docs/security.md, Login, OpenID Connect): every callback is
    // reserved against the address first, so a flood of forged, replayed or expired callbacks is slowed down like
    // password guesses; only a login that succeeds gives its attempt back.
    const ipWait = ipThrottle.reserve(req.ip, now);
    if (ipWait > 0) return wait(reply, ipWait);
    const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?') + 1) : '';
    let email: string;
    try {
      email = await oidc.finish(query, req.cookies[STATE_COOKIE], now);
    } catch (err) {
      const code = err instanceof OidcError ? err.code : 'oidc_failed';
      if (!(err instanceof OidcError)) req.log.warn({ err }, 'OIDC callback failed');
      return back(reply, code);
    }
    // Once the provider named the account, the delay per account and address applies, as for a password.
    const reservation = await reserveAttempt(db, email, req.ip, now);
    if (typeof reservation === 'number') {
      ipThrottle.release(req.ip, now); // nothing was tried against the account
      return wait(reply, reservation);
    }
    const user = await findOidcUser(db, email);
    if (!user || !user.active) {
      await auditAnonymous(db, now, 'auth.login_failed', {
        targetType: 'user',
        diff: { reason: 'oidc_unknown_account' },
        requestId,
      });
      return back(reply, 'oidc_unknown_account');
    }
    if (user.locked_until && new Date(user.locked_until) > now) return back(reply, 'account_locked');
    // An account with a TOTP factor (mandatory for the admin and the DPO) logs in with its password and code.
    if (secondFactorRequired(user.role) || (await isEnrolled(db, user.id))) {
      await auditAnonymous(db, now, 'auth.login_failed', {
        actorId: user.id,
        targetType: 'user',
        targetId: user.id,
        diff: { reason: 'oidc_second_factor' },
        requestId,
      });
      return back(reply, 'oidc_second_factor');
    }
    ipThrottle.release(req.ip, now);
    await clearAttempts(db, reservation, now);
    const planted = req.cookies[SESSION_COOKIE];
    if (planted) await deleteSession(db, sha256Token(planted));
    const me = await openSession(deps, reply, user.id, now);
    const actor = { id: user.id, role: me.user.role, siteId: me.user.siteId, teamIds: me.user.teamIds };
    await audit(db, { actor, now, requestId }, 'auth.login', {
      targetType: 'user',
      targetId: user.id,
      diff: { method: 'oidc' },
    });
    return reply.redirect('/', 303);
  });
}
