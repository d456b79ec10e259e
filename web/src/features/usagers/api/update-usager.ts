import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UsagerDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { usagerQueryKey } from './get-usager';

/** PATCH body: sections with the fields that changed, and the version read (409 if someone saved since). */
export interface UpdateUsagerBody {
  version: number;
  identity?: Record<string, unknown>;
  contact?: Record<string, unknown>;
  identifiers?: Record<string, unknown>;
  situation?: Record<string, unknown>;
  household?: Record<string, unknown>;
  status?: 'actif' | 'clos';
  closingReason?: string | null;
}

export const updateUsager = (id: string, body: UpdateUsagerBody) =>
  api.patch<UsagerDto>(`/usagers/${encodeURIComponent(id)}`, body);

export const useUpdateUsager = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateUsagerBody) => updateUsager(id, body),
    onSuccess: (dto) => {
      queryClient.setQueryData(usagerQueryKey(id), dto);
      void queryClient.invalidateQueries({ queryKey: ['usagers'], predicate: (q) => q.queryKey[1] !== 'file' });
    },
  });
};
