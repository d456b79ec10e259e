import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginInput, MeDto } from '@jalon/core';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

/** Opens a session; the CSRF token of the answer is kept for the following mutations. */
export const login = async (input: LoginInput): Promise<MeDto> => {
  const me = await api.post<MeDto>('/auth/login', input);
  setCsrfToken(me.csrfToken);
  return me;
};

export const useLogin = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
};
