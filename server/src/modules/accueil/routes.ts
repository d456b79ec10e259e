import { AccueilArrivalInput, AccueilParams, AccueilRecordInput, AccueilSeenInput, IdParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { listVisits, markSeen, recordArrival, recordInFile } from './service.js';

export async function accueilRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/accueil', async (req) => listVisits(ctxOf(req, deps)));
  app.post('/api/usagers/:id/accueil', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await recordArrival(ctx, id, parse(AccueilArrivalInput, req.body)));
  });
  app.post('/api/accueil/:visitId/seen', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { visitId } = parse(AccueilParams, req.params);
    await markSeen(ctx, visitId, parse(AccueilSeenInput, req.body).workerId);
    return reply.code(204).send();
  });
  app.post('/api/accueil/:visitId/record', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { visitId } = parse(AccueilParams, req.params);
    parse(AccueilRecordInput, req.body);
    const r = await recordInFile(ctx, visitId);
    return reply.code(r.created ? 201 : 200).send({ entryId: r.entryId });
  });
}
