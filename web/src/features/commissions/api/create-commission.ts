import type { CommissionSessionDto, CommissionSessionInput } from '@jalon/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const createCommission = (body: CommissionSessionInput) => api.post<CommissionSessionDto>('/commissions', body);

export const useCreateCommission = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createCommission,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
};
