import type { Insertable } from 'kysely';
import type { GenogramTable, Queryable, Trx } from '../../db/schema.js';

/** AAD of the sealed columns: a value moved to another file no longer opens (crypto/fields.ts). */
export const payloadAad = (fileId: string) => `genogram.payload:${fileId}`;
export const relationsAad = (fileId: string) => `genogram.relations:${fileId}`;
export const reasonAad = (fileId: string) => `genogram.relations_reason_text:${fileId}`;

export const findGenogram = (db: Queryable, fileId: string) =>
  db.selectFrom('genogram').selectAll().where('case_file_id', '=', fileId).executeTakeFirst();

/** Who made the file's genogram (`null` while there is none): its creator may keep using it (core canUseGenogram). */
export const genogramCreatorOf = async (db: Queryable, fileId: string): Promise<string | null> =>
  (await db.selectFrom('genogram').select('created_by').where('case_file_id', '=', fileId).executeTakeFirst())
    ?.created_by ?? null;

export type GenogramRow = NonNullable<Awaited<ReturnType<typeof findGenogram>>>;

/** Retention (docs/adr/005-retention-anonymisation.md): the genogram of a file goes entirely. */
export async function deleteGenogramOfFile(trx: Trx, fileId: string): Promise<number> {
  const r = await trx.deleteFrom('genogram').where('case_file_id', '=', fileId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

interface Sealed {
  payload: string;
  relations: string | undefined;
}
interface Who {
  by: string;
  at: Date;
}

/** The next version, only if the row is still at `version` (optimistic lock): `undefined` when it moved. */
export const updateGenogram = (trx: Trx, fileId: string, version: number, v: Sealed, who: Who) =>
  trx
    .updateTable('genogram')
    .set({ payload: v.payload, ...(v.relations ? { relations: v.relations } : {}), version: version + 1 })
    .set({ updated_by: who.by, updated_at: who.at })
    .where('case_file_id', '=', fileId)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();

/** The first drawing of a file: `undefined` when another one was created meanwhile. */
export const insertGenogram = (trx: Trx, fileId: string, v: Sealed, who: Who) =>
  trx
    .insertInto('genogram')
    .values({
      case_file_id: fileId,
      payload: v.payload,
      created_by: who.by,
      created_at: who.at,
      updated_by: who.by,
      updated_at: who.at,
    })
    .onConflict((oc) => oc.column('case_file_id').doNothing())
    .returningAll()
    .executeTakeFirst();

export const markRelationsOpen = (
  trx: Trx,
  fileId: string,
  v: Pick<
    Insertable<GenogramTable>,
    'relations_opened_at' | 'relations_opened_by' | 'relations_reason_code' | 'relations_reason_text'
  >,
) => trx.updateTable('genogram').set(v).where('case_file_id', '=', fileId).returningAll().executeTakeFirstOrThrow();
