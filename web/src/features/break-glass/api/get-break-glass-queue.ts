import { queryOptions, useQuery } from '@tanstack/react-query';
import type { BreakGlassQueueItemDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

export type QueueStatus = 'pending' | 'reviewed';

/** The review queue of motivated accesses: the DPO's (all sites) or the responsable's (their site). */
export const breakGlassQueueQuery = (status: QueueStatus) =>
  queryOptions({
    queryKey: ['break-glass', status],
    queryFn: () => api.get<{ items: BreakGlassQueueItemDto[] }>(`/break-glass?status=${status}`),
  });

export const useBreakGlassQueue = (status: QueueStatus) => useQuery(breakGlassQueueQuery(status));
