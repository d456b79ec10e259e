import type { FastifyRequest } from 'fastify';
import type { CreateImportFields } from '@jalon/core';
import type { Ctx } from '../../context.js';
import { AppError } from '../../errors.js';
import { stageImport, targetSite } from './service.js';

/** Files over this size are refused while they arrive (docs/api.md, "Imports"). */
export const IMPORT_MAX_BYTES = 200 * 1024 * 1024;

/** The multipart options of an upload route (`fields` form fields, then one file, cut past the limit). */
export const uploadMultipart = (fields: number) => ({
  throwFileSizeLimit: false,
  limits: { fileSize: IMPORT_MAX_BYTES + 1, files: 1, fields, fieldSize: 200, parts: fields + 1 },
});

interface UploadWords {
  /** "par import ; découpez l’export", "par flux" */
  limit: string;
  /** "Le fichier reçu est vide", "Le flux reçu est vide" */
  empty: string;
  /** "Aucun fichier reçu : joignez-le dans le champ « file »" */
  missing: string;
  /** "Envoyez le fichier en multipart/form-data (champ « file »)" */
  notMultipart: string;
}

const tooLarge = (w: UploadWords) =>
  new AppError(413, 'file_too_large', `Fichier trop volumineux : 200 Mo au plus ${w.limit}`);

/** The file's bytes as they arrive, refused past the limit; `drain` reads (and drops) what the parser left. */
function limited(file: AsyncIterable<Buffer> & { truncated: boolean }, w: UploadWords) {
  let size = 0;
  const it = file[Symbol.asyncIterator]();
  const next = async () => {
    const r = await it.next();
    if (!r.done) {
      size += r.value.length;
      if (size > IMPORT_MAX_BYTES) throw tooLarge(w);
    } else if (file.truncated) throw tooLarge(w);
    return r;
  };
  return {
    chunks: (async function* () {
      for (let r = await next(); !r.done; r = await next()) yield r.value;
      if (size === 0) throw new AppError(400, 'file_missing', w.empty);
    })(),
    drain: async () => {
      for (let r = await next(); !r.done; r = await next());
    },
  };
}

/**
 * The upload of a file to stage (docs/architecture.md, "Import pipeline"), shared by the imports and the CAF flux:
 * the form fields first (checked, then the target site), then the file streamed into the source's parser and staged
 * by batches as its rows are read; past 200 MB it is refused while it arrives. A refusal of the content before its end
 * still reads the rest (dropped) so that a file over the limit is answered 413.
 */
export async function uploadAndStage(
  req: FastifyRequest,
  ctx: Ctx,
  words: UploadWords,
  fieldsOf: (raw: Record<string, string>) => CreateImportFields,
): Promise<{ importId: string; alreadyUploaded: boolean }> {
  if (Number(req.headers['content-length'] ?? 0) > IMPORT_MAX_BYTES + 1024 * 1024) throw tooLarge(words);
  if (!req.isMultipart()) throw new AppError(400, 'validation_error', words.notMultipart);
  const raw: Record<string, string> = {};
  for await (const part of req.parts()) {
    if (part.type === 'field') {
      raw[part.fieldname] = String(part.value);
      continue;
    }
    if (part.fieldname !== 'file') break;
    const fields = fieldsOf(raw);
    const siteId = await targetSite(ctx, fields);
    const file = limited(part.file, words);
    try {
      return await stageImport(ctx, { siteId, fields, fileName: part.filename, chunks: file.chunks });
    } catch (err) {
      if (err instanceof AppError && err.status < 500 && err.code !== 'file_too_large') await file.drain();
      throw err;
    }
  }
  // Fields alone: their own errors first, then the missing file.
  await targetSite(ctx, fieldsOf(raw));
  throw new AppError(400, 'file_missing', words.missing);
}
