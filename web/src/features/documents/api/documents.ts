import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { DocumentDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

export const documentsKey = (fileId: string) => ['usagers', 'file', fileId, 'documents'];
const key = documentsKey;

/** The file's documents (its need-to-know only). */
export const useDocuments = (fileId: string) =>
  useQuery({
    queryKey: key(fileId),
    queryFn: () => api.get<{ items: DocumentDto[] }>(`/usagers/${encodeURIComponent(fileId)}/documents`),
  });

export const documentHref = (id: string) => `/api/documents/${encodeURIComponent(id)}/content`;

export interface UploadInput {
  fileId: string;
  file: File;
  type: string;
  validUntil?: string;
  entryId?: string;
}

/** The fields go before the file: the server reads them first, then streams the bytes. */
export const useUploadDocument = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, file, type, validUntil, entryId }: UploadInput) => {
      const form = new FormData();
      form.append('type', type);
      if (validUntil) form.append('validUntil', validUntil);
      if (entryId) form.append('entryId', entryId);
      form.append('file', file, file.name);
      return api.postForm<{ id: string }>(`/usagers/${encodeURIComponent(fileId)}/documents`, form);
    },
    onSuccess: (_, { fileId }) => queryClient.invalidateQueries({ queryKey: key(fileId) }),
  });
};
