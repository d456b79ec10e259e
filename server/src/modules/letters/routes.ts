import { AppointmentParams, ConvocationsQuery, IdParams, LetterTemplateInput, SendLetterInput } from '@jalon/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { convocationPdf, listTemplates, saveTemplate, sendLetter, siteConvocations } from './service.js';

const sendPdf = (reply: FastifyReply, bytes: Buffer, name: string) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('cache-control', 'private, no-store')
    .send(bytes);

/** Letters from templates (docs/api.md, "Courriers"). */
export async function letterRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.get('/api/admin/letter-templates', async (req) => listTemplates(ctxOf(req, deps)));
  api.post('/api/admin/letter-templates', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    return reply.code(201).send(await saveTemplate(ctx, parse(LetterTemplateInput, req.body)));
  });
  api.get('/api/appointments/:entryId/convocation.pdf', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    return sendPdf(reply, await convocationPdf(ctx, parse(AppointmentParams, req.params).entryId), 'convocation.pdf');
  });
  api.post('/api/usagers/:id/letters', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await sendLetter(ctx, id, parse(SendLetterInput, req.body)));
  });
  api.get('/api/site/convocations.pdf', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { date } = parse(ConvocationsQuery, req.query);
    return sendPdf(reply, await siteConvocations(ctx, date), `convocations-${date}.pdf`);
  });
}
