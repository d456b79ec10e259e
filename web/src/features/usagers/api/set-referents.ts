import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SetReferentsInput, UsagerDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { usagerQueryKey } from './get-usager';

/** Replaces the référent and co-référents of a file. */
export const setReferents = (id: string, body: SetReferentsInput) =>
  api.put<UsagerDto>(`/usagers/${encodeURIComponent(id)}/referents`, body);

export const useSetReferents = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetReferentsInput) => setReferents(id, body),
    onSuccess: (dto) => {
      queryClient.setQueryData(usagerQueryKey(id), dto);
      void queryClient.invalidateQueries({ queryKey: ['usagers'], predicate: (q) => q.queryKey[1] !== 'file' });
    },
  });
};
