import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AccueilVisitDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

const KEY = ['accueil'] as const;

/** The site's reception list of the day (secretaries and social workers of the site). */
export const useAccueilList = (enabled = true) =>
  useQuery({
    queryKey: KEY,
    queryFn: () => api.get<{ items: AccueilVisitDto[] }>('/accueil'),
    enabled,
    refetchInterval: 30_000,
  });

const useAccueilMutation = <T>(fn: (v: T) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEY }),
  });
};

export const useRecordArrival = () =>
  useAccueilMutation((fileId: string) => api.post(`/usagers/${encodeURIComponent(fileId)}/accueil`, {}));

export const useMarkSeen = () =>
  useAccueilMutation((v: { visitId: string; workerId?: string }) =>
    api.post(`/accueil/${encodeURIComponent(v.visitId)}/seen`, v.workerId ? { workerId: v.workerId } : {}),
  );

export const useRecordInFile = () =>
  useAccueilMutation((visitId: string) => api.post(`/accueil/${encodeURIComponent(visitId)}/record`, {}));
