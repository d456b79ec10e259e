import { buildRegister, canReadRegister, registerToMarkdown } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { notFound, parse } from '../../errors.js';
import { registerToPdf } from './pdf.js';

const RegisterQuery = z.object({ format: z.enum(['md', 'pdf'], { error: 'Format : md ou pdf' }).default('md') });

/** Today as a Paris calendar date (aaaa-mm-jj). */
const parisDate = (d: Date) =>
  new Intl.DateTimeFormat('fr-CA', {
    timeZone: 'Europe/Paris',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(d);

/**
 * `GET /api/admin/registre?format=md|pdf`: the RGPD art. 30 register entry and the AIPD data inventory, generated
 * from the field catalogue (core/src/rgpd). Functional admin and DPO only; anyone else gets 404. No usager data.
 */
export async function registreRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/admin/registre', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    if (!canReadRegister(ctx.actor)) throw notFound('Page');
    const { format } = parse(RegisterQuery, req.query);
    const today = parisDate(ctx.now);
    const doc = buildRegister(today);
    const name = `registre-traitements-jalon-${today}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (format === 'pdf') return reply.type('application/pdf').send(await registerToPdf(doc, today));
    return reply.type('text/markdown; charset=utf-8').send(registerToMarkdown(doc));
  });
}
