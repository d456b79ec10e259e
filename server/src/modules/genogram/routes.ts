import { GenogramPutInput, IdParams, layoutGenogram, OpenGenogramRelationsInput, renderGenogramSvg } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { openGenogramRelations, readGenogram, readGenogramData, saveGenogram } from './service.js';

const ReadQuery = z.object({ relations: z.enum(['0', '1'], { error: 'relations : 0 ou 1' }).optional() });

/** The genogram of a file (docs/api.md, Génogramme). Thin routes (style rule 6). */
export async function genogramRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  app.get('/api/usagers/:id/genogram', async (req) => {
    const { relations } = parse(ReadQuery, req.query);
    return readGenogram(ctxOf(req, deps), parse(IdParams, req.params).id, relations === '1');
  });
  // The drawing without its relationship lines (those stay behind their opening reason, in the editor).
  app.get('/api/usagers/:id/genogram.svg', async (req, reply) => {
    const data = await readGenogramData(ctxOf(req, deps), parse(IdParams, req.params).id);
    return reply
      .type('image/svg+xml; charset=utf-8')
      .header('content-disposition', 'attachment; filename="genogramme.svg"')
      .send(renderGenogramSvg(data, layoutGenogram(data)));
  });
  app.put('/api/usagers/:id/genogram', async (req) =>
    saveGenogram(ctxOf(req, deps), parse(IdParams, req.params).id, parse(GenogramPutInput, req.body)),
  );
  app.post('/api/usagers/:id/genogram/relations/open', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const id = parse(IdParams, req.params).id;
    return reply.code(201).send(await openGenogramRelations(ctx, id, parse(OpenGenogramRelationsInput, req.body)));
  });
}
