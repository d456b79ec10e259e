import { AccessExportQuery, IdParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { accessExportToPdf } from './pdf.js';
import { buildAccessExport } from './service.js';

/** `GET /api/usagers/:id/access-export?format=pdf|json`: the person's access export (RGPD art. 15). */
export async function accessExportRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/access-export', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    const { format } = parse(AccessExportQuery, req.query);
    const doc = await buildAccessExport(ctx, id);
    const name = `acces-donnees-${doc.file.fileNumber}-${doc.generatedAt.slice(0, 10)}.${format}`;
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
    if (format === 'pdf') return reply.type('application/pdf').send(await accessExportToPdf(doc));
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc, null, 2));
  });
}
