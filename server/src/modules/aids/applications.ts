import {
  aidParamsOf,
  AID_STATE_LABELS,
  canActOnAidApplication,
  canCreateAidApplication,
  canReadAidApplication,
  followsUsager,
  type Actor,
  type AidApplicationCreateInput,
  type AidApplicationDto,
  type AidApplicationSummaryDto,
  type EligibilityFactsInput,
  type UsagerTarget,
} from '@jalon/core';
import { randomUUID } from 'node:crypto';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import type { FileTarget } from '../../access/targets.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { sealText } from '../../crypto/index.js';
import type { Queryable } from '../../db/schema.js';
import { notFound, unprocessable } from '../../errors.js';
import { loadParams } from '../params/index.js';
import { historyOf, recordTransition } from '../workflows/index.js';
import { agesOf, currentBudget, dayOf, summariesOf } from './budget.js';
import { stateOf, type BudgetSnapshot } from './facts.js';
import { missingPiecesOf, PIECES_OPEN } from './pieces.js';
import { FACTS_OPEN, presentApplication, presentSummary } from './present.js';
import {
  findApplication,
  findHousehold,
  insertApplication,
  listApplications,
  loanOf,
  snapshotAad,
  updateApplication,
  userName,
  type ApplicationRow,
} from './queries.js';

/** Aid applications of a file (docs/api.md, "Budget et aides"): created, read, their pre-check facts corrected. */
export const WORKFLOW = 'aid_application';
type Rule = (a: Actor, f: UsagerTarget) => boolean;

/** The one gate to an application: the row, then the file's need-to-know for `rule` (404 for every refusal). */
export async function loadApplication(db: Queryable, ctx: Ctx, id: string, rule: Rule, write = false, lock = false) {
  const row = await findApplication(db, id, lock);
  if (!row) throw notFound('Demande d’aide');
  const target: FileTarget = await loadNeedToKnowUsager(db, ctx.actor, row.case_file_id, rule, { write });
  return { row, target };
}

/** The budget of the file now, sealed for the application (a dated snapshot). */
export async function takeSnapshot(db: Queryable, ctx: Ctx, fileId: string, id: string): Promise<string> {
  const day = dayOf(ctx.now);
  const [budget, h] = await Promise.all([currentBudget(db, fileId), findHousehold(db, fileId, day)]);
  const snap: BudgetSnapshot = {
    takenAt: ctx.now.toISOString(),
    budget,
    summaries: summariesOf(budget, agesOf(h, day)),
  };
  return sealText(JSON.stringify(snap), snapshotAad(id));
}

export async function dtoOf(db: Queryable, ctx: Ctx, row: ApplicationRow, target: FileTarget) {
  const [history, loan, decidedBy, params, missingPieces] = await Promise.all([
    historyOf(db, WORKFLOW, [row.id]),
    loanOf(db, row.id),
    userName(db, row.decided_by),
    loadParams(db, ctx.now),
    PIECES_OPEN.includes(stateOf(row)) ? missingPiecesOf(db, row, ctx.now) : Promise.resolve(null),
  ]);
  const mayEdit = followsUsager(ctx.actor, target) && !target.limited;
  return presentApplication(ctx, {
    row,
    history,
    loan,
    decidedBy,
    loanMaxMonths: aidParamsOf(params)['aids.fsl.loanMaxMonths'],
    missingPieces,
    mayAct: canActOnAidApplication(ctx.actor, target) && !target.limited,
    mayEdit,
  });
}

/** A new application (brouillon) with a snapshot of the budget; its first state is recorded in the history. */
export const createApplication = (ctx: Ctx, fileId: string, input: AidApplicationCreateInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const target = await loadNeedToKnowUsager(trx, ctx.actor, fileId, canCreateAidApplication, { write: true });
    if (input.urgency && input.scheme !== 'fsl')
      throw unprocessable('urgency_not_allowed', 'La procédure d’urgence concerne les aides du FSL', {
        urgency: 'Réservé au FSL',
      });
    const id = randomUUID();
    await insertApplication(trx, {
      id,
      case_file_id: fileId,
      site_id: target.siteId,
      scheme: input.scheme,
      aid_type: input.aidType,
      form: input.form,
      requested_cents: input.requestedCents,
      urgency: input.urgency ?? null,
      procedure_stage: input.procedureStage ?? null,
      acces_items: JSON.stringify(input.accesItems ?? []),
      payee: input.payee,
      creditor_name: input.creditorName ?? null,
      contract_ref: input.contractRef ?? null,
      facts: JSON.stringify(input.facts ?? {}),
      budget_snapshot: await takeSnapshot(trx, ctx, fileId, id),
      created_by: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    });
    await recordTransition(trx, {
      workflow: WORKFLOW,
      subjectId: id,
      caseFileId: fileId,
      from: null,
      to: 'brouillon',
      actorId: ctx.actor.id,
      at: ctx.now,
      reason: null,
    });
    await audit(trx, ctx, 'aid_application.create', {
      caseFileId: fileId,
      targetType: 'aid_application',
      targetId: id,
      diff: {
        scheme: input.scheme,
        aidType: input.aidType,
        form: input.form,
        requestedCents: input.requestedCents,
        urgency: input.urgency ?? null,
      },
    });
    const row = await findApplication(trx, id);
    return dtoOf(trx, ctx, row as ApplicationRow, target);
  });

/** One application; the read is logged on its file (and the documents' list, while its missing pièces show). */
export async function readApplication(ctx: Ctx, id: string): Promise<AidApplicationDto> {
  const { row, target } = await loadApplication(ctx.db, ctx, id, canReadAidApplication);
  await logAccess(ctx.db, ctx, row.case_file_id, 'aides');
  if (PIECES_OPEN.includes(stateOf(row))) await logAccess(ctx.db, ctx, row.case_file_id, 'documents');
  return dtoOf(ctx.db, ctx, row, target);
}

/** The applications of a file, newest first; the read is logged. */
export async function listFileApplications(ctx: Ctx, fileId: string): Promise<AidApplicationSummaryDto[]> {
  await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadAidApplication);
  await logAccess(ctx.db, ctx, fileId, 'aides');
  return (await listApplications(ctx.db, fileId)).map(presentSummary);
}

/** Corrects the pre-check's facts, until a decision stands. */
export const putFacts = (ctx: Ctx, id: string, input: EligibilityFactsInput) =>
  ctx.db.transaction().execute(async (trx) => {
    const { row, target } = await loadApplication(trx, ctx, id, followsUsager, true, true);
    if (!FACTS_OPEN.includes(stateOf(row)))
      throw unprocessable(
        'application_decided',
        `La demande est au statut « ${AID_STATE_LABELS[stateOf(row)]} » : ses éléments ne sont plus modifiables`,
      );
    await updateApplication(trx, id, { facts: JSON.stringify(input), updated_at: ctx.now });
    await audit(trx, ctx, 'aid_application.facts', {
      caseFileId: row.case_file_id,
      targetType: 'aid_application',
      targetId: id,
      diff: { fields: Object.keys(input) },
    });
    return dtoOf(trx, ctx, { ...row, facts: input }, target);
  });
