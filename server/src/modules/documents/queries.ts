import type { Queryable } from '../../db/schema.js';

export const entryOfFile = (db: Queryable, fileId: string, entryId: string) =>
  db
    .selectFrom('journal_entry')
    .select('id')
    .where('id', '=', entryId)
    .where('case_file_id', '=', fileId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();

/** The row of an upload in progress; its data key is sealed with the row id in the AAD, hence the two steps. */
export async function insertUploading(
  db: Queryable,
  d: {
    caseFileId: string;
    entryId: string | null;
    type: string;
    fileName: string;
    mime: string;
    validUntil: string | null;
    sealKey: (id: string) => string;
    by: string;
    at: Date;
  },
): Promise<string> {
  const id = crypto.randomUUID();
  await db
    .insertInto('document')
    .values({
      id,
      case_file_id: d.caseFileId,
      journal_entry_id: d.entryId,
      type: d.type,
      file_name: d.fileName,
      mime: d.mime,
      valid_until: d.validUntil,
      data_key: d.sealKey(id),
      uploaded_by: d.by,
      uploaded_at: d.at,
    })
    .execute();
  return id;
}

export const markReady = (db: Queryable, id: string, size: number, chunks: number) =>
  db.updateTable('document').set({ state: 'ready', size, chunk_count: chunks }).where('id', '=', id).execute();

/** A refused or failed upload leaves no row. */
export const deleteDocument = (db: Queryable, id: string) => db.deleteFrom('document').where('id', '=', id).execute();

export const documentsOfFile = (db: Queryable, fileId: string) =>
  db
    .selectFrom('document as d')
    .innerJoin('app_user as u', 'u.id', 'd.uploaded_by')
    .select([
      'd.id',
      'd.type',
      'd.file_name',
      'd.mime',
      'd.size',
      'd.valid_until',
      'd.journal_entry_id',
      'd.uploaded_at',
      'u.display_name as uploaded_by_name',
    ])
    .where('d.case_file_id', '=', fileId)
    .where('d.state', '=', 'ready')
    .orderBy('d.uploaded_at', 'desc')
    .orderBy('d.id')
    .execute();

export const findDocument = (db: Queryable, id: string) =>
  db
    .selectFrom('document')
    .select(['id', 'case_file_id', 'file_name', 'mime', 'size', 'chunk_count', 'data_key'])
    .where('id', '=', id)
    .where('state', '=', 'ready')
    .executeTakeFirst();

/** Retention: a file's documents go entirely (a document identifies its holder). */
export const deleteDocumentsOfFile = async (db: Queryable, fileId: string): Promise<number> => {
  const r = await db.deleteFrom('document').where('case_file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows);
};

/** Uploads left half-done by a crash, swept after an hour. */
export const deleteStaleUploads = async (db: Queryable, before: Date): Promise<number> => {
  const r = await db
    .deleteFrom('document')
    .where('state', '=', 'uploading')
    .where('uploaded_at', '<', before)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
};

/** Documents of the files a user is référent of, whose validity ends by `until` (yyyy-mm-dd): "à faire". */
export const expiringForReferent = (db: Queryable, userId: string, until: string) =>
  db
    .selectFrom('document as d')
    .innerJoin('case_file_referent as r', (j) =>
      j.onRef('r.case_file_id', '=', 'd.case_file_id').on('r.user_id', '=', userId).on('r.end_at', 'is', null),
    )
    .innerJoin('case_file as cf', 'cf.id', 'd.case_file_id')
    .innerJoin('person as p', 'p.id', 'cf.principal_person_id')
    .select([
      'd.id',
      'd.case_file_id',
      'd.type',
      'd.valid_until',
      'cf.file_number',
      'p.birth_name',
      'p.used_name',
      'p.first_names',
    ])
    .where('d.state', '=', 'ready')
    .where('cf.retention_state', '=', 'active')
    .where('d.valid_until', '<=', until)
    .orderBy('d.valid_until')
    .limit(100)
    .execute();

/** The database store's encrypted chunks (store.ts). */
export const insertChunk = (
  db: Queryable,
  c: { document_id: string; seq: number; iv: Buffer; tag: Buffer; data: Buffer },
) => db.insertInto('document_chunk').values(c).execute();

export const findChunk = (db: Queryable, documentId: string, seq: number) =>
  db
    .selectFrom('document_chunk')
    .select(['iv', 'tag', 'data'])
    .where('document_id', '=', documentId)
    .where('seq', '=', seq)
    .executeTakeFirst();

export const deleteChunks = (db: Queryable, documentId: string) =>
  db.deleteFrom('document_chunk').where('document_id', '=', documentId).execute();
