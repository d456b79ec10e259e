import { MIN_TEAM_WORKERS, statisticsLevel, type StatisticsLevel } from '@jalon/core';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/schema.js';
import { notFound } from '../../errors.js';
import { teamWorkerCounts } from './queries.js';

/**
 * The rows of the aggregates a caller may read (policy in core/src/policy/statistics.ts): every site for the admin,
 * their site for a responsable, their team(s) for a worker. Secretaries and the DPO get a 404, like any route that is
 * not theirs.
 */
export interface StatisticsScope {
  level: StatisticsLevel;
  /** Sites the caller may read; null = every site. */
  siteIds: string[] | null;
  /** Teams the caller reads (a worker); null = whole sites. */
  teamIds: string[] | null;
}

export const statisticsScope = (ctx: Ctx): StatisticsScope => {
  const level = statisticsLevel(ctx.actor);
  if (!level) throw notFound('Page');
  if (level === 'all') return { level, siteIds: null, teamIds: null };
  const siteIds = [ctx.actor.siteId!];
  return level === 'site' ? { level, siteIds, teamIds: null } : { level, siteIds, teamIds: [...ctx.actor.teamIds] };
};

/** Sites asked for, checked against the scope: a site outside it is "not found", as everywhere else. */
export const scopedSites = (scope: StatisticsScope, asked: readonly string[]): string[] | null => {
  if (asked.length === 0) return scope.siteIds;
  if (scope.siteIds && asked.some((s) => !scope.siteIds!.includes(s))) throw notFound('Site');
  return [...asked];
};

/** Teams of a site that may be shown apart: at least MIN_TEAM_WORKERS active social workers. */
export async function teamsShownApart(db: Db, siteIds: string[] | null): Promise<Map<string, string>> {
  const rows = await teamWorkerCounts(db, siteIds);
  return new Map(rows.filter((r) => Number(r.workers) >= MIN_TEAM_WORKERS).map((r) => [r.id, r.name]));
}
