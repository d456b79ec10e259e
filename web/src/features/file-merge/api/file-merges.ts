import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FileMergeDto, FileMergeResultDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

const key = (fileId: string) => ['usagers', 'file', fileId, 'merges'];

/** The merges involving the file (its référents only). docs/api.md, "Fusion de dossiers". */
export const useFileMerges = (fileId: string) =>
  useQuery({
    queryKey: key(fileId),
    queryFn: () => api.get<{ data: FileMergeDto[] }>(`/usagers/${encodeURIComponent(fileId)}/merges`),
  });

/** Merges `duplicateId` into the file; every view of both files is refreshed. */
export const useMergeFiles = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { duplicateId: string; reason: string }) =>
      api.post<FileMergeResultDto>(`/usagers/${encodeURIComponent(fileId)}/merge`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['usagers'] }),
  });
};

export const useUndoMerge = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (mergeId: string) => api.post<{ id: string }>(`/file-merges/${encodeURIComponent(mergeId)}/undo`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['usagers'] }),
  });
};
