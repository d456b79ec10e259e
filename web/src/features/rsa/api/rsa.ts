import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  ActionRefDto,
  ContractInput,
  OrientationInput,
  RsaBlockInput,
  RsaFileDto,
  RsaReferentInput,
  RsaTaskDto,
} from '@jalon/core';
import { api } from '../../../lib/api-client';

const key = (fileId: string) => ['usagers', 'file', fileId, 'rsa'];
const base = (fileId: string) => `/usagers/${encodeURIComponent(fileId)}/rsa`;
const member = (fileId: string, memberId: string) => `${base(fileId)}/members/${encodeURIComponent(memberId)}`;

/** The RSA tab of a file (each read is access-logged: fetched on opening the tab). docs/api.md, "RSA". */
export const useRsa = (fileId: string) =>
  useQuery({ queryKey: key(fileId), queryFn: () => api.get<RsaFileDto>(base(fileId)), retry: false });

/** Every write refreshes the tab (history, delays and tasks move together). */
const useRsaWrite = <V>(fileId: string, fn: (v: V) => Promise<unknown>) => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: key(fileId) });
      void queryClient.invalidateQueries({ queryKey: ['rsa', 'tasks'] });
    },
  });
};

export const useSaveBlock = (fileId: string, memberId: string) =>
  useRsaWrite(fileId, (body: RsaBlockInput) => api.put(member(fileId, memberId), body));
export const useOrient = (fileId: string, memberId: string) =>
  useRsaWrite(fileId, (body: OrientationInput) => api.post(`${member(fileId, memberId)}/orientation`, body));
export const useSetRsaReferent = (fileId: string, memberId: string) =>
  useRsaWrite(fileId, (body: RsaReferentInput) => api.post(`${member(fileId, memberId)}/referents`, body));
export const useCreateContract = (fileId: string, memberId: string) =>
  useRsaWrite(fileId, (body: Partial<ContractInput>) =>
    api.post<{ id: string }>(`${member(fileId, memberId)}/contracts`, body),
  );
export const useSignContract = (fileId: string) =>
  useRsaWrite(fileId, ({ contractId, ...body }: { contractId: string; signedOn: string; documentId?: string | null }) =>
    api.post(`${base(fileId)}/contracts/${encodeURIComponent(contractId)}/sign`, body),
  );
export const useSavePlan = (fileId: string) =>
  useRsaWrite(
    fileId,
    ({ contractId, actions }: { contractId: string; actions: { actionId: string; status: string }[] }) =>
      api.put(`${base(fileId)}/contracts/${encodeURIComponent(contractId)}/plan`, { actions }),
  );

export const contractPdfHref = (fileId: string, contractId: string) =>
  `/api${base(fileId)}/contracts/${encodeURIComponent(contractId)}/contract.pdf`;

/** The active actions of the referential (theme → objective → action). */
export const useRsaActions = () =>
  useQuery({
    queryKey: ['rsa', 'actions'],
    queryFn: () => api.get<{ items: ActionRefDto[] }>('/rsa/actions'),
    staleTime: 5 * 60_000,
  });

/** The worker's RSA task lists (their files, or their teams'). */
export const useRsaTasks = (scope: 'mine' | 'team') =>
  useQuery({
    queryKey: ['rsa', 'tasks', scope],
    queryFn: () => api.get<{ items: RsaTaskDto[] }>(`/rsa/tasks?scope=${scope}`),
  });
