import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { SiteDto } from '../types';
import type { SiteBody } from './create-site';

/** The code is the site's stable key: it cannot change. */
export const updateSite = (id: string, body: Partial<Omit<SiteBody, 'code'>>) =>
  api.patch<SiteDto>(`/admin/sites/${encodeURIComponent(id)}`, body);

export const useUpdateSite = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: Partial<Omit<SiteBody, 'code'>> }) => updateSite(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'sites'] }),
  });
};
