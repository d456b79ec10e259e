import {
  ageOn,
  canReadBudget,
  canWriteBudget,
  summariseBudget,
  type Budget,
  type BudgetDto,
  type BudgetPutInput,
} from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText, sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { conflict, unprocessable } from '../../errors.js';
import { displayName } from '../usagers/index.js';
import {
  budgetAad,
  findBudget,
  findHousehold,
  insertBudget,
  updateBudget,
  type BudgetRow,
  type Household,
} from './queries.js';

/** The household budget, a section of the file (docs/api.md, "Budget et aides"). */

const STALE = 'Le budget a été modifié entre-temps : rechargez-le avant d’enregistrer';
export const EMPTY_BUDGET: Budget = { resources: [], charges: [], debts: [] };

export const openBudget = (row: BudgetRow | undefined): Budget =>
  row ? (JSON.parse(openText(row.payload, budgetAad(row.case_file_id))) as Budget) : EMPTY_BUDGET;

export const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** Ages of the household on `day` (the applicant first), for the consumption units. */
export const agesOf = (h: Household, day: string) => [h.applicant, ...h.others].map((m) => ageOn(m.birth_date, day));

/** The three views of a budget on a day (full, FSL, Paris). */
export const summariesOf = (budget: Budget, ages: number[]) => ({
  complet: summariseBudget(budget, ages, 'complet'),
  fsl: summariseBudget(budget, ages, 'fsl'),
  paris: summariseBudget(budget, ages, 'paris'),
});

function present(row: BudgetRow | undefined, h: Household, day: string, write: boolean): BudgetDto {
  const budget = openBudget(row);
  const names = new Map(h.members.map((m) => [m.id, displayName(m)]));
  return {
    version: row?.version ?? 0,
    updatedAt: row ? new Date(row.updated_at).toISOString() : null,
    resources: budget.resources.map((r) => ({
      ...r,
      personName: r.personId ? (names.get(r.personId) ?? null) : null,
    })),
    charges: [...budget.charges],
    debts: [...budget.debts],
    persons: [h.applicant, ...h.others].map((m) => ({
      personId: m.id,
      name: displayName(m),
      age: ageOn(m.birth_date, day),
    })),
    summaries: summariesOf(budget, agesOf(h, day)),
    can: { write },
  };
}

/** The budget of a file for those who may read the full part (need-to-know: 404 otherwise); the read is logged. */
export async function readBudget(ctx: Ctx, fileId: string): Promise<BudgetDto> {
  const target = await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadBudget);
  const day = dayOf(ctx.now);
  const [row, h] = await Promise.all([findBudget(ctx.db, fileId), findHousehold(ctx.db, fileId, day)]);
  await logAccess(ctx.db, ctx, fileId, 'budget');
  return present(row, h, day, canWriteBudget(ctx.actor, target) && !target.limited);
}

/** Replaces the budget (optimistic lock on `version`; 0 creates it). The audit counts lines, never amounts. */
export const saveBudget = (ctx: Ctx, fileId: string, input: BudgetPutInput): Promise<BudgetDto> =>
  ctx.db.transaction().execute(async (trx) => {
    await loadNeedToKnowUsager(trx, ctx.actor, fileId, canWriteBudget, { write: true });
    const day = dayOf(ctx.now);
    const [row, h] = await Promise.all([findBudget(trx, fileId), findHousehold(trx, fileId, day)]);
    if ((row?.version ?? 0) !== input.version) throw conflict('version_conflict', STALE);
    const persons = new Set(h.members.map((m) => m.id).concat(h.applicant.id));
    const stranger = input.resources.findIndex((r) => r.personId && !persons.has(r.personId));
    if (stranger >= 0)
      throw unprocessable('invalid_person', 'Cette personne ne fait pas partie du foyer', {
        [`resources.${stranger}.personId`]: 'Personne hors du foyer',
      });
    const budget: Budget = { resources: input.resources, charges: input.charges, debts: input.debts };
    const payload = sealText(JSON.stringify(budget), budgetAad(fileId));
    const saved = row
      ? await updateBudget(trx, fileId, row.version, payload, ctx.actor.id, ctx.now)
      : await insertBudget(trx, fileId, payload, ctx.actor.id, ctx.now);
    if (!saved) throw conflict('version_conflict', STALE);
    await audit(trx, ctx, 'budget.update', {
      caseFileId: fileId,
      targetType: 'budget',
      targetId: fileId,
      diff: { resources: budget.resources.length, charges: budget.charges.length, debts: budget.debts.length },
    });
    return present(saved, h, day, true);
  });

/** The budget as it stands, for a snapshot (the application's service reads it in its transaction). */
export async function currentBudget(db: Queryable, fileId: string): Promise<Budget> {
  return openBudget(await findBudget(db, fileId));
}
