import { canSetSiteProfile, type SiteProfile } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import { forbidden, notFound } from '../../errors.js';
import { lockSiteProfile, setSiteProfileRow } from './queries.js';

/**
 * The admin chooses each site's minimisation profile. Narrowing it hides the sections it drops (the API refuses
 * them) without deleting what was recorded: widening it again shows them as they were.
 */
export const setSiteProfile = (ctx: Ctx, siteId: string, profile: SiteProfile) => {
  if (!canSetSiteProfile(ctx.actor)) throw forbidden('Accès réservé à l’administration fonctionnelle');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await lockSiteProfile(trx, siteId);
    if (!before) throw notFound('Site');
    await setSiteProfileRow(trx, siteId, profile);
    await audit(trx, ctx, 'site.profile_update', {
      targetType: 'site',
      targetId: siteId,
      diff: { profile: { from: before.profile, to: profile } },
    });
    return { id: siteId, profile };
  });
};
