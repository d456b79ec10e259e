import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, UsagerListItem } from '../types';

/** "Ma file active": open files where I am référent or co-référent. */
export const getMyUsagers = () => api.get<ItemsDto<UsagerListItem>>('/usagers/mine');

export const myUsagersQuery = () => queryOptions({ queryKey: ['usagers', 'mine'], queryFn: getMyUsagers });

export const useMyUsagers = (enabled = true) => useQuery({ ...myUsagersQuery(), enabled });
