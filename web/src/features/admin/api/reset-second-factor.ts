import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

/** Removes a user's TOTP factor and recovery codes (lost phone); the user's sessions end. */
export const resetSecondFactor = (id: string) => api.post<void>(`/admin/users/${encodeURIComponent(id)}/totp/reset`);

export const useResetSecondFactor = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resetSecondFactor,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
};
