import {
  AidApplicationCreateInput,
  AidFactsPutInput,
  AidTransitionInput,
  BudgetPutInput,
  IdParams,
  RepaymentInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { createApplication, listFileApplications, putFacts, readApplication } from './applications.js';
import { readBudget, saveBudget } from './budget.js';
import { readEligibility } from './eligibility.js';
import { listLateRepayments } from './late.js';
import { recordRepayment, transitionApplication } from './transitions.js';

/** The budget of a file and its aid applications (docs/api.md, "Budget et aides"). Thin routes (style rule 6). */
export async function aidsRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const id = (req: { params: unknown }) => parse(IdParams, req.params).id;
  app.get('/api/usagers/:id/budget', async (req) => readBudget(ctxOf(req, deps), id(req)));
  app.put('/api/usagers/:id/budget', async (req) =>
    saveBudget(ctxOf(req, deps), id(req), parse(BudgetPutInput, req.body)),
  );
  app.get('/api/usagers/:id/aid-applications', async (req) => listFileApplications(ctxOf(req, deps), id(req)));
  app.post('/api/usagers/:id/aid-applications', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const fileId = id(req);
    return reply.code(201).send(await createApplication(ctx, fileId, parse(AidApplicationCreateInput, req.body)));
  });
  app.get('/api/aids/late-repayments', async (req) => listLateRepayments(ctxOf(req, deps)));
  app.get('/api/aid-applications/:id', async (req) => readApplication(ctxOf(req, deps), id(req)));
  app.get('/api/aid-applications/:id/eligibility', async (req) => readEligibility(ctxOf(req, deps), id(req)));
  app.post('/api/aid-applications/:id/transitions', async (req) =>
    transitionApplication(ctxOf(req, deps), id(req), parse(AidTransitionInput, req.body)),
  );
  app.put('/api/aid-applications/:id/facts', async (req) =>
    putFacts(ctxOf(req, deps), id(req), parse(AidFactsPutInput, req.body)),
  );
  app.post('/api/aid-applications/:id/repayments', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const appId = id(req);
    return reply.code(201).send(await recordRepayment(ctx, appId, parse(RepaymentInput, req.body)));
  });
}
