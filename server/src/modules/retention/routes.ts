import { ArchiveReadInput, ExtendRetentionInput, IdParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { extendRetention, listRuns, listUpcoming, readArchivedFile } from './service.js';

/** Retention (docs/adr/005-retention-anonymisation.md): the référent's upcoming deadlines and holds; the DPO's run reports and archive reads. */
export async function retentionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/retention/upcoming', async (req) => listUpcoming(ctxOf(req, deps)));
  app.post('/api/usagers/:id/retention', async (req) => {
    const ctx = ctxOf(req, deps);
    return extendRetention(ctx, parse(IdParams, req.params).id, parse(ExtendRetentionInput, req.body));
  });
  app.get('/api/retention/runs', async (req) => listRuns(ctxOf(req, deps)));
  app.post('/api/retention/archive/:id/read', async (req) => {
    const ctx = ctxOf(req, deps);
    return readArchivedFile(ctx, parse(IdParams, req.params).id, parse(ArchiveReadInput, req.body));
  });
}
