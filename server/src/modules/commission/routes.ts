import { AgendaInput, BulkDecisionsInput, CommissionListQuery, CommissionSessionInput, IdParams } from '@jalon/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { recordDecisions } from './decisions.js';
import { sessionLetters, sessionPaymentFile, sessionPv } from './outputs.js';
import { checkApplicationPieces, applicationPieces } from './pieces.js';
import { addToAgenda, createSession, sessionDetail, sessionsList } from './sessions.js';
import { aidStatisticsLocation } from './statistics.js';

const sendFile = (reply: FastifyReply, type: string, bytes: Buffer | string, name: string, inline = true) =>
  reply
    .header('content-type', type)
    .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(bytes);

const EmptyBody = z.object({}).strict();

/** Like every statistics route, an unknown filter is refused rather than ignored (docs/adr/009). */
const YearQuery = z.strictObject({
  year: z.coerce
    .number({ error: 'Année invalide' })
    .int({ error: 'Année invalide' })
    .min(2000, { error: 'Année invalide' })
    .max(2100, { error: 'Année invalide' }),
});

/** Commissions of aids, pièces justificatives and aid statistics (docs/api.md, "Commissions"). Thin routes. */
export async function commissionRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.get('/api/commissions', async (req) =>
    sessionsList(ctxOf(req, deps), parse(CommissionListQuery, req.query).status),
  );
  api.post('/api/commissions', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    return reply.code(201).send(await createSession(ctx, parse(CommissionSessionInput, req.body)));
  });
  api.get('/api/commissions/:id', async (req) => sessionDetail(ctxOf(req, deps), parse(IdParams, req.params).id));
  api.post('/api/commissions/:id/agenda', async (req) => {
    const ctx = ctxOf(req, deps);
    return addToAgenda(ctx, parse(IdParams, req.params).id, parse(AgendaInput, req.body));
  });
  api.post('/api/commissions/:id/decisions', async (req) => {
    const ctx = ctxOf(req, deps);
    return recordDecisions(ctx, parse(IdParams, req.params).id, parse(BulkDecisionsInput, req.body));
  });
  api.get('/api/commissions/:id/pv.pdf', async (req, reply) => {
    const { pdf, name } = await sessionPv(ctxOf(req, deps), parse(IdParams, req.params).id);
    return sendFile(reply, 'application/pdf', pdf, name);
  });
  api.get('/api/commissions/:id/letters.pdf', async (req, reply) => {
    const { pdf, name } = await sessionLetters(ctxOf(req, deps), parse(IdParams, req.params).id);
    return sendFile(reply, 'application/pdf', pdf, name);
  });
  api.get('/api/commissions/:id/payments.csv', async (req, reply) => {
    const { csv, name } = await sessionPaymentFile(ctxOf(req, deps), parse(IdParams, req.params).id);
    return sendFile(reply, 'text/csv; charset=utf-8', csv, name, false);
  });
  api.get('/api/aid-applications/:id/pieces', async (req) =>
    applicationPieces(ctxOf(req, deps), parse(IdParams, req.params).id),
  );
  api.post('/api/aid-applications/:id/pieces/check', async (req) => {
    parse(EmptyBody, req.body === undefined ? {} : req.body);
    return checkApplicationPieces(ctxOf(req, deps), parse(IdParams, req.params).id);
  });
  // Moved to the statistics module's indicators (docs/api.md, "Statistiques des aides"): a permanent redirect.
  api.get('/api/statistics/aids', async (req, reply) => {
    const location = aidStatisticsLocation(ctxOf(req, deps), parse(YearQuery, req.query).year);
    return reply.code(308).header('location', location).send();
  });
}
