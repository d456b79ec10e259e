import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MeDto } from '@jalon/core';
import { api, isApiError, setCsrfToken } from '../../../lib/api-client';

/** The current session, or null when there is none (401 is an answer here, not an error). */
export const getMe = async (): Promise<MeDto | null> => {
  try {
    const me = await api.get<MeDto>('/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
};

export const meQueryKey = ['auth', 'me'] as const;

export const meQuery = () => queryOptions({ queryKey: meQueryKey, queryFn: getMe, staleTime: 5 * 60_000 });

export const useMe = () => useQuery(meQuery());
