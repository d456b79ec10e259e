import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { IdParams } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { documentMaxBytes } from '../../config.js';
import { ctxOf } from '../../context.js';
import type { AppDeps } from '../../context.js';
import { AppError, parse } from '../../errors.js';
import { databaseStore } from './store.js';
import { authorizeUpload, listDocuments, openDocument, uploadDocument } from './service.js';

/** Documents of a file: upload (multipart, streamed), list, download (streamed). docs/api.md, "Documents". */
export async function documentRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  const store = databaseStore(deps.db);
  const maxBytes = documentMaxBytes();
  // Multipart is parsed only in this scope; the rest of the API stays JSON only.
  await api.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: maxBytes + 1, files: 1, fields: 5, fieldSize: 1000, parts: 6 },
    });
    scope.post('/api/usagers/:id/documents', async (req, reply) => {
      const ctx = ctxOf(req, deps);
      const { id } = parse(IdParams, req.params);
      await authorizeUpload(ctx, id);
      if (!req.isMultipart())
        throw new AppError(400, 'validation_error', 'Envoyez le fichier en multipart/form-data (champ « file »)');
      const part = await req.file();
      if (!part || part.fieldname !== 'file')
        throw new AppError(
          400,
          'file_missing',
          'Aucun fichier reçu : joignez-le dans le champ « file », après le type',
        );
      return reply.code(201).send(await uploadDocument(ctx, store, id, part, maxBytes));
    });
  });
  api.get('/api/usagers/:id/documents', async (req) => listDocuments(ctxOf(req, deps), parse(IdParams, req.params).id));
  api.get('/api/documents/:id/content', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { doc, chunks } = await openDocument(ctx, store, parse(IdParams, req.params).id);
    const inline = doc.mime === 'application/pdf' || doc.mime.startsWith('image/');
    const name = encodeURIComponent(doc.file_name);
    reply
      .header('content-type', doc.mime)
      .header('content-length', String(doc.size))
      .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename*=UTF-8''${name}`)
      .header('cache-control', 'private, no-store')
      // A stored file never runs as a page of the application: no script, shown only in a frame of the app itself.
      .header(
        'content-security-policy',
        `default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'${inline ? '' : '; sandbox'}`,
      )
      .header('x-frame-options', 'SAMEORIGIN');
    return reply.send(Readable.from(chunks));
  });
}
