import {
  ConfirmSecondFactorInput,
  DisableSecondFactorInput,
  EmptyInput,
  IdParams,
  canManageOrganisation,
  secondFactorRequired,
} from '@jalon/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf } from '../context.js';
import type { AppDeps } from '../context.js';
import { AppError, forbidden, parse, unauthorized } from '../errors.js';
import { confirmEnrolment, disableOwn, resetByAdmin, startEnrolment } from './second-factor.js';

/** Routes a session of an admin or DPO without an enrolled factor may still reach (see `secondFactorGate`). */
export const ENROLMENT_ROUTES = new Set([
  'GET /api/health',
  'GET /api/setup',
  'GET /api/auth/oidc',
  'GET /api/auth/me',
  'POST /api/auth/logout',
  'POST /api/auth/password',
  'POST /api/auth/totp/enrolment',
  'POST /api/auth/totp/confirm',
]);

/** A session of a role that requires the factor, before enrolment, reaches only ENROLMENT_ROUTES: others are 403. */
export function secondFactorGate(req: FastifyRequest): void {
  const s = req.session;
  if (!s || s.secondFactorEnrolled || !secondFactorRequired(s.actor.role)) return;
  if (ENROLMENT_ROUTES.has(`${req.method} ${req.routeOptions.url ?? ''}`)) return;
  throw new AppError(
    403,
    'totp_enrolment_required',
    'La double authentification est obligatoire pour votre profil : activez-la pour continuer',
  );
}

export async function secondFactorRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/api/auth/totp/enrolment', async (req) => {
    const ctx = ctxOf(req, deps);
    parse(EmptyInput, req.body);
    if (!req.session) throw unauthorized();
    return startEnrolment(ctx, req.session.user.email);
  });

  app.post('/api/auth/totp/confirm', async (req) => {
    const ctx = ctxOf(req, deps);
    const input = parse(ConfirmSecondFactorInput, req.body);
    return confirmEnrolment(ctx, input.code);
  });

  app.post('/api/auth/totp/disable', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const input = parse(DisableSecondFactorInput, req.body);
    await disableOwn(ctx, input.password);
    return reply.code(204).send();
  });

  app.post('/api/admin/users/:id/totp/reset', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
    const { id } = parse(IdParams, req.params);
    parse(EmptyInput, req.body);
    await resetByAdmin(ctx, id);
    return reply.code(204).send();
  });
}
