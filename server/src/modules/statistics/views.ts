import {
  canSeeOwnActivity,
  canSeeTeamTable,
  ENTRY_TYPE_LABELS,
  GROUP_BY_LABELS,
  GROUP_BYS,
  INDICATORS,
  canDownloadSiteReport,
  indicatorById,
  oneWayTable,
  protectTable,
  sliceFamily,
  type PublishedValue,
  type StatisticsFilter,
  type StatisticsScopeDto,
  type TeamTableDto,
  type WaitingTimeDto,
} from '@jalon/core';
import type { Ctx } from '../../context.js';
import { statThresholds } from '../params/index.js';
import { notFound } from '../../errors.js';
import { AppError } from '../../errors.js';
import { loadFamily } from './families.js';
import { placeOf, publishedPeriod } from './params.js';
import {
  lastPopulationMonth,
  ownEntriesByType,
  refreshState,
  scopeSites,
  teamsByName,
  waitHistogram,
} from './queries.js';
import { scopedSites, statisticsScope } from './scope.js';
import { assertPublished, emptyRow, existingRow, familyRequestFor, sliceOf } from './service.js';

/** What the page may offer the caller. */
export async function scopeView(ctx: Ctx): Promise<StatisticsScopeDto> {
  const scope = statisticsScope(ctx);
  const sites = await scopeSites(ctx.db, scope.siteIds);
  const teams = scope.teamIds?.length ? await teamsByName(ctx.db, scope.teamIds) : [];
  const state = await refreshState(ctx.db);
  const last = await lastPopulationMonth(ctx.db);
  const month = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v)).slice(0, 7);
  return {
    level: scope.level,
    sites: sites.map((s) => ({ id: s.id, code: s.code, name: s.name, arrondissements: s.arrondissements })),
    teams,
    indicators: INDICATORS.map((i) => ({
      id: i.id,
      label: i.label,
      kind: i.kind,
      variable: i.variable,
      sensitive: i.sensitive,
    })),
    groupBys: GROUP_BYS.map((id) => ({ id, label: GROUP_BY_LABELS[id] })),
    months: state && last?.m ? { first: state.firstMonth.slice(0, 7), last: month(last.m) } : null,
    refreshedAt: state?.refreshedAt.toISOString() ?? null,
    teamTable: canSeeTeamTable(ctx.actor),
    ownActivity: canSeeOwnActivity(ctx.actor),
    yearlyReport: sites.some((s) => canDownloadSiteReport(ctx.actor, s.id)),
  };
}

/**
 * Median and 90th percentile of the waiting days; nothing at all when the number of persons is not published (a
 * median of 3 is 3 people). The number of persons is a slice of the waiting-time family of the year (families.ts).
 */
export async function waitingTime(ctx: Ctx, filter: StatisticsFilter): Promise<WaitingTimeDto> {
  const scope = statisticsScope(ctx);
  const siteIds = scopedSites(scope, filter.siteIds);
  const period = publishedPeriod(filter);
  const place = placeOf(filter, scope.siteIds);
  assertPublished('wait', period, place, null);
  const fam = await loadFamily(ctx, scope, {
    source: 'wait',
    name: 'personnes',
    categories: [{ code: 'personnes', label: 'Personnes' }],
    sensitive: false,
    period: String(period.year),
  });
  const slice = sliceOf(fam, 'wait', period, place, null, null);
  const table = existingRow(fam, slice)
    ? sliceFamily(fam.protected, 'delaiPremierEntretien', slice)
    : emptyRow(fam, 'x');
  const persons: PublishedValue = table.status === 'released' ? table.grandTotal : { suppressed: 'secondary' };
  const out = {
    period: { fromMonth: filter.fromMonth, toMonth: filter.toMonth },
    persons,
    threshold: fam.protected.threshold,
  };
  if (typeof persons !== 'number' || persons < fam.protected.threshold)
    return { ...out, medianDays: null, p90Days: null };
  const hist = await waitHistogram(ctx.db, {
    fromMonth: `${filter.fromMonth}-01`,
    toMonth: `${filter.toMonth}-01`,
    siteIds: place?.table === 'site' ? [place.row] : siteIds,
    teamIds: scope.teamIds,
    arrondissements: place?.table === 'arrondissement' ? [Number(place.row)] : [],
  });
  const quantile = (q: number) => {
    const rank = Math.ceil(q * persons);
    let seen = 0;
    for (const h of hist) {
      seen += h.persons;
      if (seen >= rank) return h.days;
    }
    return hist[hist.length - 1]!.days;
  };
  return { ...out, medianDays: quantile(0.5), p90Days: quantile(0.9) };
}

/** Files actives per team at the end of the period; teams of fewer than 5 workers together with the rest of the site. */
export async function teamTable(ctx: Ctx, filter: StatisticsFilter): Promise<TeamTableDto> {
  const scope = statisticsScope(ctx);
  if (!canSeeTeamTable(ctx.actor)) throw notFound('Page');
  scopedSites(scope, filter.siteIds);
  const period = publishedPeriod(filter);
  if (placeOf(filter, scope.siteIds))
    throw new AppError(422, 'filter_not_published', 'Le tableau par équipe porte sur tout votre périmètre', {
      siteIds: 'Tout le périmètre',
    });
  const def = indicatorById('sexe')!;
  const req = await familyRequestFor(ctx, def, period);
  const fam = await loadFamily(ctx, scope, {
    ...req,
    name: 'ensemble',
    categories: [{ code: 'total', label: 'Total' }],
    sensitive: false,
  });
  const table = sliceFamily(fam.protected, 'equipe', { kind: 'column', table: 'team', col: 'total', rowVar: 'equipe' });
  return {
    period: { fromMonth: filter.fromMonth, toMonth: filter.toMonth },
    labels: { rows: {}, cols: fam.rowLabels.team ?? {} },
    table,
  };
}
/** A worker's own journal entries by type over the period: shown to that worker only. */
export async function myActivity(ctx: Ctx, filter: StatisticsFilter): Promise<TeamTableDto> {
  statisticsScope(ctx);
  if (!canSeeOwnActivity(ctx.actor)) throw notFound('Page');
  const rows = await ownEntriesByType(ctx.db, ctx.actor.id, filter.from, filter.toExclusive);
  const cols = Object.keys(ENTRY_TYPE_LABELS);
  const counts = cols.map((c) => Number(rows.find((x) => x.type === c)?.n ?? 0));
  return {
    period: { fromMonth: filter.fromMonth, toMonth: filter.toMonth },
    labels: { rows: {}, cols: ENTRY_TYPE_LABELS },
    table: protectTable(oneWayTable('entreesParType', cols, counts), {
      sensitive: false,
      thresholds: await statThresholds(ctx.db, ctx.now),
    }),
  };
}
