import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SiteDto } from '../types';

export interface SiteBody {
  code: string;
  name: string;
  kind: string;
  arrondissements: number[];
}

export const createSite = (body: SiteBody) => api.post<SiteDto>('/admin/sites', body);

export const useCreateSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSite,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'sites'] }),
  });
};
