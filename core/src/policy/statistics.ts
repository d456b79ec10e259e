import type { Actor } from './actor.js';

/**
 * Who sees which statistics (docs/api.md, Statistics). Never a name, never a worker above the worker:
 * - admin fonctionnel: every site, aggregates only;
 * - responsable: their site (teams of at least 5 workers apart, the others together);
 * - travailleur social: their team(s), and their own activity;
 * - secrétaire, DPO: none (the routes answer 404).
 */
export type StatisticsLevel = 'all' | 'site' | 'team';

export const statisticsLevel = (actor: Actor): StatisticsLevel | null => {
  switch (actor.role) {
    case 'admin_fonctionnel':
      return 'all';
    case 'responsable':
      return actor.siteId ? 'site' : null;
    case 'travailleur_social':
      return actor.siteId && actor.teamIds.length > 0 ? 'team' : null;
    default:
      return null;
  }
};

/** The table of files actives per team: above the team only. */
export const canSeeTeamTable = (actor: Actor): boolean =>
  actor.role === 'responsable' || actor.role === 'admin_fonctionnel';

/** A worker's own activity is shown to that worker only. */
export const canSeeOwnActivity = (actor: Actor): boolean => actor.role === 'travailleur_social';

/** The yearly "rapport d'activité" of a site: its responsable, or the admin for any site. */
export const canDownloadSiteReport = (actor: Actor, siteId: string): boolean =>
  actor.role === 'admin_fonctionnel' || (actor.role === 'responsable' && actor.siteId === siteId);
