import type { Actor } from '../policy/actor.js';

/**
 * Who runs the commissions (docs/security.md, "Commissions"): the responsables of a site for the sessions of their
 * site, the functional administration for every session. Workers instruct the applications; they
 * never record a commission's decisions (maker-checker: the aids workflow refuses the instructing worker anyway).
 */
export const canManageCommissions = (a: Actor): boolean =>
  a.role === 'admin_fonctionnel' || (a.role === 'responsable' && a.siteId !== null);

/**
 * The level of a session (docs/adr/012-aid-applications.md, "Who decides"): a site's commission (the arrondissement's
 * EPS: every aid of its files), or the city-level commission of the FSL (Paris Solidarité Habitat, the département's
 * fund: FSL applications of every site), organised by the administration. Absent: a site's.
 */
export type SessionLevel = 'site' | 'ville';
export interface SessionScope {
  siteId: string | null;
  level?: SessionLevel;
}
const isCity = (s: SessionScope) => s.level === 'ville';

/** One session: the administration, or a responsable of the session's site (never a city-level session). */
export const canManageSession = (a: Actor, s: SessionScope): boolean =>
  a.role === 'admin_fonctionnel' ||
  (!isCity(s) && a.role === 'responsable' && a.siteId !== null && a.siteId === s.siteId);

/** Opening a city-level session: the administration, which runs the city-level commissions. */
export const canCreateCitySession = (a: Actor): boolean => a.role === 'admin_fonctionnel';

/**
 * Named write ability: recording the decisions of a city-level session (the FSL commission of Paris). The
 * administration sits for the département in that commission (domain.md §4), instructs no application (the
 * workflow's instructing moves are the workers'), so maker-checker holds. Never the decisions of a site's session:
 * the Paris optional aids are decided at the arrondissement (domain.md §5), recorded by the site's responsable.
 */
export const canRecordCityCommissionDecisions = (a: Actor, s: SessionScope): boolean =>
  isCity(s) && a.role === 'admin_fonctionnel';

/**
 * Recording the decisions: of a site's session, the responsable of that site only; of a city-level session, the
 * administration (`canRecordCityCommissionDecisions`). The aids workflow never lets the instructing worker decide.
 */
export const canDecideInSession = (a: Actor, s: SessionScope): boolean =>
  isCity(s)
    ? canRecordCityCommissionDecisions(a, s)
    : a.role === 'responsable' && a.siteId !== null && a.siteId === s.siteId;

/**
 * An application can be put on a session's agenda: a site's session takes the applications of its site's files; the
 * city-level session takes the FSL applications of every site (the Paris optional aids are the arrondissement's).
 */
export const applicationFitsSession = (s: SessionScope, app: { siteId: string; scheme: string }): boolean =>
  isCity(s) ? app.scheme === 'fsl' : s.siteId === app.siteId;
