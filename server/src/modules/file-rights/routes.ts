import { CreateRestrictionInput, IdParams, LiftRestrictionInput, RestrictionParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { listHistory } from './history.js';
import { createRestriction, liftRestriction, listRestrictions } from './service.js';

/** The usager's rights on the file (docs/api.md, Rectification history, limitation and opposition): rectification history, limitation and opposition flags. */
export async function fileRightsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/history', async (req) => listHistory(ctxOf(req, deps), parse(IdParams, req.params).id));
  app.get('/api/usagers/:id/restrictions', async (req) =>
    listRestrictions(ctxOf(req, deps), parse(IdParams, req.params).id),
  );
  app.post('/api/usagers/:id/restrictions', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await createRestriction(ctx, id, parse(CreateRestrictionInput, req.body)));
  });
  app.post('/api/usagers/:id/restrictions/:restrictionId/lift', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id, restrictionId } = parse(RestrictionParams, req.params);
    return liftRestriction(ctx, id, restrictionId, parse(LiftRestrictionInput, req.body));
  });
}
