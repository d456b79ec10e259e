import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { MotifDto } from '../types';

/** Rename, deactivate or reactivate (the code is the stable key stored on entries). */
export const updateMotif = (code: string, body: { label?: string; active?: boolean }) =>
  api.patch<MotifDto>(`/admin/motifs/${encodeURIComponent(code)}`, body);

export const useUpdateMotif = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ code, body }: { code: string; body: { label?: string; active?: boolean } }) =>
      updateMotif(code, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['motifs'] }),
  });
};
