import type { Actor } from '../policy/actor.js';

/**
 * Who runs the commissions (docs/security.md, "Commissions"): the responsables of a site for the sessions of their
 * site, the functional administration for every session (a territory's). Workers instruct the applications; they
 * never record a commission's decisions (maker-checker: the aids workflow refuses the instructing worker anyway).
 */
export const canManageCommissions = (a: Actor): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null);

/** One session: the administration, or a responsable of the session's site. */
export const canManageSession = (a: Actor, s: { siteId: string | null }): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null && a.siteId === s.siteId);

/** An application can be put on a session's agenda when its file is of the session's site (any site for a territory). */
export const applicationFitsSession = (s: { siteId: string | null }, fileSiteId: string): boolean =>
  s.siteId === null || s.siteId === fileSiteId;
