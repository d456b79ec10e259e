import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportDto, ImportMappingInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

const key = (id: string) => ['imports', id];

/** An import; polled while its analysis or its commit runs (docs/api.md, "Imports"). */
export const useImport = (id: string | null) =>
  useQuery({
    queryKey: key(id ?? ''),
    enabled: Boolean(id),
    queryFn: () => api.get<ImportDto>(`/imports/${encodeURIComponent(id ?? '')}`),
    refetchInterval: (q) => (q.state.data && ['analysing', 'committing'].includes(q.state.data.status) ? 700 : false),
  });

export interface UploadImportInput {
  file: File;
  source: string;
  siteId?: string;
  profileId?: string;
}

/** The fields go before the file: the server checks them, then reads the bytes. */
export const useUploadImport = () =>
  useMutation({
    mutationFn: ({ file, source, siteId, profileId }: UploadImportInput) => {
      const form = new FormData();
      form.append('source', source);
      if (siteId) form.append('siteId', siteId);
      if (profileId) form.append('profileId', profileId);
      form.append('file', file, file.name);
      return api.postForm<{ importId: string }>('/imports', form);
    },
  });

export const useMapImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportMappingInput) =>
      api.put<{ importId: string }>(`/imports/${encodeURIComponent(id)}/mapping`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(id) }),
  });
};

export const useCommitImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmMerges: string[]) =>
      api.post<{ importId: string }>(`/imports/${encodeURIComponent(id)}/commit`, { confirmMerges }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: key(id) }),
  });
};

export const reportHref = (id: string) => `/api/imports/${encodeURIComponent(id)}/report.csv`;
