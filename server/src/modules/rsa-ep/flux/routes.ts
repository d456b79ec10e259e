import multipart from '@fastify/multipart';
import { Uuid } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../../context.js';
import { parse } from '../../../errors.js';
import { readImport, uploadAndStage, uploadMultipart } from '../../imports/index.js';

const FluxParams = z.object({ importId: Uuid });
const FluxFields = z.object({ siteId: Uuid.optional(), teamId: Uuid.optional() }).strict();
const WORDS = {
  limit: 'par flux',
  empty: 'Le flux reçu est vide',
  missing: 'Aucun flux reçu : joignez-le dans le champ « file »',
  notMultipart: 'Envoyez le flux en multipart/form-data (champ « file »)',
};

/**
 * The CAF flux (docs/api.md, "RSA : flux CAF"): an upload staged by the import pipeline with the source `caf` (same
 * access as the imports: the site's manager, or the administrator naming the site), then its status, counts, rows to
 * review and first error. The review and the commit are the imports' routes.
 */
export async function fluxRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (scope) => {
    await scope.register(multipart, uploadMultipart(2));
    // The file streams through the multipart parser (its own limit); a JSON body keeps the API's 1 MB limit.
    scope.post('/api/rsa/flux', async (req, reply) => {
      const r = await uploadAndStage(req, ctxOf(req, deps), WORDS, (raw) => ({
        ...parse(FluxFields, raw),
        source: 'caf',
      }));
      return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
    });
  });
  api.get('/api/rsa/flux/:importId', async (req) =>
    readImport(ctxOf(req, deps), parse(FluxParams, req.params).importId),
  );
}
