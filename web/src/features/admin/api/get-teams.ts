import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, TeamDto } from '../types';

/** All teams of all sites (the admin filters by site on screen). */
export const getTeams = () => api.get<ItemsDto<TeamDto>>('/admin/teams');

export const teamsQuery = () => queryOptions({ queryKey: ['admin', 'teams'], queryFn: getTeams });

export const useTeams = () => useQuery(teamsQuery());
