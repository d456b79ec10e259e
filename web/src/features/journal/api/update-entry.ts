import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { UpdateEntryInput } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { invalidateAfterEntryChange } from './invalidate';

export type UpdateEntryBody = Partial<UpdateEntryInput> & Pick<UpdateEntryInput, 'version'>;

/** The author rewrites an entry; after 24 h the server keeps the previous state as a version. */
export const updateEntry = (fileId: string, entryId: string, body: UpdateEntryBody) =>
  api.patch<void>(`/usagers/${encodeURIComponent(fileId)}/journal/${encodeURIComponent(entryId)}`, body);

export const useUpdateEntry = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ entryId, body }: { entryId: string; body: UpdateEntryBody }) => updateEntry(fileId, entryId, body),
    onSuccess: () => invalidateAfterEntryChange(queryClient, fileId),
  });
};
