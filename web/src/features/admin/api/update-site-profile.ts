import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SiteProfile } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The site's minimisation profile: which optional sections its files may hold (audited by the server). */
export const updateSiteProfile = (id: string, profile: SiteProfile) =>
  api.put<{ id: string; profile: SiteProfile }>(`/admin/sites/${encodeURIComponent(id)}/profile`, { profile });

export const useUpdateSiteProfile = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, profile }: { id: string; profile: SiteProfile }) => updateSiteProfile(id, profile),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'sites'] }),
  });
};
