import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UsagerDto } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { usagerQueryKey } from './get-usager';

export interface AddMemberBody {
  person: { birthName: string; usedName?: string | null; firstNames: string; sex?: string | null; birthDate: string };
  relationship: string;
  startDate: string;
  reason: 'arrivee' | 'naissance';
}

/** A new person joins the household (arrival or birth). */
export const addMember = (id: string, body: AddMemberBody) =>
  api.post<UsagerDto>(`/usagers/${encodeURIComponent(id)}/members`, body);

export const useAddMember = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember(id, body),
    onSuccess: (dto) => queryClient.setQueryData(usagerQueryKey(id), dto),
  });
};
