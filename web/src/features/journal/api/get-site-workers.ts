import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, WorkerDto } from '../types';

/** Social workers of my site: whom an appointment can be booked with. */
export const getSiteWorkers = () => api.get<ItemsDto<WorkerDto>>('/site/workers');

export const siteWorkersQuery = () =>
  queryOptions({ queryKey: ['site', 'workers'], queryFn: getSiteWorkers, staleTime: 5 * 60_000 });

export const useSiteWorkers = (enabled = true) => useQuery({ ...siteWorkersQuery(), enabled });
