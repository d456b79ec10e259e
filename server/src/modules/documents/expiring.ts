import { DOCUMENT_EXPIRY_NOTICE_DAYS, DOCUMENT_TYPES, type DocumentType, type ExpiringDocumentDto } from '@jalon/core';
import type { Ctx } from '../../context.js';
import { displayName } from '../usagers/index.js';
import { expiringForReferent } from './queries.js';

/** "À faire": the référent's documents whose validity ends within 30 days (or already ended): a titre de séjour. */
export async function expiringDocuments(ctx: Ctx): Promise<ExpiringDocumentDto[]> {
  if (ctx.actor.role !== 'travailleur_social') return [];
  const until = new Date(ctx.now.getTime() + DOCUMENT_EXPIRY_NOTICE_DAYS * 86_400_000).toISOString().slice(0, 10);
  const rows = await expiringForReferent(ctx.db, ctx.actor.id, until);
  return rows.map((r) => ({
    documentId: r.id,
    caseFileId: r.case_file_id,
    fileNumber: r.file_number,
    usagerName: displayName(r),
    typeLabel: DOCUMENT_TYPES[r.type as DocumentType] ?? r.type,
    validUntil: r.valid_until ?? '',
  }));
}
