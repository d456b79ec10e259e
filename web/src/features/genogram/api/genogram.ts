import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GenoRelation, Genogram, GenogramDto, OpenSectionInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

const key = (fileId: string) => ['usagers', 'file', fileId, 'genogram'];
const relationsKey = (fileId: string) => ['usagers', 'file', fileId, 'genogram', 'relations'];
const url = (fileId: string) => `/usagers/${encodeURIComponent(fileId)}/genogram`;

/** The file's genogram (each read is access-logged: fetched once, on opening the tab). docs/api.md, Génogramme. */
export const useGenogram = (fileId: string) =>
  useQuery({
    queryKey: key(fileId),
    queryFn: () => api.get<GenogramDto>(url(fileId)),
    staleTime: Infinity,
    retry: false,
  });

/** The relationship lines (the sensitive part): read only once opened, and that read is logged apart. */
export const useGenogramRelations = (fileId: string, enabled: boolean) =>
  useQuery({
    queryKey: relationsKey(fileId),
    queryFn: async () => (await api.get<GenogramDto>(`${url(fileId)}?relations=1`)).relations ?? [],
    enabled,
    staleTime: Infinity,
    retry: false,
  });

/** Saves the drawing at the version read: a concurrent change is refused (409), never lost. */
export const useSaveGenogram = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; data: Genogram; relations?: GenoRelation[] }) =>
      api.put<GenogramDto>(url(fileId), body),
    onSuccess: (dto, body) => {
      queryClient.setQueryData(key(fileId), dto);
      if (body.relations) queryClient.setQueryData(relationsKey(fileId), body.relations);
    },
  });
};

/** Opens the relationship lines with a reason (traced on the file, like a sensitive section). */
export const useOpenGenogramRelations = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: OpenSectionInput) => api.post<GenogramDto>(`${url(fileId)}/relations/open`, body),
    onSuccess: (dto) =>
      queryClient.setQueryData<GenogramDto>(key(fileId), (old) =>
        old ? { ...old, relationsOpen: dto.relationsOpen } : dto,
      ),
  });
};
