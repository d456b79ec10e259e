import type { Ctx } from '../../context.js';
import { notFound } from '../../errors.js';

/**
 * The aid statistics are indicators of the statistics module (`aidesDemandes`, `aidesDecisions`, `aidesIssues`,
 * `aidesDelais`: docs/api.md, "Statistiques des aides"), under its disclosure control across queries
 * (docs/adr/009-statistics-disclosure-control.md). The former route answers a permanent redirect to the table of
 * the applications of the year by month, for those it served (the administration, a responsable; others 404), so no
 * second protected family of the same counts is ever published beside the statistics module's.
 */
export function aidStatisticsLocation(ctx: Ctx, year: number): string {
  const a = ctx.actor;
  if (a.role !== 'admin_fonctionnel' && !(a.role === 'responsable' && a.siteId)) throw notFound('Page');
  return `/api/statistics/table?indicator=aidesDemandes&from=${year}-01&to=${year}-12&groupBy=mois`;
}
