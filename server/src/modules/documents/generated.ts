import { randomBytes } from 'node:crypto';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { sealText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import { insertUploading, markReady } from './queries.js';
import { CHUNK_BYTES, databaseStore } from './store.js';

/**
 * A document the application produced itself (a letter's PDF, docs/api.md, "Courriers"), stored like an upload:
 * encrypted by chunks with its own key, `ready` and audited in the caller's transaction, so a failure keeps nothing.
 * The caller has checked the need-to-know of the file (write side).
 */
export async function storeGeneratedDocument(
  trx: Trx,
  ctx: Ctx,
  d: { caseFileId: string; entryId: string | null; type: string; fileName: string; mime: string; bytes: Buffer },
): Promise<string> {
  const key = randomBytes(32);
  const id = await insertUploading(trx, {
    caseFileId: d.caseFileId,
    entryId: d.entryId,
    type: d.type,
    fileName: d.fileName.slice(0, 200),
    mime: d.mime,
    validUntil: null,
    sealKey: (docId) => sealText(key.toString('base64'), `document.data_key:${docId}`),
    by: ctx.actor.id,
    at: ctx.now,
  });
  const store = databaseStore(trx);
  let seq = 0;
  for (let at = 0; at < d.bytes.length; at += CHUNK_BYTES)
    await store.writeChunk(id, seq++, key, d.bytes.subarray(at, at + CHUNK_BYTES));
  await markReady(trx, id, d.bytes.length, seq);
  await audit(trx, ctx, 'document.upload', {
    caseFileId: d.caseFileId,
    targetType: 'document',
    targetId: id,
    diff: { type: d.type, mime: d.mime, size: d.bytes.length },
  });
  return id;
}
