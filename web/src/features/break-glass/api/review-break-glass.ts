import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassQueueItemDto } from '@jalon/core';
import { api } from '../../../lib/api-client';

/** Marks a motivated access reviewed, with a comment. */
export const reviewBreakGlass = (id: string, comment: string) =>
  api.post<BreakGlassQueueItemDto>(`/break-glass/${encodeURIComponent(id)}/review`, { comment });

export const useReviewBreakGlass = () => {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: string; comment: string }) => reviewBreakGlass(v.id, v.comment),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['break-glass'] }),
  });
};
