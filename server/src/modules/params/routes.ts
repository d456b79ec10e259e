import { SetParamInput, canManageOrganisation } from '@jalon/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { forbidden, parse } from '../../errors.js';
import { listParams, setParam } from './service.js';

/** Dated parameters: the functional admin reads them and schedules future values. */
export async function paramRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const adminCtx = (req: FastifyRequest) => {
    const ctx = ctxOf(req, deps);
    if (!canManageOrganisation(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
    return ctx;
  };
  app.get('/api/admin/parameters', async (req) => listParams(adminCtx(req)));
  app.post('/api/admin/parameters', async (req, reply) => {
    const ctx = adminCtx(req);
    return reply.code(201).send(await setParam(ctx, parse(SetParamInput, req.body)));
  });
}
