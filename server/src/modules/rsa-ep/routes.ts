import {
  EpAvisInput,
  EpDecisionInput,
  EpInscriptionInput,
  EpObservationsInput,
  EpPassageParams,
  EpSessionInput,
  EpSessionParams,
  IdParams,
  OptionalText,
  RemobilisationInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { decide, recordAvis, remobilise, withdraw } from './decision.js';
import { notifyDecision } from './notify.js';
import { epTasks, inscribe, readFileEp, recordObservations } from './passages.js';
import { createEpSession, listEpSessions, readEpSession } from './sessions.js';

const WithdrawInput = z.object({ reason: OptionalText(2000, 'Motif') }).strict();
const NoBody = z.object({}).strict();

/** RSA équipe pluridisciplinaire and sanctions (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"). */
export async function rsaEpRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/rsa/ep/sessions', async (req) => listEpSessions(ctxOf(req, deps)));
  app.post('/api/rsa/ep/sessions', async (req, reply) =>
    reply.code(201).send(await createEpSession(ctxOf(req, deps), parse(EpSessionInput, req.body))),
  );
  app.get('/api/rsa/ep/sessions/:sessionId', async (req) =>
    readEpSession(ctxOf(req, deps), parse(EpSessionParams, req.params).sessionId),
  );
  app.get('/api/rsa/ep/tasks', async (req) => epTasks(ctxOf(req, deps)));

  app.get('/api/usagers/:id/rsa/ep', async (req) => readFileEp(ctxOf(req, deps), parse(IdParams, req.params).id));
  app.post('/api/usagers/:id/rsa/ep', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const id = parse(IdParams, req.params).id;
    return reply.code(201).send(await inscribe(ctx, id, parse(EpInscriptionInput, req.body)));
  });
  const passage = (req: { params: unknown }) => parse(EpPassageParams, req.params);
  app.post('/api/usagers/:id/rsa/ep/:passageId/observations', async (req) => {
    const p = passage(req);
    return recordObservations(ctxOf(req, deps), p.id, p.passageId, parse(EpObservationsInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/ep/:passageId/avis', async (req) => {
    const p = passage(req);
    return recordAvis(ctxOf(req, deps), p.id, p.passageId, parse(EpAvisInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/ep/:passageId/decision', async (req) => {
    const p = passage(req);
    return decide(ctxOf(req, deps), p.id, p.passageId, parse(EpDecisionInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/ep/:passageId/withdraw', async (req) => {
    const p = passage(req);
    return withdraw(ctxOf(req, deps), p.id, p.passageId, parse(WithdrawInput, req.body).reason ?? null);
  });
  app.post('/api/usagers/:id/rsa/ep/:passageId/remobilisation', async (req) => {
    const p = passage(req);
    return remobilise(ctxOf(req, deps), p.id, p.passageId, parse(RemobilisationInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/ep/:passageId/notification', async (req, reply) => {
    const p = passage(req);
    parse(NoBody, req.body);
    return reply.code(201).send(await notifyDecision(ctxOf(req, deps), p.id, p.passageId));
  });
}
