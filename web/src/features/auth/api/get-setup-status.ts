import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';

export interface SetupStatus {
  needed: boolean;
}

/** True only on a fresh install (no user yet): the login page then becomes the first-admin form. */
export const getSetupStatus = () => api.get<SetupStatus>('/setup');

export const setupStatusQuery = () =>
  queryOptions({ queryKey: ['setup'], queryFn: getSetupStatus, staleTime: Infinity });

export const useSetupStatus = () => useQuery(setupStatusQuery());
