import {
  ConsentParams,
  CreateConsentInput,
  CreateShareInput,
  IdParams,
  ShareParams,
  WithdrawConsentInput,
} from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { shareExtractPdf } from './extract.js';
import { createConsent, createShare, listPartage, withdrawConsent } from './service.js';

/** Partage (secret partagé) and consents of a file: its need-to-know only; secretaries and other sites get 404. */
export async function partageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/shares', async (req) => listPartage(ctxOf(req, deps), parse(IdParams, req.params).id));
  app.post('/api/usagers/:id/shares', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await createShare(ctx, id, parse(CreateShareInput, req.body)));
  });
  app.get('/api/usagers/:id/shares/:shareId/extract.pdf', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id, shareId } = parse(ShareParams, req.params);
    const { pdf, fileName } = await shareExtractPdf(ctx, id, shareId);
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName}"`)
      .header('cache-control', 'no-store')
      .send(pdf);
  });
  app.post('/api/usagers/:id/consents', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await createConsent(ctx, id, parse(CreateConsentInput, req.body)));
  });
  app.post('/api/usagers/:id/consents/:consentId/withdraw', async (req) => {
    const ctx = ctxOf(req, deps);
    const { id, consentId } = parse(ConsentParams, req.params);
    return withdrawConsent(ctx, id, consentId, parse(WithdrawConsentInput, req.body));
  });
}
