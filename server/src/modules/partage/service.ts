import {
  canCreateShare,
  canManageConsents,
  canReadSensitiveSection,
  canReadShares,
  isSensitiveShareSection,
  shareableSectionLabel,
  type CreateConsentInput,
  type CreateShareInput,
  type PartageListDto,
  type ShareableSection,
  type ShareDto,
  type UsagerTarget,
  type WithdrawConsentInput,
  type ConsentDto,
} from '@jalon/core';
import { loadNeedToKnowUsager } from '../../access/load-authorized.js';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { notFound, unprocessable } from '../../errors.js';
import { presentConsent, presentShare } from './present.js';
import { findConsent, findSectionOpeners, findShare, listConsents, listShares } from './queries.js';
import { insertConsent, insertShare, setConsentWithdrawn } from './write-queries.js';

/**
 * A sensitive section goes into a share only when it is open on the file and the author may read it: a closed section
 * has nothing to share, and asking for it is refused rather than silently dropped from the extract.
 */
async function assertSensitiveSectionsShareable(
  trx: Queryable,
  ctx: Ctx,
  target: UsagerTarget,
  fileId: string,
  sections: readonly ShareableSection[],
) {
  const sensitive = sections.filter(isSensitiveShareSection);
  if (!sensitive.length) return;
  const opened = await findSectionOpeners(trx, fileId, sensitive);
  // Only the sections the author reads (référents and the section's opener) may leave the file.
  if (sensitive.some((s) => !canReadSensitiveSection(ctx.actor, target, { openedById: opened.get(s) ?? null }))) {
    throw unprocessable('section_not_shareable', 'Vous ne pouvez pas partager les sections sensibles de ce dossier', {
      sections: 'Sections sensibles non accessibles',
    });
  }
  const closed = sensitive.filter((s) => !opened.has(s));
  if (closed.length) {
    const names = closed.map((s) => `« ${shareableSectionLabel(s)} »`).join(', ');
    throw unprocessable(
      'section_not_open',
      `Section${closed.length > 1 ? 's' : ''} ${names} non ouverte${closed.length > 1 ? 's' : ''} sur ce dossier : rien à partager`,
      {
        sections: 'Seules les sections sensibles ouvertes sur le dossier peuvent être partagées',
      },
    );
  }
}

/** Shares and consents of a file, for its need-to-know only (others: 404). */
export async function listPartage(ctx: Ctx, fileId: string): Promise<PartageListDto> {
  const target = await loadNeedToKnowUsager(ctx.db, ctx.actor, fileId, canReadShares);
  const [shares, consents] = await Promise.all([listShares(ctx.db, fileId), listConsents(ctx.db, fileId)]);
  return {
    shares: shares.map(presentShare),
    consents: consents.map(presentConsent),
    can: { create: canCreateShare(ctx.actor, target) },
  };
}

/**
 * Records a share (secret partagé). On the person's consent, the share cites a consent of the file that was given on
 * or before the share's date and not withdrawn by then. The audit row keeps the ground and the sections, not the text.
 */
export function createShare(ctx: Ctx, fileId: string, input: CreateShareInput): Promise<ShareDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await loadNeedToKnowUsager(trx, ctx.actor, fileId, canCreateShare, { write: true });
    await assertSensitiveSectionsShareable(trx, ctx, target, fileId, input.sections);
    if (input.consentId) {
      const c = await findConsent(trx, fileId, input.consentId);
      const valid =
        c && c.given_on <= input.sharedDate && (c.withdrawn_on === null || c.withdrawn_on > input.sharedDate);
      if (!valid) {
        throw unprocessable(
          'invalid_consent',
          'Le consentement cité n’existe pas sur ce dossier ou n’était pas valable à la date du partage',
          {
            consentId: 'Consentement non valable à cette date',
          },
        );
      }
    }
    const shareId = await insertShare(trx, {
      case_file_id: fileId,
      recipient_name: input.recipientName ?? null,
      recipient_organisation: input.recipientOrganisation,
      legal_ground: input.legalGround,
      consent_id: input.legalGround === 'consentement' ? (input.consentId ?? null) : null,
      sections: input.sections,
      shared_on: input.sharedDate,
      person_informed: input.personInformed,
      not_informed_reason: input.personInformed ? null : (input.notInformedReason ?? null),
      created_by: ctx.actor.id,
      created_at: ctx.now,
    });
    await audit(trx, ctx, 'file_share.create', {
      caseFileId: fileId,
      targetType: 'file_share',
      targetId: shareId,
      diff: { legalGround: input.legalGround, sections: input.sections, personInformed: input.personInformed },
    });
    const created = await findShare(trx, fileId, shareId);
    if (!created) throw notFound('Partage');
    return presentShare(created);
  });
}

export function createConsent(ctx: Ctx, fileId: string, input: CreateConsentInput): Promise<ConsentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    await loadNeedToKnowUsager(trx, ctx.actor, fileId, canManageConsents, { write: true });
    const row = await insertConsent(trx, {
      case_file_id: fileId,
      purpose: input.purpose,
      recipient: input.recipient,
      given_on: input.givenDate,
      created_by: ctx.actor.id,
      created_at: ctx.now,
    });
    await audit(trx, ctx, 'consent.create', { caseFileId: fileId, targetType: 'consent', targetId: row.id });
    return presentConsent(row);
  });
}

/** Records (or corrects) the date the person withdrew a consent. Shares made before that date stay valid. */
export function withdrawConsent(
  ctx: Ctx,
  fileId: string,
  consentId: string,
  input: WithdrawConsentInput,
): Promise<ConsentDto> {
  return ctx.db.transaction().execute(async (trx) => {
    await loadNeedToKnowUsager(trx, ctx.actor, fileId, canManageConsents, { write: true });
    const c = await findConsent(trx, fileId, consentId);
    if (!c) throw notFound('Consentement');
    if (input.withdrawnDate < c.given_on) {
      throw unprocessable('end_before_start', 'Le retrait ne peut pas précéder la date du consentement', {
        withdrawnDate: 'Date antérieure au consentement',
      });
    }
    const row = await setConsentWithdrawn(trx, consentId, input.withdrawnDate);
    await audit(trx, ctx, 'consent.withdraw', {
      caseFileId: fileId,
      targetType: 'consent',
      targetId: consentId,
      diff: { withdrawnOn: { from: c.withdrawn_on, to: input.withdrawnDate } },
    });
    return presentConsent(row);
  });
}
