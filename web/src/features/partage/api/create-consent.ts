import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConsentDto, CreateConsentInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

export const createConsent = (fileId: string, input: CreateConsentInput) =>
  api.post<ConsentDto>(`/usagers/${encodeURIComponent(fileId)}/consents`, input);

export const useCreateConsent = (fileId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateConsentInput) => createConsent(fileId, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['usagers', 'file', fileId, 'partage'] }),
  });
};
