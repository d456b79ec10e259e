import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExtendRetentionInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

export const extendRetention = (fileId: string, input: ExtendRetentionInput) =>
  api.post<{ deadline: string }>(`/usagers/${encodeURIComponent(fileId)}/retention`, input);

export const useExtendRetention = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, input }: { fileId: string; input: ExtendRetentionInput }) => extendRetention(fileId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['retention', 'upcoming'] }),
  });
};
