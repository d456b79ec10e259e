import {
  contractEnd,
  hoursRefusal,
  inForce,
  rsaLabel,
  type ActionStatus,
  type ContractDto,
  type ContractInput,
  type ContractKind,
  type ContractPlanInput,
  type HoursReason,
} from '@jalon/core';
import { audit } from '../../../audit/audit.js';
import type { Ctx } from '../../../context.js';
import type { Queryable } from '../../../db/schema.js';
import { conflict, notFound, unprocessable } from '../../../errors.js';
import { loadParams } from '../../params/index.js';
import { loadRsaFile, personOfFile } from '../access.js';
import {
  activeActions,
  contractActionsOfFile,
  contractRowsOfFile,
  documentOfFile,
  findContract,
  insertContract,
  isRenewed,
  upsertPlanActions,
  setContractSigned,
} from './queries.js';

const day = (v: unknown) => (v === null || v === undefined ? null : String(v).slice(0, 10));
const todayOf = (ctx: Ctx) => ctx.now.toISOString().slice(0, 10);

/** The contracts of a file's persons, newest first, each with its plan d'action. */
export async function contractsOfFile(
  db: Queryable,
  fileId: string,
  today: string,
): Promise<Map<string, ContractDto[]>> {
  const [rows, actions] = await Promise.all([contractRowsOfFile(db, fileId), contractActionsOfFile(db, fileId)]);
  const out = new Map<string, ContractDto[]>();
  for (const r of rows) {
    const startOn = String(day(r.start_on));
    const endOn = String(day(r.end_on));
    const signedOn = day(r.signed_on);
    const dto: ContractDto = {
      id: r.id,
      kind: { code: r.kind as ContractKind, label: rsaLabel('contractKind', r.kind) ?? '' },
      startOn,
      durationMonths: r.duration_months,
      endOn,
      weeklyHours: r.weekly_hours,
      hoursReason: r.hours_reason
        ? { code: r.hours_reason as HoursReason, label: rsaLabel('hoursReason', r.hours_reason) ?? '' }
        : null,
      hoursReasonText: r.hours_reason_text,
      renewalOf: r.renewal_of,
      renewed: Boolean(r.renewed),
      signedOn,
      signedDocumentId: r.signed_document_id,
      inForce: inForce({ startOn, endOn, signedOn }, today),
      actions: actions
        .filter((a) => a.contract_id === r.id)
        .map((a) => ({
          id: a.id,
          actionId: a.action_id,
          theme: a.theme,
          objective: a.objective,
          label: a.label,
          status: { code: a.status as ActionStatus, label: rsaLabel('actionStatus', a.status) ?? '' },
          note: a.note,
        })),
    };
    out.set(r.person_id, [...(out.get(r.person_id) ?? []), dto]);
  }
  return out;
}

/**
 * A contract of a person (POST /api/usagers/:id/rsa/persons/:personId/contracts): a contrat d'engagement holds at
 * least the weekly hours in force on its start (a dated parameter) or a reason for fewer; its plan d'action comes from
 * the active referential; a renewal names the contract it renews (once).
 */
export const createContract = (ctx: Ctx, fileId: string, memberId: string, input: ContractInput) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadRsaFile(trx, ctx, fileId, true);
    const personId = await personOfFile(trx, fileId, memberId);
    const params = await loadParams(trx, new Date(`${input.startOn}T12:00:00Z`));
    const refusal = hoursRefusal({
      kind: input.kind,
      weeklyHours: input.weeklyHours,
      reason: input.hoursReason ?? null,
      reasonText: input.hoursReasonText ?? null,
      minHours: params['rsa.contract.minWeeklyHours'],
    });
    if (refusal) throw unprocessable('rsa_weekly_hours', refusal, { weeklyHours: refusal });
    if (input.signedOn && input.signedOn > todayOf(ctx))
      throw unprocessable('rsa_signed_future', 'La date de signature ne peut pas être dans le futur', {
        signedOn: 'La date de signature ne peut pas être dans le futur',
      });
    if (input.renewalOf) {
      const prev = await findContract(trx, fileId, input.renewalOf);
      if (!prev || prev.person_id !== personId) throw notFound('Contrat');
      if (await isRenewed(trx, prev.id)) throw conflict('rsa_already_renewed', 'Ce contrat a déjà été renouvelé');
    }
    await checkActions(trx, input.actions);
    const lowered = input.weeklyHours !== null && input.weeklyHours < params['rsa.contract.minWeeklyHours'];
    const { id } = await insertContract(trx, {
      person_id: personId,
      case_file_id: fileId,
      kind: input.kind,
      start_on: input.startOn,
      duration_months: input.durationMonths,
      end_on: contractEnd(input.startOn, input.durationMonths),
      weekly_hours: input.weeklyHours,
      hours_reason: lowered ? (input.hoursReason ?? null) : null,
      hours_reason_text: lowered ? (input.hoursReasonText ?? null) : null,
      renewal_of: input.renewalOf ?? null,
      signed_on: input.signedOn ?? null,
      created_by: ctx.actor.id,
      created_at: ctx.now,
    });
    await upsertPlanActions(trx, planRows(ctx, id, input.actions));
    await audit(trx, ctx, 'rsa_contract.create', {
      caseFileId: fileId,
      targetType: 'rsa_contract',
      targetId: id,
      diff: { kind: input.kind, durationMonths: input.durationMonths, actions: input.actions.length },
    });
    return { id };
  });

/** Records the signature, and the signed copy (a document of the file, uploaded through modules/documents). */
export const signContract = (
  ctx: Ctx,
  fileId: string,
  contractId: string,
  input: { signedOn: string; documentId?: string | null | undefined },
) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadRsaFile(trx, ctx, fileId, true);
    const c = await findContract(trx, fileId, contractId);
    if (!c) throw notFound('Contrat');
    if (input.signedOn > todayOf(ctx))
      throw unprocessable('rsa_signed_future', 'La date de signature ne peut pas être dans le futur', {
        signedOn: 'La date de signature ne peut pas être dans le futur',
      });
    if (input.documentId && !(await documentOfFile(trx, fileId, input.documentId)))
      throw unprocessable('rsa_unknown_document', 'Ce document n’est pas une pièce de ce dossier', {
        documentId: 'Choisissez un document de ce dossier',
      });
    await setContractSigned(trx, contractId, input.signedOn, input.documentId ?? null);
    await audit(trx, ctx, 'rsa_contract.sign', {
      caseFileId: fileId,
      targetType: 'rsa_contract',
      targetId: contractId,
      diff: { signedOn: input.signedOn, document: Boolean(input.documentId) },
    });
    return { id: contractId };
  });

/** The plan d'action's statuses (prévue, en cours, réalisée, abandonnée), actions added from the active referential. */
export const savePlan = (ctx: Ctx, fileId: string, contractId: string, input: ContractPlanInput) =>
  ctx.db.transaction().execute(async (trx) => {
    await loadRsaFile(trx, ctx, fileId, true);
    if (!(await findContract(trx, fileId, contractId))) throw notFound('Contrat');
    await checkActions(trx, input.actions);
    await upsertPlanActions(trx, planRows(ctx, contractId, input.actions));
    await audit(trx, ctx, 'rsa_contract.plan', {
      caseFileId: fileId,
      targetType: 'rsa_contract',
      targetId: contractId,
      diff: { actions: input.actions.length },
    });
    return { id: contractId };
  });

async function checkActions(trx: Queryable, actions: readonly { actionId: string }[]) {
  const ids = [...new Set(actions.map((a) => a.actionId))];
  if (ids.length !== actions.length || (await activeActions(trx, ids)).length !== ids.length)
    throw unprocessable(
      'rsa_unknown_action',
      'Une action du plan ne figure pas au référentiel (ou y figure deux fois)',
      {
        actions: 'Choisissez chaque action une fois dans le référentiel',
      },
    );
}
const planRows = (ctx: Ctx, contractId: string, actions: ContractPlanInput['actions']) =>
  actions.map((a) => ({
    contract_id: contractId,
    action_id: a.actionId,
    status: a.status,
    note: a.note ?? null,
    updated_at: ctx.now,
  }));
