import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, SiteDto } from '../types';

export const getSites = () => api.get<ItemsDto<SiteDto>>('/admin/sites');

export const sitesQuery = () => queryOptions({ queryKey: ['admin', 'sites'], queryFn: getSites });

export const useSites = () => useQuery(sitesQuery());
