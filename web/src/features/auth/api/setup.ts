import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { MeDto, SetupInput } from '@jalon/core';
import { api, setCsrfToken } from '../../../lib/api-client';
import { meQueryKey } from './get-me';

/** Creates the first functional admin and logs them in. */
export const setup = async (input: SetupInput): Promise<MeDto> => {
  const me = await api.post<MeDto>('/setup', input);
  setCsrfToken(me.csrfToken);
  return me;
};

export const useSetup = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setup,
    onSuccess: (me) => {
      queryClient.setQueryData(['setup'], { needed: false });
      queryClient.setQueryData(meQueryKey, me);
    },
  });
};
