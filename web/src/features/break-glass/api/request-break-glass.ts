import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassGrantDto, BreakGlassInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** Asks for a motivated access to a file (reason + justification); the server grants it for 24 h and audits it. */
export const requestBreakGlass = (fileId: string, body: BreakGlassInput) =>
  api.post<BreakGlassGrantDto>(`/usagers/${encodeURIComponent(fileId)}/break-glass`, body);

export const useRequestBreakGlass = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BreakGlassInput) => requestBreakGlass(fileId, body),
    // The session now carries the grant: the file page reloads with the full part.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['usagers', 'file', fileId] }),
  });
};
