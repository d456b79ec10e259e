import type { StatisticsScopeDto, StatisticsTableDto, TeamTableDto, WaitingTimeDto } from '@jalon/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api, toQuery } from '../../lib/api-client';

/** What the page asks for: a calendar month or year, one site or all (the server refuses anything else). */
export interface StatisticsParams {
  indicator: string;
  from: string;
  to: string;
  siteId: string;
  groupBy: '' | 'arrondissement' | 'site' | 'mois';
  compare: boolean;
}

const placeQuery = (p: Pick<StatisticsParams, 'from' | 'to' | 'siteId'>) => ({
  from: p.from,
  to: p.to,
  siteIds: p.siteId || undefined,
});

export const tableQueryString = (p: StatisticsParams, category?: string) =>
  toQuery({
    indicator: p.indicator,
    ...placeQuery(p),
    groupBy: category && p.groupBy === '' ? 'arrondissement' : p.groupBy || undefined,
    category,
    compare: p.compare && !p.groupBy && !category ? '1' : undefined,
  });

/** The CSV of exactly the table shown (same query, same protection). */
export const csvHref = (p: StatisticsParams) =>
  `/api/statistics/table.csv${tableQueryString({ ...p, compare: false })}`;
export const reportHref = (siteId: string, year: number) => `/api/statistics/report.pdf${toQuery({ siteId, year })}`;

export const useStatisticsScope = () =>
  useQuery({
    queryKey: ['statistics', 'scope'],
    queryFn: () => api.get<StatisticsScopeDto>('/statistics/scope'),
    staleTime: 60_000,
  });

export const useStatisticsTable = (p: StatisticsParams, enabled = true) =>
  useQuery({
    queryKey: ['statistics', 'table', p],
    queryFn: () => api.get<StatisticsTableDto>(`/statistics/table${tableQueryString(p)}`),
    enabled,
    placeholderData: keepPreviousData,
  });

/** One category (or all) along the arrondissements: the map. */
export const useMapTable = (p: StatisticsParams, category: string, enabled: boolean) =>
  useQuery({
    queryKey: ['statistics', 'map', p.indicator, p.from, p.to, p.siteId, category],
    queryFn: () =>
      api.get<StatisticsTableDto>(
        `/statistics/table${toQuery({ indicator: p.indicator, ...placeQuery(p), groupBy: 'arrondissement', category })}`,
      ),
    enabled,
    placeholderData: keepPreviousData,
  });

/** For a month, the waiting time of the whole scope (a site's is read over the year). */
export const useWaitingTime = (p: StatisticsParams) =>
  useQuery({
    queryKey: ['statistics', 'wait', p.from, p.to, p.siteId],
    queryFn: () =>
      api.get<WaitingTimeDto>(
        `/statistics/waiting-time${toQuery(placeQuery({ ...p, siteId: p.from === p.to ? '' : p.siteId }))}`,
      ),
  });

/** The team table covers the caller's whole scope. */
export const useTeamTable = (p: StatisticsParams, enabled: boolean) =>
  useQuery({
    queryKey: ['statistics', 'teams', p.from, p.to],
    queryFn: () => api.get<TeamTableDto>(`/statistics/teams${toQuery(placeQuery({ ...p, siteId: '' }))}`),
    enabled,
  });

export const useMyActivity = (p: StatisticsParams, enabled: boolean) =>
  useQuery({
    queryKey: ['statistics', 'mine', p.from, p.to],
    queryFn: () => api.get<TeamTableDto>(`/statistics/my-activity${toQuery({ from: p.from, to: p.to })}`),
    enabled,
  });
