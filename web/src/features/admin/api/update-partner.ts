import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { PartnerDto } from '../types';
import type { PartnerBody } from './create-partner';

export const updatePartner = (id: string, body: Partial<PartnerBody>) =>
  api.patch<PartnerDto>(`/admin/partners/${encodeURIComponent(id)}`, body);

export const useUpdatePartner = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<PartnerBody> }) => updatePartner(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['partners'] }),
  });
};
