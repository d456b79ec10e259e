import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UsagerDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { usagerQueryKey } from './get-usager';

export interface EndMemberBody {
  endDate: string;
  reason: 'depart' | 'deces' | 'autre';
}

/** A member leaves the household: the row is kept with its end date (history). */
export const endMember = (id: string, memberId: string, body: EndMemberBody) =>
  api.patch<UsagerDto>(`/usagers/${encodeURIComponent(id)}/members/${encodeURIComponent(memberId)}`, body);

export const useEndMember = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ memberId, body }: { memberId: string; body: EndMemberBody }) => endMember(id, memberId, body),
    onSuccess: (dto) => queryClient.setQueryData(usagerQueryKey(id), dto),
  });
};
