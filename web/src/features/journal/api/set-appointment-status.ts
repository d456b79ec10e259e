import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AppointmentStatus } from '@jalon/core';
import { api } from '../../../lib/api-client';
import { invalidateAfterEntryChange } from './invalidate';

/** Honoré, non venu, excusé, annulé: the outcome of an appointment. */
export const setAppointmentStatus = (fileId: string, entryId: string, status: AppointmentStatus) =>
  api.put<void>(`/usagers/${encodeURIComponent(fileId)}/journal/${encodeURIComponent(entryId)}/status`, { status });

export const useSetAppointmentStatus = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ fileId, entryId, status }: { fileId: string; entryId: string; status: AppointmentStatus }) =>
      setAppointmentStatus(fileId, entryId, status),
    onSuccess: (_, { fileId }) => invalidateAfterEntryChange(queryClient, fileId),
  });
};
