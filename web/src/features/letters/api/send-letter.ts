import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SendLetterInput } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { documentsKey } from '../../documents/api/documents';
import { timelineKey } from '../../journal/api/get-timeline';

/**
 * A letter from a template, rendered to PDF and kept as a document of the file (a convocation linked to its
 * appointment, where the journal shows it): docs/api.md, "Courriers".
 */
export const useSendLetter = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SendLetterInput) =>
      api.post<{ id: string; documentId: string }>(`/usagers/${encodeURIComponent(fileId)}/letters`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: documentsKey(fileId) }),
        queryClient.invalidateQueries({ queryKey: timelineKey(fileId) }),
      ]),
  });
};
