import {
  aidParamsOf,
  canActOnAidApplication,
  checkAidTransition,
  followsUsager,
  isDecision,
  loanSchedule,
  loanStatus,
  limitOf,
  addMonths,
  type AidScheme,
  type AidType,
  type Actor,
  type AidApplicationDto,
  type UsagerTarget,
  type AidState,
  type AidTransitionInput,
  type RepaymentInput,
} from '@jalon/core';
import type { Updateable } from 'kysely';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import type { AidApplicationTable } from '../../db/schema/aids.js';
import { unprocessable } from '../../errors.js';
import { loadParams } from '../params/index.js';
import { historyOf, recordTransition } from '../workflows/index.js';
import { dtoOf, loadApplication, takeSnapshot, WORKFLOW } from './applications.js';
import { computeEligibility } from './eligibility.js';
import { stateOf, workflowFacts } from './facts.js';
import { missingPiecesOf } from './pieces.js';
import {
  findApplication,
  insertInstalments,
  insertRepayment,
  loanOf,
  updateApplication,
  type ApplicationRow,
} from './queries.js';

/** The first instalment of a loan: the first day of the month after next (a month to organise the repayment). */
const firstDue = (now: Date) => addMonths(`${now.toISOString().slice(0, 7)}-01`, 2);

type Checked = Awaited<ReturnType<typeof computeEligibility>>;

/**
 * What a decision writes on the application: outcome, amount, form, reason (and a derogation's), and the parameters
 * and pre-check kept.
 */
function decisionPatch(ctx: Ctx, row: ApplicationRow, to: AidState, input: AidTransitionInput, checked: Checked) {
  const { eligibility, params } = checked;
  const granted = to === 'accord' || to === 'accord_partiel';
  const patch: Updateable<AidApplicationTable> = {
    decision: to,
    decided_cents: granted ? (input.amountCents ?? row.requested_cents) : null,
    decided_form: granted ? (input.form ?? row.form) : null,
    loan_months: granted && (input.form ?? row.form) === 'pret' ? (input.loanMonths ?? null) : null,
    decision_reason: input.reason ?? null,
    derogation_reason: granted ? (input.derogationReason ?? null) : null,
    decided_at: ctx.now,
    decided_by: ctx.actor.id,
    decision_params: JSON.stringify(params),
    decision_eligibility: JSON.stringify(eligibility),
  };
  return patch;
}

/** The workflow facts of a move: the loan, the pièces missing for a dépôt, the limit for a decision. */
async function factsOf(trx: Trx, ctx: Ctx, row: ApplicationRow, input: AidTransitionInput, checked: Checked | null) {
  const [loan, params] = await Promise.all([loanOf(trx, row.id), loadParams(trx, ctx.now)]);
  const outstanding = loan.schedule.length
    ? loanStatus(loan.schedule, loan.repayments, ctx.now.toISOString().slice(0, 10)).outstandingCents
    : 0;
  const loanMaxMonths = aidParamsOf(params)['aids.fsl.loanMaxMonths'];
  const missingPieces = input.to.startsWith('deposee_') ? await missingPiecesOf(trx, row, ctx.now) : null;
  return {
    ...workflowFacts(row, input, { loanOutstandingCents: outstanding, loanMaxMonths, missingPieces }),
    limit: checked
      ? limitOf(row.scheme as AidScheme, row.aid_type as AidType, checked.params, checked.previousGrants)
      : null,
  };
}

/** POST /api/aid-applications/:id/transitions: one move of the workflow, its history and audit in one transaction. */
export const transitionApplication = (ctx: Ctx, id: string, input: AidTransitionInput): Promise<AidApplicationDto> =>
  ctx.db.transaction().execute(async (trx) => {
    const target = await applyTransition(trx, ctx, id, input);
    return dtoOf(trx, ctx, (await findApplication(trx, id)) as ApplicationRow, target);
  });

/**
 * One move of the workflow inside the caller's transaction (the commission records a batch of decisions in one):
 * the gate (the caller's own when it widens it: the city-level commission's decisions by the administration), the
 * workflow check with maker-checker, the state change, its history and audit. A dépôt reads the
 * pièces missing from the file's documents (pieces.ts): « déposée complète » is refused while one is missing.
 */
export async function applyTransition(
  trx: Trx,
  ctx: Ctx,
  id: string,
  input: AidTransitionInput,
  gate: (a: Actor, f: UsagerTarget) => boolean = canActOnAidApplication,
) {
  {
    const { row, target } = await loadApplication(trx, ctx, id, gate, true, true);
    const from = stateOf(row);
    const to = input.to as AidState;
    const history = await historyOf(trx, WORKFLOW, [id]);
    // A decision reads the pre-check of its date: its parameters and the 12-month limit (core/src/aids/limits.ts).
    const checked = isDecision(to) ? await computeEligibility(trx, row, ctx.now) : null;
    const facts = await factsOf(trx, ctx, row, input, checked);
    const decision = checkAidTransition(from, to, ctx.actor, facts, history);
    if (!decision.ok) throw unprocessable(decision.code, decision.message, { to: decision.message });
    let patch: Updateable<AidApplicationTable> = { status: to, updated_at: ctx.now };
    if (checked) patch = { ...patch, ...decisionPatch(ctx, row, to, input, checked) };
    // The budget is snapshotted again when the application is filed (a draft may wait for the budget).
    if (from === 'brouillon' && to.startsWith('deposee_'))
      patch.budget_snapshot = await takeSnapshot(trx, ctx, row.case_file_id, id);
    await updateApplication(trx, id, patch);
    if (to === 'payee' && row.decided_form === 'pret' && row.decided_cents && row.loan_months)
      await insertInstalments(trx, id, loanSchedule(row.decided_cents, row.loan_months, firstDue(ctx.now), 36));
    await recordTransition(trx, {
      workflow: WORKFLOW,
      subjectId: id,
      caseFileId: row.case_file_id,
      from,
      to,
      actorId: ctx.actor.id,
      at: ctx.now,
      reason: input.reason ?? null,
      instructs: decision.transition.instructs ?? false,
    });
    await audit(trx, ctx, 'aid_application.transition', {
      caseFileId: row.case_file_id,
      targetType: 'aid_application',
      targetId: id,
      diff: {
        from,
        to,
        ...(patch.decided_cents ? { amountCents: patch.decided_cents } : {}),
        ...(patch.decided_form ? { form: patch.decided_form } : {}),
        ...(patch.derogation_reason ? { derogation: true } : {}),
      },
    });
    return target;
  }
}

/** POST /api/aid-applications/:id/repayments: a repayment of a paid loan, never more than what remains. */
export const recordRepayment = (ctx: Ctx, id: string, input: RepaymentInput): Promise<AidApplicationDto> =>
  ctx.db.transaction().execute(async (trx) => {
    const { row, target } = await loadApplication(trx, ctx, id, followsUsager, true, true);
    const loan = await loanOf(trx, id);
    if (stateOf(row) !== 'payee' || loan.schedule.length === 0)
      throw unprocessable('repayment_not_allowed', 'Seul un prêt versé reçoit des remboursements');
    const status = loanStatus(loan.schedule, loan.repayments, ctx.now.toISOString().slice(0, 10));
    if (input.amountCents > status.outstandingCents)
      throw unprocessable('repayment_too_high', 'Le remboursement dépasse ce qui reste dû sur le prêt', {
        amountCents: 'Montant supérieur au reste dû',
      });
    const r = await insertRepayment(trx, { applicationId: id, ...input, by: ctx.actor.id, at: ctx.now });
    await audit(trx, ctx, 'aid_repayment.create', {
      caseFileId: row.case_file_id,
      targetType: 'aid_repayment',
      targetId: r.id,
      diff: { amountCents: input.amountCents, paidOn: input.paidOn },
    });
    return dtoOf(trx, ctx, row, target);
  });
