import type { Trx } from '../../db/schema.js';

/** SQL of the letters' part in a merge of files: the letters sent follow their documents to the kept file. */
export async function moveLettersOfFile(trx: Trx, from: string, to: string): Promise<string[]> {
  const rows = await trx
    .updateTable('letter_sent')
    .set({ case_file_id: to })
    .where('case_file_id', '=', from)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveLettersBack(trx: Trx, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return;
  await trx
    .updateTable('letter_sent')
    .set({ case_file_id: from })
    .where('id', 'in', [...ids])
    .where('case_file_id', '=', to)
    .execute();
}
