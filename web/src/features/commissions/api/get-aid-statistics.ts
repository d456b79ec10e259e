import type { StatisticsTableDto } from '@jalon/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** The aid indicators of the statistics module (docs/api.md, "Statistiques des aides"), one year by site. */
export const AID_INDICATORS = ['aidesDemandes', 'aidesDecisions', 'aidesIssues', 'aidesDelais'] as const;

export const getAidIndicator = (indicator: string, year: number) =>
  api.get<StatisticsTableDto>(`/statistics/table?indicator=${indicator}&from=${year}-01&to=${year}-12&groupBy=site`);
export const useAidIndicator = (indicator: string, year: number) =>
  useQuery(
    queryOptions({ queryKey: ['aid-statistics', indicator, year], queryFn: () => getAidIndicator(indicator, year) }),
  );
