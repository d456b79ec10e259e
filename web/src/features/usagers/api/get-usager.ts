import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UsagerDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The file as I may see it, with my abilities on it (`can`), decided by the server. */
export const getUsager = (id: string) => api.get<UsagerDto>(`/usagers/${encodeURIComponent(id)}`);

export const usagerQueryKey = (id: string) => ['usagers', 'file', id] as const;

export const usagerQuery = (id: string) => queryOptions({ queryKey: usagerQueryKey(id), queryFn: () => getUsager(id) });

export const useUsager = (id: string) => useQuery(usagerQuery(id));
