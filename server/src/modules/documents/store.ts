import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Db } from '../../db/schema.js';
import { deleteChunks, findChunk, insertChunk } from './queries.js';

/** Plaintext bytes per stored chunk: upload and download hold one chunk in memory, never the whole file. */
export const CHUNK_BYTES = 1024 * 1024;

/**
 * Where a document's encrypted bytes live (docs/scaling.md, "Documents"): the database by default; an object store
 * can implement the same two calls. The caller seals the data key; the store only sees ciphertext.
 */
export interface DocumentStore {
  /** Writes chunk `seq` (already cut to CHUNK_BYTES at most). */
  writeChunk(documentId: string, seq: number, key: Buffer, plain: Buffer): Promise<void>;
  /** Yields the plaintext chunks in order; throws when one is missing or altered. */
  readChunks(documentId: string, count: number, key: Buffer): AsyncIterable<Buffer>;
  /** Removes a document's bytes (failed upload, retention). */
  remove(documentId: string): Promise<void>;
}

/** AES-256-GCM per chunk; the AAD binds a chunk to its document and position (no swap, no reorder). */
const aadOf = (documentId: string, seq: number) => Buffer.from(`document_chunk:${documentId}:${seq}`, 'utf8');

export const databaseStore = (db: Db): DocumentStore => ({
  async writeChunk(documentId, seq, key, plain) {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, iv);
    cipher.setAAD(aadOf(documentId, seq));
    const data = Buffer.concat([cipher.update(plain), cipher.final()]);
    await insertChunk(db, { document_id: documentId, seq, iv, tag: cipher.getAuthTag(), data });
  },
  async *readChunks(documentId, count, key) {
    for (let seq = 0; seq < count; seq++) {
      const c = await findChunk(db, documentId, seq);
      if (!c) throw new Error(`Document ${documentId}: chunk ${seq} missing`);
      const decipher = createDecipheriv('aes-256-gcm', key, c.iv);
      decipher.setAAD(aadOf(documentId, seq));
      decipher.setAuthTag(c.tag);
      yield Buffer.concat([decipher.update(c.data), decipher.final()]);
    }
  },
  async remove(documentId) {
    await deleteChunks(db, documentId);
  },
});

/** Cuts a byte stream into chunks of exactly CHUNK_BYTES (the last one shorter), holding one chunk at a time. */
export async function* rechunk(source: AsyncIterable<Buffer>): AsyncIterable<Buffer> {
  let parts: Buffer[] = [];
  let length = 0;
  for await (const piece of source) {
    let rest = piece;
    while (rest.length > 0) {
      const take = Math.min(rest.length, CHUNK_BYTES - length);
      parts.push(rest.subarray(0, take));
      length += take;
      rest = rest.subarray(take);
      if (length === CHUNK_BYTES) {
        yield Buffer.concat(parts);
        parts = [];
        length = 0;
      }
    }
  }
  if (length > 0) yield Buffer.concat(parts);
}
