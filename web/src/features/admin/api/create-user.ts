import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import type { AdminUserDto } from '../types';

export interface CreateUserBody {
  email: string;
  displayName: string;
  role: string;
  siteId: string | null;
  teamIds: string[];
  password: string;
}

/** Creates an account with a temporary password the user changes at first use. */
export const createUser = (body: CreateUserBody) => api.post<AdminUserDto>('/admin/users', body);

export const useCreateUser = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
};
