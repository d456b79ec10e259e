import type { Trx } from '../../db/schema.js';

/** SQL of the aids' part in a merge of files (merge.ts): the budget and the applications change file. */

export const budgetRowOf = (trx: Trx, fileId: string) =>
  trx.selectFrom('budget').selectAll().where('case_file_id', '=', fileId).forUpdate().executeTakeFirst();

/** The budget row goes to the file `to`, its payload re-sealed for it (the AAD names the file). */
export const moveBudgetRow = (trx: Trx, from: string, to: string, payload: string) =>
  trx.updateTable('budget').set({ case_file_id: to, payload }).where('case_file_id', '=', from).execute();

export async function moveApplicationsOfFile(trx: Trx, from: string, to: string): Promise<string[]> {
  const rows = await trx
    .updateTable('aid_application')
    .set({ case_file_id: to })
    .where('case_file_id', '=', from)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** The undo: these applications back to `from`, those still on `to`. */
export async function moveApplicationsBack(trx: Trx, ids: readonly string[], from: string, to: string) {
  if (ids.length === 0) return [];
  const rows = await trx
    .updateTable('aid_application')
    .set({ case_file_id: from })
    .where('id', 'in', [...ids])
    .where('case_file_id', '=', to)
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}
