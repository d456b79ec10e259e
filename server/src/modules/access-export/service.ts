import { ACCESS_REQUESTERS, canPrintForPerson, canProduceAccessExport, type AccessExportDto } from '@jalon/core';
import { loadAuthorizedUsager, loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit, logAccess } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden, notFound } from '../../errors.js';
import { collectExport } from './content.js';
import { findAccessRequests, markProduced, notifyReferents } from './request-queries.js';

const summary = (x: Omit<AccessExportDto, 'scopeLabel' | 'request'>) => ({
  entries: x.journal.length,
  notes: x.journal.filter((e) => e.note !== null).length,
  consultations: x.consultations.length,
  sections: x.sections.map((s) => s.section),
  parts: x.parts.map((p) => p.key),
});

/**
 * A référent prints for the person what the référent reads (docs/security.md, "Demandes d’accès (Access requests)"): the journal as the
 * référent sees it, so a private note of another author is never in it. Audited and access-logged in one transaction.
 */
export async function printForPerson(ctx: Ctx, fileId: string): Promise<AccessExportDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await loadAuthorizedUsager(trx, ctx.actor, fileId, canPrintForPerson);
    const x = await collectExport(trx, ctx, { ...target, id: fileId }, 'referent');
    await logAccess(trx, ctx, fileId, 'access_print');
    await audit(trx, ctx, 'usager.access_print', {
      caseFileId: fileId,
      targetType: 'case_file',
      targetId: fileId,
      diff: summary(x),
    });
    return {
      ...x,
      scopeLabel: 'Impression par votre référent des informations qu’il ou elle consulte dans votre dossier',
      request: null,
    };
  });
}

/**
 * The DPO answers a recorded request with the whole file, every note included (RGPD art. 15). The first production
 * marks the request answered and notifies the référents; every production is audited and access-logged.
 */
export async function produceAccessExport(ctx: Ctx, requestId: string): Promise<AccessExportDto> {
  if (!canProduceAccessExport(ctx.actor)) throw forbidden('Accès réservé au délégué à la protection des données');
  return ctx.db.transaction().execute(async (trx) => {
    const [req] = await findAccessRequests(trx, { status: 'all', id: requestId });
    if (!req) throw notFound('Demande d’accès');
    const target = await loadNeedToKnowUsager(trx, ctx.actor, req.case_file_id, () => true);
    const x = await collectExport(trx, ctx, { ...target, id: req.case_file_id }, 'complet');
    const first = await markProduced(trx, requestId, ctx.actor.id, ctx.now);
    const notified = first
      ? await notifyReferents(trx, {
          kind: 'access_export',
          userIds: target.referentIds,
          caseFileId: req.case_file_id,
          accessRequestId: requestId,
          at: ctx.now,
        })
      : 0;
    await logAccess(trx, ctx, req.case_file_id, 'access_export');
    await audit(trx, ctx, 'access_request.produce', {
      caseFileId: req.case_file_id,
      targetType: 'access_request',
      targetId: requestId,
      diff: { ...summary(x), first: Boolean(first), notified },
    });
    return {
      ...x,
      scopeLabel:
        'Réponse du délégué à la protection des données à votre demande d’accès : l’ensemble de votre dossier',
      request: { receivedOn: req.received_on, requesterLabel: ACCESS_REQUESTERS[req.requester], dueOn: req.due_on },
    };
  });
}
