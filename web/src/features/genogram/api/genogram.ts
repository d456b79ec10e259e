import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Genogram, GenogramDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

const key = (fileId: string) => ['usagers', 'file', fileId, 'genogram'];
const url = (fileId: string) => `/usagers/${encodeURIComponent(fileId)}/genogram`;

/** The file's genogram (each read is access-logged: fetched once, on opening the tab). docs/api.md, Génogramme. */
export const useGenogram = (fileId: string) =>
  useQuery({
    queryKey: key(fileId),
    queryFn: () => api.get<GenogramDto>(url(fileId)),
    staleTime: Infinity,
    retry: false,
  });

/** Saves the drawing at the version read: a concurrent change is refused (409), never lost. */
export const useSaveGenogram = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { version: number; data: Genogram }) => api.put<GenogramDto>(url(fileId), body),
    onSuccess: (dto) => queryClient.setQueryData(key(fileId), dto),
  });
};
