import {
  ACCESS_REQUESTERS,
  IDENTITY_CHECKS,
  ROLE_LABELS,
  accessRequestDueOn,
  canProduceAccessExport,
  canRecordAccessRequest,
  type AccessRequestDto,
  type AccessRequestInput,
  type IdentityCheck,
  type Role,
} from '@jalon/core';
import { loadAuthorizedUsager, loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { forbidden } from '../../errors.js';
import { findAccessRequests, insertAccessRequest, notifyReferents, type AccessRequestRow } from './request-queries.js';

const iso = (d: Date | string) => new Date(d).toISOString();
const parisDay = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Paris' }).format(d);

export const presentAccessRequest = (r: AccessRequestRow, now: Date): AccessRequestDto => ({
  id: r.id,
  caseFileId: r.case_file_id,
  fileNumber: r.file_number,
  requester: { code: r.requester, label: ACCESS_REQUESTERS[r.requester] },
  representativeName: r.representative_name,
  receivedOn: r.received_on,
  identityCheck: {
    code: r.identity_check as IdentityCheck,
    label: IDENTITY_CHECKS[r.identity_check as IdentityCheck] ?? 'Autre vérification',
  },
  identityNote: r.identity_note,
  recordedAt: iso(r.recorded_at),
  recordedByRole: ROLE_LABELS[r.recorded_by_role as Role] ?? 'Agent',
  dueOn: r.due_on,
  overdue: r.produced_at === null && parisDay(now) > r.due_on,
  producedAt: r.produced_at ? iso(r.produced_at) : null,
});

/** The file gate of a request: the DPO reaches any file by its id; the others through the single file gate. */
const loadForRequest = (db: Queryable, ctx: Ctx, fileId: string) =>
  ctx.actor.role === 'dpo'
    ? loadNeedToKnowUsager(db, ctx.actor, fileId, canRecordAccessRequest)
    : loadAuthorizedUsager(db, ctx.actor, fileId, canRecordAccessRequest);

/**
 * Records a person's access request (RGPD art. 15): who asked, when, how identity was checked; the deadline is one
 * month after the request. The référents are notified and the request audited in the same transaction.
 */
export async function recordAccessRequest(ctx: Ctx, fileId: string, input: AccessRequestInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await loadForRequest(trx, ctx, fileId);
    const dueOn = accessRequestDueOn(input.receivedOn);
    const { id } = await insertAccessRequest(trx, {
      case_file_id: target.id,
      requester: input.requester,
      representative_name: input.requester === 'representant' ? (input.representativeName ?? null) : null,
      received_on: input.receivedOn,
      identity_check: input.identityCheck,
      identity_note: input.identityNote ?? null,
      due_on: dueOn,
      recorded_by: ctx.actor.id,
      recorded_by_role: ctx.actor.role,
      recorded_at: ctx.now,
    });
    const notified = await notifyReferents(trx, {
      kind: 'access_request',
      userIds: target.referentIds.filter((u) => u !== ctx.actor.id),
      caseFileId: target.id,
      accessRequestId: id,
      at: ctx.now,
    });
    // Names and the identity note are about a person: the audit keeps the codes and dates only.
    await audit(trx, ctx, 'access_request.create', {
      caseFileId: target.id,
      targetType: 'access_request',
      targetId: id,
      diff: { requester: input.requester, identityCheck: input.identityCheck, dueOn, notified },
    });
    const [row] = await findAccessRequests(trx, { status: 'all', id });
    if (!row) throw new Error('access request vanished');
    return presentAccessRequest(row, ctx.now);
  });
}

/** The DPO's list: pending requests first by deadline, each with its due day and whether it is overdue. */
export async function listAccessRequests(ctx: Ctx, status: 'pending' | 'produced' | 'all') {
  if (!canProduceAccessExport(ctx.actor)) throw forbidden('Accès réservé au délégué à la protection des données');
  const rows = await findAccessRequests(ctx.db, { status });
  return { items: rows.map((r) => presentAccessRequest(r, ctx.now)) };
}
