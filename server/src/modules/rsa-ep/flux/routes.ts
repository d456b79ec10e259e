import multipart from '@fastify/multipart';
import { Uuid } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ctxOf, type AppDeps } from '../../../context.js';
import { AppError, parse } from '../../../errors.js';
import { IMPORT_MAX_BYTES, readImport, stageImport, targetSite } from '../../imports/index.js';

const FluxParams = z.object({ importId: Uuid });
const FluxFields = z.object({ siteId: Uuid.optional(), teamId: Uuid.optional() }).strict();
const tooLarge = () => new AppError(413, 'file_too_large', 'Fichier trop volumineux : 200 Mo au plus par flux');

/**
 * The CAF flux (docs/api.md, "RSA : flux CAF"): an upload staged by the import pipeline with the source `caf` (same
 * access as the imports: the site's manager, or the administrator naming the site), then its status, counts, rows to
 * review and first error. The review and the commit are the imports' routes.
 */
export async function fluxRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES + 1, files: 1, fields: 2, fieldSize: 200, parts: 3 },
    });
    // The file streams through the multipart parser (its own limit); a JSON body keeps the API's 1 MB limit.
    scope.post('/api/rsa/flux', async (req, reply) => {
      const ctx = ctxOf(req, deps);
      if (!req.isMultipart())
        throw new AppError(400, 'validation_error', 'Envoyez le flux en multipart/form-data (champ « file »)');
      const raw: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          raw[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') break;
        const fields = { ...parse(FluxFields, raw), source: 'caf' };
        const siteId = await targetSite(ctx, fields);
        const chunks: Buffer[] = [];
        let size = 0;
        for await (const chunk of part.file as AsyncIterable<Buffer>) {
          size += chunk.length;
          if (size > IMPORT_MAX_BYTES) throw tooLarge();
          chunks.push(chunk);
        }
        if (part.file.truncated) throw tooLarge();
        if (size === 0) throw new AppError(400, 'file_missing', 'Le flux reçu est vide');
        const r = await stageImport(ctx, { siteId, fields, fileName: part.filename, bytes: Buffer.concat(chunks) });
        return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
      }
      await targetSite(ctx, { ...parse(FluxFields, raw), source: 'caf' });
      throw new AppError(400, 'file_missing', 'Aucun flux reçu : joignez-le dans le champ « file »');
    });
  });
  api.get('/api/rsa/flux/:importId', async (req) =>
    readImport(ctxOf(req, deps), parse(FluxParams, req.params).importId),
  );
}
