import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, SiteWorkerDto } from '../types';

/** Social workers of my site: the possible référents. */
export const getSiteWorkers = () => api.get<ItemsDto<SiteWorkerDto>>('/site/workers');

export const siteWorkersQuery = () =>
  queryOptions({ queryKey: ['site', 'workers'], queryFn: getSiteWorkers, staleTime: 5 * 60_000 });

export const useSiteWorkers = (enabled = true) => useQuery({ ...siteWorkersQuery(), enabled });
