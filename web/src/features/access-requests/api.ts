import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccessRequestDto, AccessRequestInput } from '@jalon/core';
import { api } from '../../lib/api-client';

/** The person's access requests (RGPD art. 15, docs/api.md "Access requests"). */
export const useRecordAccessRequest = (fileId: string) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccessRequestInput) =>
      api.post<AccessRequestDto>(`/usagers/${encodeURIComponent(fileId)}/access-requests`, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['access-requests'] }),
  });
};

export const accessRequestsQuery = (status: 'pending' | 'produced' | 'all') =>
  queryOptions({
    queryKey: ['access-requests', status],
    queryFn: () => api.get<{ items: AccessRequestDto[] }>(`/dpo/access-requests?status=${status}`),
  });
export const useAccessRequests = (status: 'pending' | 'produced' | 'all') => useQuery(accessRequestsQuery(status));

/** The DPO's export of one request (downloading it marks the request answered). */
export const exportHref = (id: string, format: 'pdf' | 'json') =>
  `/api/dpo/access-requests/${encodeURIComponent(id)}/export?format=${format}`;
