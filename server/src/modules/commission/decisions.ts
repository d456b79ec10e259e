import {
  canActOnAidApplication,
  canDecideInSession,
  canRecordCityCommissionDecisions,
  type Actor,
  type BulkDecisionsInput,
  type UsagerTarget,
} from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Trx } from '../../db/schema.js';
import { AppError, conflict, forbidden, unprocessable } from '../../errors.js';
import { applyTransition } from '../aids/index.js';
import { storeNotifications } from './letters.js';
import { applicationsByIds, closeSession, itemsOfSession, recordItemDecision, setItemLetter } from './queries.js';
import { lockOpenSession } from './sessions.js';

/** A refusal of one application names it by its agenda number, so the whole batch can be corrected at once. */
const about = (position: number, e: unknown): unknown =>
  e instanceof AppError ? new AppError(e.status, e.code, `Demande n° ${position} : ${e.message}`, e.fields) : e;

/** The notification of each decision recorded, kept in its file and linked from its agenda line. */
async function notify(
  trx: Trx,
  ctx: Ctx,
  sessionDate: string,
  input: BulkDecisionsInput,
  order: readonly { itemId: string; applicationId: string }[],
): Promise<string[]> {
  const apps = new Map(
    (
      await applicationsByIds(
        trx,
        order.map((o) => o.applicationId),
      )
    ).map((a) => [a.id, a]),
  );
  const decided = input.decisions.map((d) => {
    const a = apps.get(d.applicationId);
    return {
      caseFileId: a?.caseFileId ?? '',
      aidTypeLabel: a?.aidTypeLabel ?? '',
      outcome: d.outcome,
      amountCents: d.amountCents ?? null,
      reason: d.outcome === 'accord' ? null : (a?.decisionReason ?? d.reason ?? null),
    };
  });
  const documents = await storeNotifications(trx, ctx, decided, sessionDate);
  for (const [k, o] of order.entries()) await setItemLetter(trx, o.itemId, documents[k] ?? '');
  return documents;
}

/**
 * Records the decisions of a session in one transaction (docs/api.md, "Commissions"): each through the aids
 * workflow (maker-checker: whoever instructed an application never decides it; the parameters in force are kept with
 * the decision), then its notification letter kept in the file, and the session closed once every application on
 * its agenda is decided. Any refusal cancels the whole batch.
 */
export async function recordDecisions(ctx: Ctx, id: string, input: BulkDecisionsInput) {
  return ctx.db.transaction().execute(async (trx) => {
    const s = await lockOpenSession(trx, ctx, id);
    const scope = { siteId: s.site_id, level: s.level };
    if (!canDecideInSession(ctx.actor, scope))
      throw forbidden(
        s.level === 'ville'
          ? 'Les décisions de la commission FSL de la Ville sont enregistrées par l’administration'
          : 'Les décisions sont enregistrées par le responsable du site de la commission',
      );
    // The agenda holds only applications that fit the session; the administration reaches them through it only.
    const gate = (a: Actor, f: UsagerTarget) =>
      canActOnAidApplication(a, f) || canRecordCityCommissionDecisions(a, scope);
    const items = new Map((await itemsOfSession(trx, id)).map((i) => [i.application_id, i]));
    const order: { itemId: string; position: number; applicationId: string }[] = [];
    for (const d of input.decisions) {
      const item = items.get(d.applicationId);
      if (!item)
        throw unprocessable('not_on_agenda', 'Cette demande n’est pas inscrite à l’ordre du jour de la commission');
      if (item.outcome) throw conflict('already_decided', `Demande n° ${item.position} : décision déjà enregistrée`);
      try {
        await applyTransition(
          trx,
          ctx,
          d.applicationId,
          {
            to: d.outcome,
            reason: d.reason ?? null,
            amountCents: d.amountCents,
            form: d.form,
            loanMonths: d.loanMonths,
            derogationReason: d.derogationReason,
          },
          gate,
        );
      } catch (e) {
        throw about(item.position, e);
      }
      await recordItemDecision(trx, {
        itemId: item.id,
        outcome: d.outcome,
        amountCents: d.amountCents ?? null,
        by: ctx.actor.id,
        at: ctx.now,
      });
      order.push({ itemId: item.id, position: item.position, applicationId: d.applicationId });
    }
    const documents = await notify(trx, ctx, s.session_date, input, order);
    const left = [...items.values()].filter((i) => !i.outcome && !order.some((o) => o.itemId === i.id)).length;
    if (left === 0) await closeSession(trx, id, ctx.actor.id, ctx.now);
    await audit(trx, ctx, 'commission_session.decide', {
      targetType: 'commission_session',
      targetId: id,
      diff: { decisions: order.length, letters: documents.length, closed: left === 0 },
    });
    return { decided: order.length, letters: documents.length, closed: left === 0 };
  });
}
