import { IdParams, MergeFilesInput } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { listMerges, mergeFiles, undoMerge } from './service.js';

/** The undo takes no body: anything but `{}` is refused (400). */
const EmptyBody = z.object({}).strict();

/** Fusion de dossiers: merge, undo within 30 days, list. docs/api.md, "Fusion de dossiers". */
export async function fileMergeRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  api.post('/api/usagers/:id/merge', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    return reply.code(201).send(await mergeFiles(ctx, id, parse(MergeFilesInput, req.body)));
  });
  api.post('/api/file-merges/:id/undo', async (req) => {
    const { id } = parse(IdParams, req.params);
    parse(EmptyBody, req.body === undefined ? {} : req.body);
    return undoMerge(ctxOf(req, deps), id);
  });
  api.get('/api/usagers/:id/merges', async (req) => listMerges(ctxOf(req, deps), parse(IdParams, req.params).id));
}
