import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateRestrictionInput, HistoryItemDto, RestrictionDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import type { ItemsDto } from '../types';

const base = (id: string) => `/usagers/${encodeURIComponent(id)}`;

/** The changes of the file (need-to-know of the full part: the server answers 404 to anyone else). */
export const historyQuery = (id: string) =>
  queryOptions({
    queryKey: ['usagers', 'file', id, 'history'],
    queryFn: () => api.get<ItemsDto<HistoryItemDto>>(`${base(id)}/history`),
  });
export const useHistory = (id: string) => useQuery(historyQuery(id));

/** Limitation and opposition flags, active and lifted. */
export const restrictionsQuery = (id: string) =>
  queryOptions({
    queryKey: ['usagers', 'file', id, 'restrictions'],
    queryFn: () => api.get<ItemsDto<RestrictionDto>>(`${base(id)}/restrictions`),
  });
export const useRestrictions = (id: string) => useQuery(restrictionsQuery(id));

const useInvalidateFile = (id: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ['usagers', 'file', id] });
};

export const useCreateRestriction = (id: string) => {
  const invalidate = useInvalidateFile(id);
  return useMutation({
    mutationFn: (body: CreateRestrictionInput) => api.post<RestrictionDto>(`${base(id)}/restrictions`, body),
    onSuccess: invalidate,
  });
};

export const useLiftRestriction = (id: string) => {
  const invalidate = useInvalidateFile(id);
  return useMutation({
    mutationFn: ({ restrictionId, endDate }: { restrictionId: string; endDate: string }) =>
      api.post<RestrictionDto>(`${base(id)}/restrictions/${encodeURIComponent(restrictionId)}/lift`, { endDate }),
    onSuccess: invalidate,
  });
};
