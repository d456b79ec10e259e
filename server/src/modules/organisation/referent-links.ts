import type { Role } from '@jalon/core';
import { audit } from '../../audit/audit.js';
import type { Ctx } from '../../context.js';
import type { Queryable } from '../../db/schema.js';
import { endReferentLinks, openReferentLinksOf } from './queries.js';

interface Placement {
  role: Role;
  siteId: string | null;
  teamIds: readonly string[];
  /** The teams the user leaves with this change. */
  leftTeamIds: readonly string[];
}

/**
 * Relations end with the organisation (docs/security.md, "Access: read vs write, relations"): when the administrator
 * changes a user's site, team or role, the user's référent links on files they no longer follow get a dated end —
 * files of another site (or every file, when the user is no longer a social worker), and files followed by a team
 * they left. One audit row per file, in the caller's transaction; the file's history keeps who it was.
 */
export async function endReferentLinksOutside(trx: Queryable, ctx: Ctx, userId: string, p: Placement) {
  const links = await openReferentLinksOf(trx, userId);
  const stale = links.filter(
    (l) =>
      p.role !== 'travailleur_social' ||
      l.site_id !== p.siteId ||
      (l.team_id !== null && p.leftTeamIds.includes(l.team_id) && !p.teamIds.includes(l.team_id)),
  );
  if (!stale.length) return;
  await endReferentLinks(
    trx,
    stale.map((l) => l.id),
    ctx.now,
  );
  for (const l of stale)
    await audit(trx, ctx, 'usager.referent_ended', {
      caseFileId: l.case_file_id,
      targetType: 'case_file_referent',
      targetId: l.id,
      diff: { referents: { from: [`${l.kind}:${userId}`], to: [] }, reason: 'changement_affectation' },
    });
}
