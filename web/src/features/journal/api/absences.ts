import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AbsenceDto, AbsenceKind } from '@jalon/core';
import { api, toQuery } from '../../../lib/api-client';
import type { ItemsDto } from '../types';

/** Declared absences between two days (yyyy-mm-dd, inclusive): mine, or the site's (one worker optionally). */
export const getAbsences = (from: string, to: string, workerId?: string) =>
  api.get<ItemsDto<AbsenceDto>>(`/absences${toQuery({ from, to, workerId })}`);

export const useAbsences = (from: string, to: string, workerId?: string) =>
  useQuery({
    queryKey: ['absences', from, to, workerId ?? ''],
    queryFn: () => getAbsences(from, to, workerId),
    placeholderData: keepPreviousData,
  });

export interface AbsenceBody {
  workerId?: string;
  startsAt: string;
  endsAt: string;
  kind: AbsenceKind;
}

export const useDeclareAbsence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AbsenceBody) => api.post<{ id: string }>('/absences', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['absences'] }),
  });
};

export const useWithdrawAbsence = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<void>(`/absences/${encodeURIComponent(id)}/delete`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['absences'] }),
  });
};
