import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RetentionUpcomingDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The référent's files whose active base ends within 30 days (social workers only). */
export const getRetentionUpcoming = () => api.get<RetentionUpcomingDto>('/retention/upcoming');

export const retentionUpcomingQuery = () =>
  queryOptions({ queryKey: ['retention', 'upcoming'], queryFn: getRetentionUpcoming });

export const useRetentionUpcoming = (enabled: boolean) => useQuery({ ...retentionUpcomingQuery(), enabled });
