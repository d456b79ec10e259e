import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
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
  siteId: string;
}
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** How many recent imports are read to find the saved profiles. */
const PROFILE_LOOKBACK = 20;

/**
 * The column-mapping profiles saved on this site's imports. The API lists no profiles (docs/api.md, "Imports"): a
 * saved profile is found on the imports that saved or used it (their `profile` carries its id and name; a built-in
 * profile's id is its source's name, not a uuid), among the most recent legacy imports.
 */
export const useSavedProfiles = (imports: ImportListItem[] | undefined, sources: readonly string[]) => {
  const candidates = (imports ?? [])
    .filter((i) => sources.includes(i.source) && i.status !== 'failed')
    .slice(0, PROFILE_LOOKBACK);
  return useQueries({
    queries: candidates.map((i) => ({
      queryKey: key(i.id),
      queryFn: () => api.get<ImportDto>(`/imports/${encodeURIComponent(i.id)}`),
      staleTime: 60_000,
    })),
    combine: (results) => {
      const out = new Map<string, SavedProfile>();
      for (const r of results) {
        const p = r.data?.profile;
        if (p && UUID.test(p.id) && !out.has(p.id))
          out.set(p.id, { id: p.id, name: p.name, source: p.source, siteId: r.data?.siteId ?? '' });
      }
      return [...out.values()].sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    },
  });
};

export const useMapImport = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ImportMappingInput) =>
      api.put<{ importId: string }>(`/imports/${encodeURIComponent(id)}/mapping`, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(id) });
      void queryClient.invalidateQueries({ queryKey: ['imports', 'list'] });
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
