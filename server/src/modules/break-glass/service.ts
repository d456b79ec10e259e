import {
  BREAK_GLASS_HOURS,
  canListBreakGlass,
  canReadGeneralUsager,
  canRequestBreakGlass,
  canReviewBreakGlass,
  type BreakGlassGrantDto,
  type BreakGlassInput,
  type BreakGlassQueueItemDto,
  type NotificationListDto,
} from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { conflict, forbidden, notFound } from '../../errors.js';
import { findFileTarget } from '../../access/targets.js';
import { presentNotification, presentQueueItem, reviewerSeesName } from './present.js';
import { countUnread, findNotifications, findQueue } from './queries.js';
import {
  findOwnNotification,
  insertGrant,
  lockGrant,
  markRead,
  notifyReferents,
  setReviewed,
} from './write-queries.js';

/**
 * Opens a file outside the caller's need-to-know for 24 hours, with a reason (docs/api.md, Motivated access, notifications, access export). The grant, its audit row and
 * the référents' notifications are written in one transaction; the grant itself is honoured by the access layer
 * (the session resolves `Actor.motivatedFileIds`, `canReadFullUsager` reads it): read only, every read access-logged.
 */
export async function requestBreakGlass(ctx: Ctx, fileId: string, input: BreakGlassInput): Promise<BreakGlassGrantDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const target = await findFileTarget(trx, fileId);
    if (!target) throw notFound('Dossier');
    const { role } = ctx.actor;
    if (role !== 'travailleur_social' && role !== 'responsable') {
      // Secretaries, the admin and the DPO never break the glass; outside the general part the file stays invisible.
      if (canReadGeneralUsager(ctx.actor, target))
        throw forbidden('L’accès motivé est réservé aux travailleurs sociaux et aux responsables de site');
      throw notFound('Dossier');
    }
    if (!canRequestBreakGlass(ctx.actor, target))
      throw conflict('already_authorized', 'Vous avez déjà accès à l’ensemble de ce dossier');
    const expiresAt = new Date(ctx.now.getTime() + BREAK_GLASS_HOURS * 3_600_000);
    const grantId = await insertGrant(trx, {
      case_file_id: target.id,
      file_site_id: target.siteId,
      user_id: ctx.actor.id,
      user_role: role,
      user_site_id: ctx.actor.siteId,
      reason: input.reason,
      justification: input.justification,
      granted_at: ctx.now,
      expires_at: expiresAt,
    });
    const referents = [...new Set(target.referentIds)].filter((id) => id !== ctx.actor.id);
    if (referents.length) {
      await notifyReferents(trx, { userIds: referents, caseFileId: target.id, breakGlassId: grantId, now: ctx.now });
    }
    // The justification is free text about a person: the audit keeps the reason code only.
    await audit(trx, ctx, 'break_glass.grant', {
      caseFileId: target.id,
      targetType: 'break_glass_access',
      targetId: grantId,
      diff: { reason: input.reason, expiresAt: expiresAt.toISOString(), notified: referents.length },
    });
    return {
      id: grantId,
      caseFileId: target.id,
      reason: input.reason,
      grantedAt: ctx.now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    };
  });
}

/** The review queue: the DPO sees every site, a responsable the accesses to files of their site. Others: 404. */
export async function listBreakGlass(
  ctx: Ctx,
  status: 'pending' | 'reviewed',
): Promise<{ items: BreakGlassQueueItemDto[] }> {
  if (!canListBreakGlass(ctx.actor)) throw notFound('Page');
  const siteId = ctx.actor.role === 'dpo' ? null : ctx.actor.siteId;
  const rows = await findQueue(ctx.db, { siteId, reviewed: status === 'reviewed' });
  return { items: rows.map((r) => presentQueueItem(r, reviewerSeesName(ctx.actor.role))) };
}

/** Marks one motivated access reviewed, with the reviewer's comment; audited in the same transaction. */
export async function reviewBreakGlass(ctx: Ctx, id: string, comment: string): Promise<BreakGlassQueueItemDto> {
  return ctx.db.transaction().execute(async (trx) => {
    const row = await lockGrant(trx, id);
    if (!row || !canReviewBreakGlass(ctx.actor, row.file_site_id)) throw notFound('Accès motivé');
    if (row.reviewed_at !== null) throw conflict('already_reviewed', 'Cet accès motivé a déjà été revu');
    await setReviewed(trx, id, { now: ctx.now, reviewerId: ctx.actor.id, comment });
    await audit(trx, ctx, 'break_glass.review', {
      caseFileId: row.case_file_id,
      targetType: 'break_glass_access',
      targetId: id,
    });
    const [item] = await findQueue(trx, { siteId: null, reviewed: true, id });
    if (!item) throw notFound('Accès motivé');
    return presentQueueItem(item, reviewerSeesName(ctx.actor.role));
  });
}

/** The caller's in-app notifications (référents learn of motivated accesses to their files). */
export async function listNotifications(ctx: Ctx): Promise<NotificationListDto> {
  const [rows, unread] = await Promise.all([
    findNotifications(ctx.db, ctx.actor.id),
    countUnread(ctx.db, ctx.actor.id),
  ]);
  return { items: rows.map(presentNotification), unread };
}

/** Marks one of the caller's notifications read; another user's notification is 404. */
export async function markNotificationRead(ctx: Ctx, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await markRead(trx, id, ctx.actor.id, ctx.now);
    if (!row) {
      const mine = await findOwnNotification(trx, id, ctx.actor.id);
      if (!mine) throw notFound('Notification');
      return;
    }
    await audit(trx, ctx, 'notification.read', { targetType: 'notification', targetId: id });
  });
}
