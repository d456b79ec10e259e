import {
  DOCUMENT_EXPIRY_NOTICE_DAYS,
  DOCUMENT_TYPES,
  DocumentFields,
  canAddDocument,
  canReadDocuments,
  servedMime,
  sniffDocument,
  type DocumentDto,
  type DocumentType,
} from '@jalon/core';
import type { MultipartFile } from '@fastify/multipart';
import { randomBytes } from 'node:crypto';
import { loadAuthorizedUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText, sealText } from '../../crypto/index.js';
import { AppError, notFound, parse, unprocessable } from '../../errors.js';
import { deleteDocument, documentsOfFile, entryOfFile, findDocument, insertUploading, markReady } from './queries.js';
import { rechunk, type DocumentStore } from './store.js';

const keyAad = (id: string) => `document.data_key:${id}`;
const fieldValue = (f: unknown) => (f && typeof f === 'object' && 'value' in f ? String(f.value) : undefined);

const unsupported = () =>
  new AppError(
    415,
    'unsupported_file_type',
    'Type de fichier non accepté : PDF, JPEG, PNG, HEIC, Word, Excel, PowerPoint ou OpenDocument seulement',
  );
const tooLarge = (max: number) =>
  new AppError(413, 'file_too_large', `Fichier trop volumineux : ${Math.round(max / 1024 / 1024)} Mo au plus`);

/**
 * Stores an uploaded document: the type is read from the first bytes (never the name), the bytes are encrypted chunk by
 * chunk as they arrive, and the document becomes visible (`ready`, audited) only once complete. Anything refused
 * leaves nothing stored.
 */
export async function uploadDocument(
  ctx: Ctx,
  store: DocumentStore,
  fileId: string,
  part: MultipartFile,
  maxBytes: number,
): Promise<{ id: string }> {
  const fields = parse(DocumentFields, {
    type: fieldValue(part.fields.type),
    validUntil: fieldValue(part.fields.validUntil),
    entryId: fieldValue(part.fields.entryId),
  });
  if (fields.entryId && !(await entryOfFile(ctx.db, fileId, fields.entryId)))
    throw unprocessable('entry_not_found', 'Entrée du journal introuvable dans ce dossier', { entryId: 'Introuvable' });
  const key = randomBytes(32);
  let id: string | null = null;
  let size = 0;
  let seq = 0;
  let mime = '';
  try {
    for await (const chunk of rechunk(part.file)) {
      size += chunk.length;
      if (size > maxBytes) throw tooLarge(maxBytes);
      if (seq === 0) {
        const sniffed = sniffDocument(chunk);
        if (!sniffed) throw unsupported();
        mime = servedMime(sniffed);
        id = await insertUploading(ctx.db, {
          caseFileId: fileId,
          entryId: fields.entryId ?? null,
          type: fields.type,
          fileName: part.filename.slice(0, 200) || 'document',
          mime,
          validUntil: fields.validUntil ?? null,
          sealKey: (docId) => sealText(key.toString('base64'), keyAad(docId)),
          by: ctx.actor.id,
          at: ctx.now,
        });
      }
      await store.writeChunk(id!, seq++, key, chunk);
    }
    if (part.file.truncated) throw tooLarge(maxBytes);
    if (!id) throw new AppError(400, 'empty_file', 'Le fichier est vide');
    const docId = id;
    await ctx.db.transaction().execute(async (trx) => {
      await markReady(trx, docId, size, seq);
      await audit(trx, ctx, 'document.upload', {
        caseFileId: fileId,
        targetType: 'document',
        targetId: docId,
        diff: { type: fields.type, mime, size },
      });
    });
    return { id: docId };
  } catch (err) {
    // Nothing of a refused or failed upload stays; the rest of the request body is discarded by the parser.
    if (id) await store.remove(id).then(() => deleteDocument(ctx.db, id!));
    part.file.resume();
    throw err;
  }
}

const dayMs = 86_400_000;
export const presentDocument = (r: Awaited<ReturnType<typeof documentsOfFile>>[number], now: Date): DocumentDto => ({
  id: r.id,
  type: r.type as DocumentType,
  typeLabel: DOCUMENT_TYPES[r.type as DocumentType] ?? r.type,
  fileName: r.file_name,
  mime: r.mime,
  size: Number(r.size),
  validUntil: r.valid_until,
  expiring:
    r.valid_until !== null &&
    new Date(`${r.valid_until}T23:59:59Z`).getTime() - now.getTime() < DOCUMENT_EXPIRY_NOTICE_DAYS * dayMs,
  entryId: r.journal_entry_id,
  uploadedAt: new Date(r.uploaded_at).toISOString(),
  uploadedBy: r.uploaded_by_name,
});

/** The file's documents (need-to-know: its full part), newest first; the read is access-logged. */
export async function listDocuments(ctx: Ctx, fileId: string): Promise<{ items: DocumentDto[] }> {
  await loadAuthorizedUsager(ctx.db, ctx.actor, fileId, canReadDocuments);
  const rows = await documentsOfFile(ctx.db, fileId);
  await logAccess(ctx.db, ctx, fileId, 'documents');
  return { items: rows.map((r) => presentDocument(r, ctx.now)) };
}

/** One document's bytes, decrypted chunk by chunk; every download is access-logged. */
export async function openDocument(ctx: Ctx, store: DocumentStore, documentId: string) {
  const doc = await findDocument(ctx.db, documentId);
  if (!doc) throw notFound('Document');
  // The file's gate: a document of a file one may not read does not exist (404) or is refused (403).
  await loadAuthorizedUsager(ctx.db, ctx.actor, doc.case_file_id, canReadDocuments);
  await logAccess(ctx.db, ctx, doc.case_file_id, `document_${doc.id}`);
  const key = Buffer.from(openText(doc.data_key, keyAad(doc.id)), 'base64');
  return { doc, chunks: store.readChunks(doc.id, doc.chunk_count, key) };
}

/** The upload's gate, before a byte of the file is read: need-to-know of the file, write side. */
export const authorizeUpload = (ctx: Ctx, fileId: string) =>
  loadAuthorizedUsager(ctx.db, ctx.actor, fileId, canAddDocument);
