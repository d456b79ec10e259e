import { ChangePasswordInput, LoginInput, SetupInput } from '@jalon/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ctxOf } from '../context.js';
import { audit, auditAnonymous } from '../audit/audit.js';
import type { AppDeps } from '../context.js';
import { AppError, conflict, parse, unauthorized } from '../errors.js';
import { assertNotCommonPassword } from './common-passwords.js';
import { ipThrottleOf, tooManyAttempts } from './ip-throttle.js';
import { anyUserExists, findLoginUser, findPasswordHash, insertUser, setOwnPassword } from './queries.js';
import { accountDelayed, clearAttempts, reserveAttempt } from './login-throttle.js';
import { checkSecondFactor, isEnrolled } from './second-factor.js';
import { dummyVerify, hashPassword, verifyPassword } from './passwords.js';
import { meOf, openSession } from './session-reply.js';
import { SESSION_COOKIE, deleteSession, deleteUserSessions } from './sessions.js';

const invalidCredentials = () =>
  new AppError(401, 'invalid_credentials', 'Adresse électronique ou mot de passe incorrect');

const totpRequired = () =>
  new AppError(
    401,
    'totp_required',
    'Saisissez le code à 6 chiffres de votre application d’authentification, ou un code de secours',
    { code: 'Code obligatoire' },
  );
const invalidLoginCode = () =>
  new AppError(
    401,
    'invalid_totp_code',
    'Code incorrect, expiré ou déjà utilisé : saisissez le code affiché maintenant',
    { code: 'Code incorrect ou expiré' },
  );

export async function authRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const ipThrottle = ipThrottleOf(deps);

  const startSession = (reply: FastifyReply, userId: string, now: Date) => openSession(deps, reply, userId, now);

  /** A failed step (password or code): already counted by the reservations, written to the security log. */
  const auditFailure = (req: FastifyRequest, userId: string | null, reason: string) =>
    auditAnonymous(db, req.now, 'auth.login_failed', {
      actorId: userId,
      targetType: 'user',
      targetId: userId,
      diff: { reason },
      requestId: String(req.id),
    });

  const retryLater = (reply: FastifyReply, seconds: number, error: AppError) => {
    reply.header('retry-after', String(seconds));
    return error;
  };

  app.post('/api/auth/login', async (req, reply) => {
    const input = parse(LoginInput, req.body);
    const now = req.now;
    // Both limits reserve the attempt before the password is checked (docs/security.md, Login): the address over
    // every account, then the account from this address, the same way whether the e-mail exists or not.
    const ipWait = ipThrottle.reserve(req.ip, now);
    if (ipWait > 0) throw retryLater(reply, ipWait, tooManyAttempts(ipWait));
    const reservation = await reserveAttempt(db, input.email, req.ip, now);
    if (typeof reservation === 'number') {
      ipThrottle.release(req.ip, now); // no password was tried
      throw retryLater(reply, reservation, accountDelayed(reservation));
    }
    const user = await findLoginUser(db, input.email);
    if (!user || !user.active) {
      await dummyVerify(input.password);
      await auditFailure(req, null, 'unknown_or_inactive');
      throw invalidCredentials();
    }
    if (!(await verifyPassword(user.password_hash, input.password))) {
      await auditFailure(req, user.id, 'password');
      throw invalidCredentials();
    }
    // Second step: an account with a TOTP factor also needs its code (or a recovery code) in the same request.
    let factor: 'totp' | 'recovery' | null = null;
    if (await isEnrolled(db, user.id)) {
      if (!input.code) throw totpRequired();
      const code = input.code;
      factor = await db.transaction().execute((trx) => checkSecondFactor(trx, user.id, code, now, String(req.id)));
      if (!factor) {
        await auditFailure(req, user.id, 'second_factor');
        throw invalidLoginCode();
      }
    }
    ipThrottle.release(req.ip, now);
    await clearAttempts(db, reservation, now);
    // A session cookie sent with the login is dropped: the new session always gets a new id.
    if (req.session) await deleteSession(db, req.session.tokenHash);
    const me = await startSession(reply, user.id, now);
    const actor = { id: user.id, role: me.user.role, siteId: me.user.siteId, teamIds: me.user.teamIds };
    await audit(db, { actor, now, requestId: String(req.id) }, 'auth.login', {
      targetType: 'user',
      targetId: user.id,
      diff: { secondFactor: factor },
    });
    return me;
  });

  app.post('/api/auth/logout', async (req, reply) => {
    if (req.session) await deleteSession(db, req.session.tokenHash);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/me', async (req) => {
    if (!req.session) throw unauthorized();
    return meOf(req.session);
  });

  app.post('/api/auth/password', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const input = parse(ChangePasswordInput, req.body);
    if (!(await verifyPassword(await findPasswordHash(db, ctx.actor.id), input.currentPassword))) {
      throw new AppError(422, 'wrong_password', 'Le mot de passe actuel est incorrect', {
        currentPassword: 'Mot de passe incorrect',
      });
    }
    if (input.currentPassword === input.newPassword) {
      throw new AppError(422, 'same_password', 'Le nouveau mot de passe doit être différent de l’actuel', {
        newPassword: 'Identique à l’actuel',
      });
    }
    assertNotCommonPassword(input.newPassword, 'newPassword');
    const passwordHash = await hashPassword(input.newPassword);
    await db.transaction().execute(async (trx) => {
      await setOwnPassword(trx, ctx.actor.id, passwordHash, ctx.now);
      await deleteUserSessions(trx, ctx.actor.id, req.session?.tokenHash);
      await audit(trx, ctx, 'auth.password_changed', { targetType: 'user', targetId: ctx.actor.id });
    });
    return reply.code(204).send();
  });

  const setupNeeded = async () => !(await anyUserExists(db));

  app.get('/api/setup', async () => ({ needed: await setupNeeded() }));

  app.post('/api/setup', async (req, reply) => {
    const input = parse(SetupInput, req.body);
    assertNotCommonPassword(input.password, 'password');
    const passwordHash = await hashPassword(input.password);
    const id = await db.transaction().execute(async (trx) => {
      // Serialised by the unique e-mail and this check inside the transaction: only the very first admin.
      if (await anyUserExists(trx)) throw conflict('setup_done', 'L’installation est déjà faite : connectez-vous');
      const userId = await insertUser(trx, {
        email: input.email,
        display_name: input.displayName,
        role: 'admin_fonctionnel',
        site_id: null,
        password_hash: passwordHash,
      });
      await auditAnonymous(trx, req.now, 'setup.first_admin', {
        actorId: userId,
        targetType: 'user',
        targetId: userId,
        requestId: String(req.id),
      });
      return userId;
    });
    const me = await startSession(reply, id, req.now);
    return reply.code(201).send(me);
  });
}
