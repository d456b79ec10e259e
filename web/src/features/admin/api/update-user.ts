import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AdminUserDto } from '../types';

export interface UpdateUserBody {
  displayName?: string;
  role?: string;
  siteId?: string | null;
  teamIds?: string[];
  active?: boolean;
  /** A new temporary password (reset). */
  password?: string;
}

export const updateUser = (id: string, body: UpdateUserBody) =>
  api.patch<AdminUserDto>(`/admin/users/${encodeURIComponent(id)}`, body);

export const useUpdateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: UpdateUserBody }) => updateUser(id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
};
