import {
  DECISION_OUTCOMES,
  AID_VOIES_DE_RECOURS,
  euros,
  frenchLongDate,
  type DecisionOutcome,
  type LetterValues,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import type { Queryable, Trx } from '../../db/schema.js';
import { storeGeneratedDocument } from '../documents/index.js';
import { insertLetterSent, lettersToPdf, renderLetters, type RenderedLetter } from '../letters/index.js';

export interface NotifiedDecision {
  caseFileId: string;
  aidTypeLabel: string;
  outcome: DecisionOutcome;
  amountCents: number | null;
  reason: string | null;
}

const valuesOf = (d: NotifiedDecision, sessionDate: string): LetterValues => ({
  'aide.type': d.aidTypeLabel,
  'aide.decision': DECISION_OUTCOMES[d.outcome],
  'aide.montant': d.amountCents === null ? 'sans objet' : euros(d.amountCents),
  'aide.motif': d.reason ?? 'sans objet',
  'commission.date': frenchLongDate(new Date(`${sessionDate}T12:00:00Z`)),
});

/**
 * The notification letters of decisions, from the template `notification_aide` in force at `at` (modules/letters),
 * in the given order. The voies de recours are printed after the template's text whatever the template says
 * (domain.md §5: a decision states its appeal routes).
 */
export async function renderNotifications(
  db: Queryable,
  decisions: readonly NotifiedDecision[],
  sessionDate: string,
  at: Date,
) {
  const pairs = decisions.map((d) => ({ fileId: d.caseFileId, entryId: null, extra: valuesOf(d, sessionDate) }));
  const { template, letters } = await renderLetters(db, 'notification_aide', pairs, at);
  if (letters.length !== decisions.length) throw new Error('Courrier : dossier introuvable');
  const withRecours: RenderedLetter[] = letters.map((l) => ({ ...l, text: `${l.text}\n\n${AID_VOIES_DE_RECOURS}` }));
  return { template, letters: withRecours };
}

/**
 * Generates and keeps the notification of each decision as a document of its file ("Courrier") and a `letter_sent`
 * row, in the caller's transaction. Returns the documents' ids, in order.
 */
export async function storeNotifications(
  trx: Trx,
  ctx: Ctx,
  decisions: readonly NotifiedDecision[],
  sessionDate: string,
): Promise<string[]> {
  if (decisions.length === 0) return [];
  const { template, letters } = await renderNotifications(trx, decisions, sessionDate, ctx.now);
  const ids: string[] = [];
  for (const [k, d] of decisions.entries()) {
    const bytes = await lettersToPdf([letters[k] as RenderedLetter], template.title);
    const documentId = await storeGeneratedDocument(trx, ctx, {
      caseFileId: d.caseFileId,
      entryId: null,
      type: 'courrier',
      fileName: `${template.title} ${sessionDate}.pdf`,
      mime: 'application/pdf',
      bytes,
    });
    await insertLetterSent(trx, {
      caseFileId: d.caseFileId,
      templateId: template.id,
      entryId: null,
      documentId,
      by: ctx.actor.id,
      at: ctx.now,
    });
    ids.push(documentId);
  }
  return ids;
}
