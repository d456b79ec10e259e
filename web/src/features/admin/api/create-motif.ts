import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MotifDto } from '../types';

export interface MotifBody {
  code: string;
  label: string;
  active?: boolean;
}

export const createMotif = (body: MotifBody) => api.post<MotifDto>('/admin/motifs', body);

export const useCreateMotif = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createMotif,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['motifs'] }),
  });
};
