import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { CommitImportInput, CreateImportFields, IdParams, ImportMappingInput } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type AppDeps } from '../../context.js';
import { AppError, parse } from '../../errors.js';
import { listRecentImports, readImport } from './read.js';
import { importReport } from './report.js';
import { mapImport, requestCommit, stageImport, targetSite } from './service.js';

/** Files over this size are refused while they arrive (docs/api.md, "Imports"). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

const tooLarge = () =>
  new AppError(413, 'file_too_large', 'Fichier trop volumineux : 200 Mo au plus par import ; découpez l’export');

/** The uploaded bytes, refused as soon as they pass the limit (the rest of the upload is not read). */
async function readLimited(file: AsyncIterable<Buffer> & { truncated: boolean }): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of file) {
    size += chunk.length;
    if (size > IMPORT_MAX_BYTES) throw tooLarge();
    chunks.push(chunk);
  }
  if (file.truncated) throw tooLarge();
  if (size === 0) throw new AppError(400, 'file_missing', 'Le fichier reçu est vide');
  return Buffer.concat(chunks);
}

/** Imports: upload (multipart: fields, then the file), status, mapping, commit, report (docs/api.md, "Imports"). */
export async function importRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (scope) => {
    await scope.register(multipart, {
      throwFileSizeLimit: false,
      limits: { fileSize: IMPORT_MAX_BYTES + 1, files: 1, fields: 6, fieldSize: 200, parts: 7 },
    });
    // The multipart limit cuts the file itself (a multipart body is streamed, not held by the JSON body limit).
    scope.post('/api/imports', async (req, reply) => {
      const ctx = ctxOf(req, deps);
      if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES + 1024 * 1024) throw tooLarge();
      if (!req.isMultipart())
        throw new AppError(400, 'validation_error', 'Envoyez le fichier en multipart/form-data (champ « file »)');
      const raw: Record<string, string> = {};
      for await (const part of req.parts()) {
        if (part.type === 'field') {
          raw[part.fieldname] = String(part.value);
          continue;
        }
        if (part.fieldname !== 'file') break;
        const fields = parse(CreateImportFields, raw);
        const siteId = await targetSite(ctx, fields);
        const bytes = await readLimited(part.file);
        const r = await stageImport(ctx, { siteId, fields, fileName: part.filename, bytes });
        return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
      }
      // Fields alone: their own errors first, then the missing file.
      await targetSite(ctx, parse(CreateImportFields, raw));
      throw new AppError(400, 'file_missing', 'Aucun fichier reçu : joignez-le dans le champ « file »');
    });
  });
  api.get('/api/imports', async (req) => ({ data: await listRecentImports(ctxOf(req, deps)) }));
  api.get('/api/imports/:id', async (req) => readImport(ctxOf(req, deps), parse(IdParams, req.params).id));
  api.put('/api/imports/:id/mapping', async (req) =>
    mapImport(ctxOf(req, deps), parse(IdParams, req.params).id, parse(ImportMappingInput, req.body)),
  );
  api.post('/api/imports/:id/commit', async (req, reply) =>
    reply
      .code(202)
      .send(await requestCommit(ctxOf(req, deps), parse(IdParams, req.params).id, parse(CommitImportInput, req.body))),
  );
  api.get('/api/imports/:id/report.csv', async (req, reply) => {
    const ctx = ctxOf(req, deps);
    const { id } = parse(IdParams, req.params);
    const lines = importReport(ctx, id);
    // The first chunk checks the access (404) before any header is sent.
    const first = await lines.next();
    reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="import-${id.slice(0, 8)}-rapport.csv"`)
      .header('cache-control', 'private, no-store');
    return reply.send(
      Readable.from(
        (async function* () {
          if (!first.done) yield first.value;
          yield* lines;
        })(),
      ),
    );
  });
}
