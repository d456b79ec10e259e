import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { setUnauthorizedHandler } from '../lib/api-client';
import { queryClient } from '../lib/query-client';
import { meQueryKey } from '../features/auth/api/get-me';

/**
 * Query cache and session wiring. A 401 on any call means the session is gone: forgetting the user
 * makes the auth guard send the browser to /connexion, with the page to come back to (cached
 * answers are dropped at the next login).
 */
export function AppProvider({ children }: { children: ReactNode }) {
  useEffect(() => {
    setUnauthorizedHandler(() => queryClient.setQueryData(meQueryKey, null));
    return () => setUnauthorizedHandler(null);
  }, []);
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;
}
