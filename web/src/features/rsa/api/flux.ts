import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** A CAF flux import; polled while its analysis or its commit runs (docs/api.md, "RSA : flux CAF"). */
export const useFlux = (id: string | null) =>
  useQuery({
    queryKey: ['rsa', 'flux', id ?? ''],
    enabled: Boolean(id),
    queryFn: () => api.get<ImportDto>(`/rsa/flux/${encodeURIComponent(id ?? '')}`),
    refetchInterval: (q) => (q.state.data && ['analysing', 'committing'].includes(q.state.data.status) ? 700 : false),
  });

/** The fields go before the file: the server checks the target, then reads the bytes. */
export const useUploadFlux = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, siteId, teamId }: { file: File; siteId?: string; teamId?: string }) => {
      const form = new FormData();
      if (siteId) form.append('siteId', siteId);
      if (teamId) form.append('teamId', teamId);
      form.append('file', file, file.name);
      return api.postForm<{ importId: string }>('/rsa/flux', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
};
