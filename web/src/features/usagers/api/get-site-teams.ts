import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, SiteTeamDto } from '../types';

/** Teams of my site, to choose the team that follows a file. */
export const getSiteTeams = () => api.get<ItemsDto<SiteTeamDto>>('/site/teams');

export const siteTeamsQuery = () =>
  queryOptions({ queryKey: ['site', 'teams'], queryFn: getSiteTeams, staleTime: 5 * 60_000 });

export const useSiteTeams = () => useQuery(siteTeamsQuery());
