import type { GroupBy, IndicatorKind } from './statistics/indicators.js';
import type { PublishedTable, PublishedValue } from './statistics/published.js';
import type { StatisticsLevel } from './policy/statistics.js';

/** What the statistics page may offer the caller (GET /api/statistics/scope). */
export interface StatisticsScopeDto {
  level: StatisticsLevel;
  /** Sites the caller may filter on (one for a responsable or a worker). */
  sites: { id: string; code: string; name: string; arrondissements: number[] }[];
  /** The caller's teams, for a worker (their statistics are those of these teams). */
  teams: { id: string; name: string }[];
  indicators: { id: string; label: string; kind: IndicatorKind; variable: string; sensitive: boolean }[];
  groupBys: { id: GroupBy; label: string }[];
  /** First and last months with statistics, `YYYY-MM`; null before the first refresh. */
  months: { first: string; last: string } | null;
  refreshedAt: string | null;
  teamTable: boolean;
  ownActivity: boolean;
  yearlyReport: boolean;
}

export interface StatisticsPeriodDto {
  fromMonth: string;
  toMonth: string;
}

/** One published table and the labels to show it (GET /api/statistics/table). */
export interface StatisticsTableDto {
  indicator: { id: string; label: string; kind: IndicatorKind; variable: string; unit: string };
  groupBy: GroupBy | null;
  period: StatisticsPeriodDto;
  siteIds: string[];
  arrondissements: number[];
  /** Display labels by code, rows (the breakdown) and columns (the indicator's categories). */
  labels: { rowVar: string | null; colVar: string; rows: Record<string, string>; cols: Record<string, string> };
  table: PublishedTable;
  /** Same table over the previous period of the same length, and over the same period a year before. */
  comparison: {
    previous: StatisticsPeriodDto & { table: PublishedTable };
    lastYear: StatisticsPeriodDto & { table: PublishedTable };
  } | null;
  refreshedAt: string | null;
}

/** Waiting time from the opening of the file to the first interview (days), hidden below the threshold. */
export interface WaitingTimeDto {
  period: StatisticsPeriodDto;
  persons: PublishedValue;
  threshold: number;
  medianDays: number | null;
  p90Days: number | null;
}

/** Files actives per team: teams of fewer than 5 workers are merged into "Autres équipes du site". */
export interface TeamTableDto {
  period: StatisticsPeriodDto;
  labels: { rows: Record<string, string>; cols: Record<string, string> };
  table: PublishedTable;
}
