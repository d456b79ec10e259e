import { canActOnEpPassage, epNotificationText, type EpOutcome } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { openText } from '../../crypto/index.js';
import type { Trx } from '../../db/schema.js';
import { conflict } from '../../errors.js';
import { storeGeneratedDocument } from '../documents/index.js';
import { lettersToPdf } from '../letters/index.js';
import { loadPassage } from './load.js';
import { personNameOf } from './present.js';
import { passageAad, sanctionsOfPassages, siteHeaderOf, updatePassage } from './queries.js';

const day = (d: unknown) => (d instanceof Date ? d.toISOString().slice(0, 10) : String(d).slice(0, 10));

/**
 * The notification of a decision with its voies de recours (docs/api.md, "RSA : équipe pluridisciplinaire"): printed
 * with the letters' layout and kept as a document of the file ("courrier"), once.
 */
export const notifyDecision = (ctx: Ctx, fileId: string, passageId: string) =>
  ctx.db.transaction().execute(async (trx: Trx) => {
    const { file, row } = await loadPassage(trx, ctx, fileId, passageId, canActOnEpPassage);
    if (row.state !== 'decide' || !row.outcome || !row.decided_on)
      throw conflict('ep_not_decided', 'La décision n’est pas encore prise : rien à notifier');
    if (row.notification_document_id) throw conflict('ep_already_notified', 'La décision a déjà été notifiée');
    const s = (await sanctionsOfPassages(trx, [passageId]))[0];
    const { title, text } = epNotificationText({
      personName: personNameOf(row),
      decidedOn: day(row.decided_on),
      outcome: row.outcome as EpOutcome,
      reason: row.decision_reason ? openText(row.decision_reason, passageAad('decision_reason', passageId)) : null,
      sanction: s
        ? {
            rate: s.rate,
            months: s.months,
            startMonth: day(s.start_month),
            monthlyWithheldCents: s.monthly_withheld_cents,
          }
        : null,
    });
    const site = await siteHeaderOf(trx, file.siteId);
    const bytes = await lettersToPdf(
      [
        {
          title,
          header: { name: site.name, address: site.address, phone: site.phone, hours: site.opening_hours },
          text,
        },
      ],
      title,
    );
    const documentId = await storeGeneratedDocument(trx, ctx, {
      caseFileId: fileId,
      entryId: null,
      type: 'courrier',
      fileName: `Notification RSA ${day(row.decided_on)}.pdf`,
      mime: 'application/pdf',
      bytes,
    });
    await updatePassage(trx, passageId, row.version, { notification_document_id: documentId });
    await audit(trx, ctx, 'rsa_ep.notify', {
      caseFileId: fileId,
      targetType: 'rsa_ep_passage',
      targetId: passageId,
      diff: { outcome: row.outcome },
    });
    return { documentId };
  });
