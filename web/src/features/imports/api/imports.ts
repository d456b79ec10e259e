import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImportDto, ImportMappingInput, ImportStatus } from '@jalon/core';
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
  /** The team of the files whose row names none. */
  teamId?: string;
}

/** The fields go before the file: the server checks them, then reads the bytes. */
export const useUploadImport = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, source, siteId, profileId, teamId }: UploadImportInput) => {
      const form = new FormData();
      form.append('source', source);
      if (siteId) form.append('siteId', siteId);
      if (profileId) form.append('profileId', profileId);
      if (teamId) form.append('teamId', teamId);
      form.append('file', file, file.name);
      return api.postForm<{ importId: string }>('/imports', form);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['imports', 'list'] }),
  });
};

/** One of the recent imports (GET /api/imports): the caller's site, every site for the administrator. */
export interface ImportListItem {
  id: string;
  source: string;
  fileName: string;
  status: ImportStatus;
  createdAt: string;
}

export const useImports = () =>
  useQuery({
    queryKey: ['imports', 'list'],
    queryFn: async () => (await api.get<{ data: ImportListItem[] }>('/imports')).data,
  });

export interface SavedProfile {
  id: string;
  name: string;
  source: string;
  /** null: saved for every site. */
  siteId: string | null;
}

/** The column-mapping profiles saved for the sites the caller imports to (docs/api.md, "Imports"). */
export const useSavedProfiles = (sources: readonly string[]) =>
  useQuery({
    queryKey: ['imports', 'profiles'],
    queryFn: () => api.get<{ data: SavedProfile[] }>('/imports/profiles'),
    select: (r) => r.data.filter((p) => sources.includes(p.source)).sort((a, b) => a.name.localeCompare(b.name, 'fr')),
    staleTime: 60_000,
  });

export const useMapImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportMappingInput) =>
      api.put<{ importId: string }>(`/imports/${encodeURIComponent(id)}/mapping`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(id) });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'profiles'] });
    },
  });
};

export const useCommitImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (confirmMerges: string[]) =>
      api.post<{ importId: string }>(`/imports/${encodeURIComponent(id)}/commit`, { confirmMerges }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(id) });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
      void queryClient.invalidateQueries({ queryKey: ['rsa', 'flux', id] });
    },
  });
};

export const reportHref = (id: string) => `/api/imports/${encodeURIComponent(id)}/report.csv`;
