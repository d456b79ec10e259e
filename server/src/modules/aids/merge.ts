import { openText, sealText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import type { ModuleMerge, ModuleMergeMoved } from '../../platform/module.js';
import { moveSubjectsHistory } from '../workflows/index.js';
import { WORKFLOW } from './applications.js';
import { budgetRowOf, moveApplicationsBack, moveApplicationsOfFile, moveBudgetRow } from './merge-queries.js';
import { budgetAad } from './queries.js';

/**
 * The aids' part in a merge of two files (docs/architecture.md, "Module contract", `merge`; docs/api.md, "Fusion de
 * dossiers"): the absorbed file's aid applications go to the kept file with their workflow history (their loans,
 * repayments and commission lines follow the application or move with the commission's part; their letters are
 * documents, moved by the merge); its budget goes too when the kept file has none, otherwise it stays on the absorbed
 * file (one budget per household, as a section). The undo puts back exactly what moved.
 */
interface AidsMoved {
  applications: string[];
  budget: boolean;
}

async function rehomeBudget(trx: Trx, from: string, to: string) {
  const row = await budgetRowOf(trx, from);
  if (!row) return;
  const plain = openText(row.payload, budgetAad(from));
  await moveBudgetRow(trx, from, to, sealText(plain, budgetAad(to)));
}

export const aidsMerge: ModuleMerge = {
  async move(trx, from, to) {
    const [absorbed, kept] = await Promise.all([budgetRowOf(trx, from), budgetRowOf(trx, to)]);
    const budget = absorbed !== undefined && kept === undefined;
    if (budget) await rehomeBudget(trx, from, to);
    const applications = await moveApplicationsOfFile(trx, from, to);
    await moveSubjectsHistory(trx, WORKFLOW, applications, to);
    if (!budget && applications.length === 0 && !absorbed) return null;
    const rows: AidsMoved = { applications, budget };
    return {
      counts: { budget: budget ? 1 : 0, aidApplications: applications.length },
      rows,
      left: absorbed && !budget ? ['Budget du foyer (le dossier conservé a déjà le sien)'] : [],
    } satisfies ModuleMergeMoved;
  },
  async moveBack(trx, moved, from, to) {
    const rows = moved.rows as AidsMoved;
    const back = await moveApplicationsBack(trx, rows.applications, from, to);
    await moveSubjectsHistory(trx, WORKFLOW, back, from);
    // The budget goes back unless the absorbed file got a new one in between (then the kept file keeps it).
    if (rows.budget && !(await budgetRowOf(trx, from))) await rehomeBudget(trx, to, from);
  },
};
