import type { BulkDecisionsInput } from '@jalon/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export const recordDecisions = (id: string, body: BulkDecisionsInput) =>
  api.post<{ decided: number; letters: number; closed: boolean }>(
    `/commissions/${encodeURIComponent(id)}/decisions`,
    body,
  );

export const useRecordDecisions = (id: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BulkDecisionsInput) => recordDecisions(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
};
