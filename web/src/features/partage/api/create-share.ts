import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateShareInput, ShareDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

export const createShare = (fileId: string, input: CreateShareInput) =>
  api.post<ShareDto>(`/usagers/${encodeURIComponent(fileId)}/shares`, input);

export const useCreateShare = (fileId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateShareInput) => createShare(fileId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['usagers', 'file', fileId, 'partage'] }),
  });
};
