import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PartnerDto } from '../types';

export interface PartnerBody {
  name: string;
  kind: string;
  address: string | null;
  phone: string | null;
  active: boolean;
}

export const createPartner = (body: PartnerBody) => api.post<PartnerDto>('/admin/partners', body);

export const useCreatePartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createPartner,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
};
