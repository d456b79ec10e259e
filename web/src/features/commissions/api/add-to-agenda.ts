import type { CommissionSessionDto } from '@jalon/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const addToAgenda = (id: string, applicationIds: string[]) =>
  api.post<CommissionSessionDto>(`/commissions/${encodeURIComponent(id)}/agenda`, { applicationIds });

export const useAddToAgenda = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (applicationIds: string[]) => addToAgenda(id, applicationIds),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
};
