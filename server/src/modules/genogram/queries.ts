import type { Queryable, Trx } from '../../db/schema.js';

/** AAD of the sealed columns: a value moved to another file no longer opens (crypto/fields.ts). */
export const payloadAad = (fileId: string) => `genogram.payload:${fileId}`;
export const relationsAad = (fileId: string) => `genogram.relations:${fileId}`;
export const reasonAad = (fileId: string) => `genogram.relations_reason_text:${fileId}`;

export const findGenogram = (db: Queryable, fileId: string) =>
  db.selectFrom('genogram').selectAll().where('case_file_id', '=', fileId).executeTakeFirst();

export type GenogramRow = NonNullable<Awaited<ReturnType<typeof findGenogram>>>;

/** Retention (docs/adr/005-retention-anonymisation.md): the genogram of a file goes entirely. */
export async function deleteGenogramOfFile(trx: Trx, fileId: string): Promise<number> {
  const r = await trx.deleteFrom('genogram').where('case_file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows);
}
