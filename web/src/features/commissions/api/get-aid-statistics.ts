import type { AidStatisticsDto } from '@jalon/core';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Aid statistics of a year, under the statistical secret. */
export const getAidStatistics = (year: number) => api.get<AidStatisticsDto>(`/statistics/aids?year=${year}`);
export const useAidStatistics = (year: number) =>
  useQuery(queryOptions({ queryKey: ['aid-statistics', year], queryFn: () => getAidStatistics(year) }));
