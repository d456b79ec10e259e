import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { ItemsDto, UsagerListItem } from '../types';

/** "Ma file active": files with a contact in the last 12 months where I am référent, co-référent or took part in an entry. */
export const getMyUsagers = () => api.get<ItemsDto<UsagerListItem>>('/usagers/mine');

export const myUsagersQuery = () => queryOptions({ queryKey: ['usagers', 'mine'], queryFn: getMyUsagers });

export const useMyUsagers = (enabled = true) => useQuery({ ...myUsagersQuery(), enabled });
