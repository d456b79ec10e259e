import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import { CommitImportInput, CreateImportFields, IdParams, ImportMappingInput } from '@jalon/core';
import type { FastifyInstance } from 'fastify';
import { ctxOf, type AppDeps } from '../../context.js';
import { parse } from '../../errors.js';
import { listImportProfiles, listRecentImports, readImport } from './read.js';
import { importReport } from './report.js';
import { mapImport, requestCommit } from './service.js';
import { uploadAndStage, uploadMultipart } from './upload.js';

const WORDS = {
  limit: 'par import ; découpez l’export',
  empty: 'Le fichier reçu est vide',
  missing: 'Aucun fichier reçu : joignez-le dans le champ « file »',
  notMultipart: 'Envoyez le fichier en multipart/form-data (champ « file »)',
};

/** Imports: upload (multipart: fields, then the file), status, mapping, commit, report (docs/api.md, "Imports"). */
export async function importRoutes(api: FastifyInstance, deps: AppDeps): Promise<void> {
  await api.register(async (scope) => {
    await scope.register(multipart, uploadMultipart(6));
    // The multipart limit cuts the file itself (a multipart body is streamed, not held by the JSON body limit).
    scope.post('/api/imports', async (req, reply) => {
      const r = await uploadAndStage(req, ctxOf(req, deps), WORDS, (raw) => parse(CreateImportFields, raw));
      return reply.code(r.alreadyUploaded ? 200 : 201).send(r);
    });
  });
  api.get('/api/imports', async (req) => ({ data: await listRecentImports(ctxOf(req, deps)) }));
  api.get('/api/imports/profiles', async (req) => ({ data: await listImportProfiles(ctxOf(req, deps)) }));
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
