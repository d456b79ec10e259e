import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangePasswordInput } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

export const changePassword = (input: ChangePasswordInput) => api.post<void>('/auth/password', input);

/** After a change, the session is read again: it no longer asks for a change (docs/security.md, Login). */
export const useChangePassword = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changePassword,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: meQueryKey }),
  });
};
