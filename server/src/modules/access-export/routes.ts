import {
  AccessExportQuery,
  AccessRequestExportParams,
  AccessRequestInput,
  AccessRequestListQuery,
  IdParams,
  type AccessExportDto,
} from '@jalon/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { accessExportToPdf } from './pdf.js';
import { listAccessRequests, recordAccessRequest } from './requests.js';
import { printForPerson, produceAccessExport } from './service.js';

async function send(reply: FastifyReply, doc: AccessExportDto, format: 'pdf' | 'json', prefix: string) {
  const name = `${prefix}-${doc.file.fileNumber}-${doc.generatedAt.slice(0, 10)}.${format}`;
  reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store');
  if (format === 'pdf') return reply.type('application/pdf').send(await accessExportToPdf(doc));
  return reply.type('application/json; charset=utf-8').send(JSON.stringify(doc, null, 2));
}

/**
 * The person's right of access (RGPD art. 15, docs/security.md "Demandes d’accès (Access requests)"): requests recorded on the file,
 * the DPO's list and whole-file export, and the référent's print of what the référent reads.
 */
export async function accessExportRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.post('/api/usagers/:id/access-requests', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    const input = parse(AccessRequestInput, req.body);
    return reply.code(201).send(await recordAccessRequest(ctx, id, input));
  });

  app.get('/api/dpo/access-requests', async (req) => {
    const ctx = ctxOf(req, deps);
    const { status } = parse(AccessRequestListQuery, req.query);
    return listAccessRequests(ctx, status);
  });

  app.get('/api/dpo/access-requests/:id/export', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(AccessRequestExportParams, req.params);
    const { format } = parse(AccessExportQuery, req.query);
    return send(reply, await produceAccessExport(ctx, id), format, 'acces-donnees');
  });

  /** What the référent reads, printed for the person; never another author's private note. */
  app.get('/api/usagers/:id/access-export', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    const { format } = parse(AccessExportQuery, req.query);
    return send(reply, await printForPerson(ctx, id), format, 'impression-personne');
  });
}
