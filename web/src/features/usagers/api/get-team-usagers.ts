import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, UsagerListItem } from '../types';

/** "Mon équipe": files followed by my teams. */
export const getTeamUsagers = () => api.get<ItemsDto<UsagerListItem>>('/usagers/team');

export const teamUsagersQuery = () => queryOptions({ queryKey: ['usagers', 'team'], queryFn: getTeamUsagers });

export const useTeamUsagers = (enabled = true) => useQuery({ ...teamUsagersQuery(), enabled });
