import {
  ContractInput,
  ContractParams,
  ContractPlanInput,
  ContractSignInput,
  ActionRefInput,
  IdParams,
  OarsaQuery,
  Uuid,
  OrientationInput,
  RsaBlockInput,
  RsaMemberParams,
  RsaReferentInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { contractPdf } from './contracts/print.js';
import { createAction, listActions, listActionsAdmin, updateAction } from './contracts/referential.js';
import { createContract, savePlan, signContract } from './contracts/service.js';
import { oarsaCsv } from './oarsa/service.js';
import { transitionOrientation } from './orientation/service.js';
import { rsaTasks } from './tasks/service.js';
import { readRsa, saveRsaBlock, setRsaReferent } from './service.js';

const ActionParams = z.object({ actionId: Uuid });
const TasksQuery = z.object({ scope: z.enum(['mine', 'team'], { error: 'Portée : mine ou team' }).default('mine') });

/** The RSA follow-up of a file (docs/api.md, "RSA"). Thin routes (style rule 6). */
export async function rsaRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/rsa', async (req) => readRsa(ctxOf(req, deps), parse(IdParams, req.params).id));
  app.put('/api/usagers/:id/rsa/members/:memberId', async (req) => {
    const { id, memberId } = parse(RsaMemberParams, req.params);
    return saveRsaBlock(ctxOf(req, deps), id, memberId, parse(RsaBlockInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/members/:memberId/orientation', async (req) => {
    const { id, memberId } = parse(RsaMemberParams, req.params);
    return transitionOrientation(ctxOf(req, deps), id, memberId, parse(OrientationInput, req.body));
  });
  app.post('/api/usagers/:id/rsa/members/:memberId/referents', async (req, reply) => {
    const { id, memberId } = parse(RsaMemberParams, req.params);
    return reply
      .code(201)
      .send(await setRsaReferent(ctxOf(req, deps), id, memberId, parse(RsaReferentInput, req.body)));
  });
  app.post('/api/usagers/:id/rsa/members/:memberId/contracts', async (req, reply) => {
    const { id, memberId } = parse(RsaMemberParams, req.params);
    return reply.code(201).send(await createContract(ctxOf(req, deps), id, memberId, parse(ContractInput, req.body)));
  });
  app.post('/api/usagers/:id/rsa/contracts/:contractId/sign', async (req) => {
    const { id, contractId } = parse(ContractParams, req.params);
    return signContract(ctxOf(req, deps), id, contractId, parse(ContractSignInput, req.body));
  });
  app.put('/api/usagers/:id/rsa/contracts/:contractId/plan', async (req) => {
    const { id, contractId } = parse(ContractParams, req.params);
    return savePlan(ctxOf(req, deps), id, contractId, parse(ContractPlanInput, req.body));
  });
  app.get('/api/usagers/:id/rsa/contracts/:contractId/contract.pdf', async (req, reply) => {
    const { id, contractId } = parse(ContractParams, req.params);
    const { pdf } = await contractPdf(ctxOf(req, deps), id, contractId);
    return reply
      .type('application/pdf')
      .header('content-disposition', 'attachment; filename="contrat-engagement.pdf"')
      .send(pdf);
  });
  // The referential of actions (theme → objective → action): read by the workers, edited by the administrator.
  app.get('/api/rsa/actions', async (req) => listActions(ctxOf(req, deps)));
  app.get('/api/admin/rsa/actions', async (req) => listActionsAdmin(ctxOf(req, deps)));
  app.post('/api/admin/rsa/actions', async (req, reply) =>
    reply.code(201).send(await createAction(ctxOf(req, deps), parse(ActionRefInput, req.body))),
  );
  app.put('/api/admin/rsa/actions/:actionId', async (req) =>
    updateAction(ctxOf(req, deps), parse(ActionParams, req.params).actionId, parse(ActionRefInput, req.body)),
  );
  // The DREES OARSA export, under the statistics' disclosure control (ADR 009).
  app.get('/api/statistics/oarsa.csv', async (req, reply) => {
    const { year } = parse(OarsaQuery, req.query);
    const csv = await oarsaCsv(ctxOf(req, deps), year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="oarsa-${year}.csv"`)
      .send(csv);
  });
  app.get('/api/rsa/tasks', async (req) => rsaTasks(ctxOf(req, deps), parse(TasksQuery, req.query).scope));
}
