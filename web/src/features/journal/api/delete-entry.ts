import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { invalidateAfterEntryChange } from './invalidate';

/** Soft delete with a reason: the entry leaves the timeline, the audit keeps the act. */
export const deleteEntry = (fileId: string, entryId: string, reason: string) =>
  api.post<void>(`/usagers/${encodeURIComponent(fileId)}/journal/${encodeURIComponent(entryId)}/delete`, { reason });

export const useDeleteEntry = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, reason }: { entryId: string; reason: string }) => deleteEntry(fileId, entryId, reason),
    onSuccess: () => invalidateAfterEntryChange(queryClient, fileId),
  });
};
