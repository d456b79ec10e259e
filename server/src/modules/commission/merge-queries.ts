import type { Trx } from '../../db/schema.js';

/** SQL of the commission's part in a merge of files: the agenda lines of the absorbed file's applications. */
export async function moveItemsOfFile(trx: Trx, from: string, to: string): Promise<string[]> {
  const rows = await trx
    .updateTable('commission_item')
    .set({ case_file_id: to })
    .where('case_file_id', '=', from)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

export async function moveItemsBack(trx: Trx, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return;
  await trx
    .updateTable('commission_item')
    .set({ case_file_id: from })
    .where('id', 'in', [...ids])
    .where('case_file_id', '=', to)
    .execute();
}
