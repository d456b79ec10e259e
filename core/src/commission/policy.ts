import type { Actor } from '../policy/actor.js';

/**
 * Who runs the commissions (docs/security.md, "Commissions"): the responsables of a site for the sessions of their
 * site, the functional administration for every session. Workers instruct the applications; they
 * never record a commission's decisions (maker-checker: the aids workflow refuses the instructing worker anyway).
 */
export const canManageCommissions = (a: Actor): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null);

/** One session: the administration, or a responsable of the session's site. */
export const canManageSession = (a: Actor, s: { siteId: string }): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null && a.siteId === s.siteId);

/**
 * Recording the decisions: the responsable of the session's site only. The aids workflow lets the site manager decide
 * (never the instructing worker); the administration organises the sessions but decides nothing.
 */
export const canDecideInSession = (a: Actor, s: { siteId: string }): boolean =>
  a.role === 'responsable' && a.siteId !== null && a.siteId === s.siteId;

/** An application can be put on a session's agenda when its file is of the session's site. */
export const applicationFitsSession = (s: { siteId: string }, fileSiteId: string): boolean => s.siteId === fileSiteId;
