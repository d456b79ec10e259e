import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './api-client';

/** Client errors (401, 403, 404…) are answers, not glitches: retrying them only delays the message. */
const shouldRetry = (failureCount: number, error: unknown) =>
  failureCount < 2 && !(isApiError(error) && error.status >= 400 && error.status < 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
    mutations: { retry: false },
  },
});
