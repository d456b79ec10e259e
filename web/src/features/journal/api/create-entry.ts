import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateEntryInput } from '@jalon/core';
import { api } from '../../../lib/api-client';
import type { CreatedEntryDto } from '../types';
import { invalidateAfterEntryChange } from './invalidate';

/** The body as sent: the schema's defaults (motifs, visibility…) may be left out. */
export type CreateEntryBody = Partial<CreateEntryInput> & Pick<CreateEntryInput, 'type' | 'occurredAt'>;

/** Records an entry (or books an appointment); the answer may carry warnings (overlapping appointment). */
export const createEntry = (fileId: string, body: CreateEntryBody) =>
  api.post<CreatedEntryDto>(`/usagers/${encodeURIComponent(fileId)}/journal`, body);

export const useCreateEntry = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, body }: { fileId: string; body: CreateEntryBody }) => createEntry(fileId, body),
    onSuccess: (_, { fileId }) => invalidateAfterEntryChange(queryClient, fileId),
  });
};
