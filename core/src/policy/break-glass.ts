import type { Actor, UsagerTarget } from './actor.js';
import { canReadFullUsager, isReferentOn } from './usager.js';

/**
 * Motivated access (docs/api.md). Who may ask: social workers and site managers, for a file whose full part they do not
 * already read. Who reviews: the DPO (all sites) and the responsable of the file's site.
 */
export const canRequestBreakGlass = (a: Actor, f: UsagerTarget): boolean =>
  (a.role === 'travailleur_social' || a.role === 'responsable') && a.siteId !== null && !canReadFullUsager(a, f);

/** The review queue: the DPO sees every site, a responsable only the accesses to files of their own site. */
export const canListBreakGlass = (a: Actor): boolean =>
  a.role === 'dpo' || (a.role === 'responsable' && a.siteId !== null);

export const canReviewBreakGlass = (a: Actor, fileSiteId: string): boolean =>
  a.role === 'dpo' || (a.role === 'responsable' && a.siteId !== null && a.siteId === fileSiteId);

/**
 * The access export (RGPD art. 15) is prepared for the person by a référent or by the responsable of the file's site;
 * a motivated access never allows it.
 */
export const canExportUsagerAccess = (a: Actor, f: UsagerTarget): boolean =>
  (a.role === 'travailleur_social' && isReferentOn(a, f)) ||
  (a.role === 'responsable' && a.siteId !== null && a.siteId === f.siteId);
