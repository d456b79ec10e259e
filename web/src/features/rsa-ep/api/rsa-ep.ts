import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EpPassageDto, EpSessionDto, EpTasksDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** RSA équipe pluridisciplinaire (docs/api.md, "RSA : équipe pluridisciplinaire et sanctions"). */

export type EpSessionDetail = EpSessionDto & { passages: EpPassageDto[]; hidden: number };

const ROOT = ['rsa-ep'] as const;
const fileKey = (fileId: string) => ['usagers', 'file', fileId, 'rsa-ep'];
const fileUrl = (fileId: string) => `/usagers/${encodeURIComponent(fileId)}/rsa/ep`;

export const useEpSessions = () =>
  useQuery({ queryKey: [...ROOT, 'sessions'], queryFn: () => api.get<EpSessionDto[]>('/rsa/ep/sessions') });

export const useEpSession = (id: string | null) =>
  useQuery({
    queryKey: [...ROOT, 'session', id],
    queryFn: () => api.get<EpSessionDetail>(`/rsa/ep/sessions/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  });

export const useEpTasks = () =>
  useQuery({ queryKey: [...ROOT, 'tasks'], queryFn: () => api.get<EpTasksDto>('/rsa/ep/tasks') });

/** The file's passages (each read is access-logged: fetched on opening the tab). */
export const useFileEp = (fileId: string) =>
  useQuery({ queryKey: fileKey(fileId), queryFn: () => api.get<EpPassageDto[]>(fileUrl(fileId)), retry: false });

export const useCreateEpSession = () => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: {
      date: string;
      place: string;
      members: { organisation: string; name: string }[];
      representatives: { name: string }[];
    }) => api.post<{ id: string }>('/rsa/ep/sessions', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ROOT }),
  });
};

export const useInscribe = (fileId: string) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: { sessionId: string; motif: string; facts: string; personId?: string }) =>
      api.post<{ id: string }>(fileUrl(fileId), body),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: fileKey(fileId) }), qc.invalidateQueries({ queryKey: ROOT })]),
  });
};

export type PassageVerb = 'observations' | 'avis' | 'decision' | 'withdraw' | 'remobilisation' | 'notification';

/** One action on a passage; the file's tab and the session's page are refreshed. */
export const usePassageAction = (fileId: string, passageId: string, verb: PassageVerb) => {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: object) =>
      api.post<unknown>(`${fileUrl(fileId)}/${encodeURIComponent(passageId)}/${verb}`, body),
    onSuccess: () =>
      Promise.all([qc.invalidateQueries({ queryKey: fileKey(fileId) }), qc.invalidateQueries({ queryKey: ROOT })]),
  });
};
