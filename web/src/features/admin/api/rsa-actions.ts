import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ActionRefDto, ActionRefInput } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** The whole RSA action referential, inactive actions included (GET /api/admin/rsa/actions; docs/api.md, "RSA"). */
export const useAdminRsaActions = () =>
  useQuery({
    queryKey: ['admin', 'rsa', 'actions'],
    queryFn: () => api.get<{ items: ActionRefDto[] }>('/admin/rsa/actions'),
  });

/** Creates an action, or saves one (the whole action: theme, objective, label, active); never deletes. */
export const useSaveRsaAction = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: ActionRefInput }) =>
      id
        ? api.put<{ id: string }>(`/admin/rsa/actions/${encodeURIComponent(id)}`, body)
        : api.post<{ id: string }>('/admin/rsa/actions', body),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['admin', 'rsa', 'actions'] });
      // The workers' plan d'action offers the active actions.
      void queryClient.invalidateQueries({ queryKey: ['rsa', 'actions'] });
    },
  });
};
